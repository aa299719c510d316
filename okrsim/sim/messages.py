"""The simulator's sentences for people, per language (the same keys in each).

English input descriptions come from :data:`okrsim.plan.schema.MODEL_FIELDS`; the other languages
name every model input here, so a translation is a change to this file only. Numbers follow the
language's habits (a decimal comma in Italian).
"""

from __future__ import annotations

from okrsim.i18n.sentences import Sentences
from okrsim.plan import schema

#: Model input descriptions in languages other than English (English: ``schema.MODEL_FIELDS``).
INPUT_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "it": {
        "basis": "base della crescita",
        "reps.existing": "venditori già a quota piena",
        "reps.monthly_quota": "quota mensile di un venditore a regime",
        "reps.attainment": "parte della quota raggiunta da un venditore a regime",
        "reps.market": "fattore di mercato comune a tutti i venditori",
        "hiring.count": "venditori assunti nel periodo",
        "hiring.months": "mesi di inizio previsti per le assunzioni",
        "hiring.delay_months": "tempo per coprire una posizione, in mesi",
        "hiring.washout": "probabilità che un nuovo assunto se ne vada durante l'inserimento",
        "ramp.months": "mesi perché un nuovo venditore arrivi alla quota piena",
        "ramp.curve": "andamento dell'inserimento fino alla quota piena",
        "attrition.annual": "parte dei venditori che se ne va in un anno",
        "attrition.backfill": "se chi se ne va viene sostituito",
        "attrition.backfill_delay_months": "mesi tra l'ultimo mese di chi se ne va e l'arrivo "
                                           "del sostituto",
        "drivers.deal_value_change": "variazione relativa del valore medio dei contratti",
        "drivers.sales_cycle_change": "variazione relativa della durata del ciclo di vendita",
        "drivers.win_rate_change": "variazione relativa del tasso di successo",
        "retention.gross_annual": "retention lorda annua dei ricavi",
        "retention.expansion_annual": "espansione annua della base clienti",
    },
}

SENTENCES: dict[str, dict[str, str]] = {
    "en": {
        "solve.found": "{path} ({description}) {bound} {value} gives P(target) = {p} >= "
                       "{probability}.",
        "solve.unreachable": "P(target) >= {probability} is not reachable for {path} within the "
                             "allowed range {low} to {high} (best: {p} at {best}).",
        "bound.increasing": "at least",
        "bound.decreasing": "at most",
    },
    "it": {
        "solve.found": "Con {path} ({description}) {bound} {value}, P(obiettivo) = {p} ≥ "
                       "{probability}.",
        "solve.unreachable": "P(obiettivo) ≥ {probability} non si raggiunge muovendo {path} "
                             "({description}) nell'intervallo consentito, da {low} a {high} "
                             "(al meglio {p} con {best}).",
        "bound.increasing": "pari ad almeno",
        "bound.decreasing": "pari al massimo a",
    },
}

#: The sentences with their language check: ``TEXT.say(lang, key, **values)``.
TEXT = Sentences(SENTENCES, "The simulator's messages are written")
_DECIMAL_COMMA = {"it"}


def input_description(path: str, lang: str = "en") -> str:
    """What the model input ``path`` means, in ``lang``."""
    if TEXT.check_lang(lang) == "en":
        return schema.MODEL_FIELDS[path].description
    return INPUT_DESCRIPTIONS[lang][path]


def number(text: str, lang: str) -> str:
    """A number already formatted the English way (``"82.2%"``), with the language's decimal
    mark."""
    return text.replace(".", ",") if lang in _DECIMAL_COMMA else text
