"""The sentences of the cascade check, per language (the same keys in each).

:func:`okrsim.check` writes every :class:`~okrsim.cascade.Finding` message and the headings of
:meth:`~okrsim.cascade.CascadeReport.to_text` from these tables, so a translation is a change to
this file only. Finding codes and severities stay language-neutral.
"""

from __future__ import annotations

from okrsim.i18n.sentences import Sentences

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "duplicate-id.objective": "Objective id '{id}' is used {n} times; give each objective "
                                  "its own id.",
        "duplicate-id.key_result": "Key result id '{id}' is used {n} times; give each key result "
                                   "its own id.",
        "cycle": "Objectives {path} form a cycle; each objective must support one above it, "
                 "ending at a company objective.",
        "missing-parent": "Objective '{id}' names parent '{parent}', which is not in the plan; "
                          "point it at an existing objective id.",
        "supports-nothing": "Objective '{id}' of {owner} supports nothing; give it a 'parent' so "
                            "it links up to a company objective.",
        "too-few-key-results": "Objective '{id}' has {n} {noun}; write {low} to {high} so "
                               "progress is measured from more than one angle.",
        "too-many-key-results": "Objective '{id}' has {n} key results; keep at most {high} so "
                                "the team can focus.",
        "not-measurable": "Key result '{id}' has no number to measure it; state the metric with a "
                          "target value, ideally 'from X to Y'.",
        "activity": "Key result '{id}' is an activity, not an outcome. {advice}",
        "target-incomplete": "Company target '{id}' has no {missing}; give both so target "
                             "growth = target / baseline - 1.",
        "target-not-company": "Key result '{id}' drives the company target but sits under team "
                              "objective '{objective}'; put it on a company objective.",
        "several-targets": "Key results {ids} all say 'drives: target'; a plan has one company "
                           "growth target.",
        "unknown-drives": "Key result '{id}' drives '{drives}', which the model does not have; "
                          "use one of {allowed}.",
        "duplicate-drives": "Key results '{first}' and '{id}' both commit '{drives}'; keep one "
                            "owner per model input.",
        "noun.key_result.one": "key result",
        "noun.key_result.many": "key results",
        "missing.baseline": "baseline",
        "missing.target": "target",
        "missing.both": "baseline and no target",
        "report.header": "{name} ({start}, {months} months)",
        "report.clean": "No findings: every team objective links up and every key result is "
                        "measurable.",
        "report.findings.one": "{n} finding:",
        "report.findings.many": "{n} findings:",
        "severity.invalid": "invalid",
        "severity.error": "error",
        "severity.warning": "warning",
    },
    "it": {
        "duplicate-id.objective": "L'id di obiettivo '{id}' è usato {n} volte; dai a ogni "
                                  "obiettivo un id diverso.",
        "duplicate-id.key_result": "L'id di risultato chiave '{id}' è usato {n} volte; dai a ogni "
                                   "risultato chiave un id diverso.",
        "cycle": "Gli obiettivi {path} formano un ciclo; ogni obiettivo deve sostenerne uno più "
                 "in alto, fino ad arrivare a un obiettivo aziendale.",
        "missing-parent": "L'obiettivo '{id}' indica come padre '{parent}', che non è nel piano; "
                          "collegalo a un id di obiettivo esistente.",
        "supports-nothing": "L'obiettivo '{id}' di {owner} non sostiene nulla; dagli un 'parent' "
                            "che lo colleghi a un obiettivo aziendale.",
        "too-few-key-results": "L'obiettivo '{id}' ha {n} {noun}; scrivine da {low} a {high}, "
                               "così misuri i progressi da più di un punto di vista.",
        "too-many-key-results": "L'obiettivo '{id}' ha {n} risultati chiave; tienine al massimo "
                                "{high}, così il team resta concentrato.",
        "not-measurable": "Il risultato chiave '{id}' non ha un numero con cui misurarlo; indica "
                          "la metrica con un valore da raggiungere, meglio se 'da X a Y'.",
        "activity": "Il risultato chiave '{id}' è un'attività, non un risultato. {advice}",
        "target-incomplete": "Il target aziendale '{id}' non ha {missing}; indicali entrambi, "
                             "così crescita obiettivo = target / baseline - 1.",
        "target-not-company": "Il risultato chiave '{id}' guida il target aziendale ma sta sotto "
                              "l'obiettivo di team '{objective}'; spostalo su un obiettivo "
                              "aziendale.",
        "several-targets": "I risultati chiave {ids} dicono tutti 'drives: target'; un piano ha "
                           "un solo obiettivo di crescita aziendale.",
        "unknown-drives": "Il risultato chiave '{id}' guida '{drives}', che il modello non ha; "
                          "usa uno di questi: {allowed}.",
        "duplicate-drives": "I risultati chiave '{first}' e '{id}' impegnano entrambi "
                            "'{drives}'; lascia un solo responsabile per ogni input del modello.",
        "noun.key_result.one": "risultato chiave",
        "noun.key_result.many": "risultati chiave",
        "missing.baseline": "baseline",
        "missing.target": "target",
        "missing.both": "né baseline né target",
        "report.header": "{name} ({start}, {months} mesi)",
        "report.clean": "Nessun problema: ogni obiettivo di team è collegato e ogni risultato "
                        "chiave è misurabile.",
        "report.findings.one": "{n} problema:",
        "report.findings.many": "{n} problemi:",
        "severity.invalid": "non valido",
        "severity.error": "errore",
        "severity.warning": "avviso",
    },
}

_TABLE = Sentences(MESSAGES, "The cascade check writes its findings")
#: Languages the cascade check writes.
LANGS: tuple[str, ...] = _TABLE.langs
check_lang = _TABLE.check_lang
say = _TABLE.say


def plural(lang: str, key: str, n: int, **values: object) -> str:
    """``key.one`` when ``n`` is 1, else ``key.many``, with ``n`` and ``values`` filled in."""
    return say(lang, f"{key}.{'one' if n == 1 else 'many'}", n=n, **values)
