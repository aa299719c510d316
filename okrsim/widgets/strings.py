"""The words every widget shows, in English and Italian.

One table per language with the same keys; widgets look words up with :func:`ui_text` instead of
writing literals, so a translation is a change to this file only.
"""

from __future__ import annotations

from okrsim.errors import OkrsimError

#: Languages the widgets speak.
LANGS: tuple[str, ...] = ("en", "it")

UI: dict[str, dict[str, str]] = {
    "en": {
        # shared
        "check": "Check",
        "no_findings": "No findings: every objective links up and every key result is measurable.",
        "findings": "{n} finding(s)",
        "severity.invalid": "invalid",
        "severity.error": "error",
        "severity.warning": "warning",
        "owner": "Owner",
        "drives": "drives",
        "plan_summary": "{objectives} objectives, {key_results} key results",
        "cannot_read_plan": "This plan cannot be read",
        "editor_label": "Plan (YAML)",
        # quiz
        "quiz_check": "Check my answers",
        "quiz_pick": "— choose —",
        "quiz_score": "{right} of {total} right",
        "quiz_unanswered": "not answered yet",
        "quiz_right": "right",
        "quiz_wrong": "not quite: it is {answer}",
        # grader
        "grade": "Grade",
        "grader_placeholder": "Write an objective or a key result…",
        "lang_auto": "auto",
        "lang_en": "English",
        "lang_it": "Italiano",
        "language": "Language",
        "score": "Score",
        "kind.objective": "Objective",
        "kind.key_result": "Key result",
        "activity": "Activity: it says what you will do, not what will change.",
        "outcome": "Outcome: it says what will change.",
        "suggestion": "Suggested rewrite",
        "evidence": "Evidence",
        "advice": "Advice",
        "verdict.met": "met",
        "verdict.partial": "partial",
        "verdict.missing": "missing",
        "verdict.unknown": "unknown",
        "criterion.specific": "Specific",
        "criterion.measurable": "Measurable",
        "criterion.achievable": "Achievable",
        "criterion.relevant": "Relevant",
        "criterion.time_bound": "Time-bound",
        "nothing_yet": "Nothing graded yet.",
        # builder
        "objective": "Objective",
        "key_result_n": "Key result {n}",
        "add_kr": "Add key result",
        "remove_kr": "Remove last",
        "grade_set": "Grade the set",
        "set_checks": "The set as a whole",
        "set.empty_kr": "Key result {n} is empty; write it or remove it.",
        # dashboard
        "dash.hires": "Hires",
        "dash.ramp": "Ramp (months)",
        "dash.delay": "Time to fill (months)",
        "dash.attainment": "Attainment",
        "dash.attrition": "Attrition / year",
        "dash.retention": "Retention / year",
        "dash.deal_value": "Deal value change",
        "dash.cycle": "Sales cycle change",
        "dash.trials": "Trials",
        "dash.seed": "Seed",
        "dash.target": "Target growth",
        "dash.on_paper": "On paper",
        "dash.adds_up": "the key results add up",
        "dash.not_adds_up": "the key results do not add up",
        "dash.p_target": "P(target)",
        "dash.p_profit": "P(profit target)",
        "dash.p_both": "P(both targets)",
        "dash.growth": "Growth p10 / p50 / p90",
        "dash.sensitivity": "What matters most?",
        "dash.solve": "Hires needed for",
        "dash.solve_button": "Goal seek",
        "dash.probability": "Probability",
        "dash.reset": "Reset",
        "dash.busy": "Working…",
    },
    "it": {
        "check": "Verifica",
        "no_findings": "Nessun problema: ogni obiettivo è collegato e ogni risultato chiave è "
                       "misurabile.",
        "findings": "{n} problema/i",
        "severity.invalid": "non valido",
        "severity.error": "errore",
        "severity.warning": "avviso",
        "owner": "Responsabile",
        "drives": "guida",
        "plan_summary": "{objectives} obiettivi, {key_results} risultati chiave",
        "cannot_read_plan": "Questo piano non si può leggere",
        "editor_label": "Piano (YAML)",
        "quiz_check": "Controlla le risposte",
        "quiz_pick": "— scegli —",
        "quiz_score": "{right} su {total} giuste",
        "quiz_unanswered": "nessuna risposta",
        "quiz_right": "giusto",
        "quiz_wrong": "non proprio: è {answer}",
        "grade": "Valuta",
        "grader_placeholder": "Scrivi un obiettivo o un risultato chiave…",
        "lang_auto": "automatica",
        "lang_en": "English",
        "lang_it": "Italiano",
        "language": "Lingua",
        "score": "Punteggio",
        "kind.objective": "Obiettivo",
        "kind.key_result": "Risultato chiave",
        "activity": "Attività: dice cosa farai, non cosa cambierà.",
        "outcome": "Risultato: dice cosa cambierà.",
        "suggestion": "Riscrittura suggerita",
        "evidence": "Indizi",
        "advice": "Consiglio",
        "verdict.met": "soddisfatto",
        "verdict.partial": "in parte",
        "verdict.missing": "mancante",
        "verdict.unknown": "non valutabile",
        "criterion.specific": "Specifico",
        "criterion.measurable": "Misurabile",
        "criterion.achievable": "Raggiungibile",
        "criterion.relevant": "Rilevante",
        "criterion.time_bound": "Definito nel tempo",
        "nothing_yet": "Ancora nulla da valutare.",
        "objective": "Obiettivo",
        "key_result_n": "Risultato chiave {n}",
        "add_kr": "Aggiungi risultato chiave",
        "remove_kr": "Togli l'ultimo",
        "grade_set": "Valuta l'insieme",
        "set_checks": "L'insieme nel complesso",
        "set.empty_kr": "Il risultato chiave {n} è vuoto; scrivilo o toglilo.",
        "dash.hires": "Assunzioni",
        "dash.ramp": "Inserimento (mesi)",
        "dash.delay": "Tempo di assunzione (mesi)",
        "dash.attainment": "Raggiungimento quota",
        "dash.attrition": "Uscite / anno",
        "dash.retention": "Retention / anno",
        "dash.deal_value": "Variazione valore affare",
        "dash.cycle": "Variazione ciclo di vendita",
        "dash.trials": "Simulazioni",
        "dash.seed": "Seme",
        "dash.target": "Crescita obiettivo",
        "dash.on_paper": "Sulla carta",
        "dash.adds_up": "i risultati chiave tornano",
        "dash.not_adds_up": "i risultati chiave non tornano",
        "dash.p_target": "P(obiettivo)",
        "dash.p_profit": "P(obiettivo di utile)",
        "dash.p_both": "P(entrambi gli obiettivi)",
        "dash.growth": "Crescita p10 / p50 / p90",
        "dash.sensitivity": "Cosa conta di più?",
        "dash.solve": "Assunzioni necessarie per",
        "dash.solve_button": "Ricerca obiettivo",
        "dash.probability": "Probabilità",
        "dash.reset": "Ripristina",
        "dash.busy": "Calcolo in corso…",
    },
}


def check_lang(lang: str) -> str:
    """Return ``lang`` when the widgets speak it, else raise a one-sentence error.

    Parameters
    ----------
    lang : str
        A language code such as ``"en"``.

    Returns
    -------
    str
        The same code.

    Raises
    ------
    OkrsimError
        When the language is not one of :data:`LANGS`.
    """
    if lang not in LANGS:
        allowed = " or ".join(repr(x) for x in LANGS)
        raise OkrsimError(f"The widgets speak {allowed}; got {lang!r}.")
    return lang


def ui_text(key: str, lang: str = "en", **values: object) -> str:
    """Look up the words for ``key`` in ``lang`` and fill in ``values``.

    Parameters
    ----------
    key : str
        A key of :data:`UI`, e.g. ``"grade"``.
    lang : str
        ``"en"`` or ``"it"``.
    **values
        Placeholders of the string, e.g. ``n=3`` for ``"{n} finding(s)"``.

    Returns
    -------
    str
        Plain text (not HTML-escaped: escape it where it goes into HTML).
    """
    return UI[check_lang(lang)][key].format(**values)
