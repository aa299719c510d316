"""``grade``: the SMART assessment of one objective or key result."""

from __future__ import annotations

import math
import re

from okrsim.errors import OkrsimError
from okrsim.grading import rules
from okrsim.grading.analysis import Analysis, analyse
from okrsim.grading.language import detect_language
from okrsim.grading.lexicon import check_language, load_lexicon
from okrsim.grading.result import CRITERIA, Assessment, CriterionResult
from okrsim.grading.rewrite import suggest_goals

#: Only this many characters are analysed: enough for any statement, bounded in time.
MAX_CHARS = 2000

#: Points of each SMART letter in the score of a key result (sums to 100).
WEIGHTS = {"specific": 20, "measurable": 25, "achievable": 15, "relevant": 15, "time_bound": 25}
#: Points of the objective rubric (sums to 100): says what changes, an outcome not a task, says
#: why it matters, qualitative (no number: numbers belong to key results), short enough to
#: remember. No deadline is needed: the OKR period gives it.
OBJECTIVE_WEIGHTS = {"specific": 25, "outcome": 30, "relevant": 20, "qualitative": 15,
                     "memorable": 10}
#: Share of a letter's points earned by each verdict; "unknown" is neither credit nor blame.
VERDICT_CREDIT = {"met": 1.0, "partial": 0.5, "unknown": 0.3, "missing": 0.0}
#: Share of the measurable points kept by a number without its baseline.
NO_BASELINE_CREDIT = 0.85
#: Points taken off a statement that is a task rather than an outcome.
ACTIVITY_PENALTY = 10

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
#: HTML or XML tags: markup, not words of the statement (blanked, so evidence keeps its place).
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,300}>|<!--.{0,300}?-->", re.DOTALL)
_WORD_OR_NUMBER = re.compile(r"[^\W_]", re.UNICODE)

_NOTES = {
    "en": "Only the first {n} characters of {total} were analysed.",
    "it": "Sono stati analizzati solo i primi {n} caratteri su {total}.",
}


def _check_inputs(text, lang, parent, feasibility, kind=None) -> None:
    if not isinstance(text, str):
        raise OkrsimError(f"The text to grade must be a string, not {type(text).__name__}.")
    if not text.strip():
        raise OkrsimError("The text to grade is empty: write an objective or a key result.")
    if lang is not None:
        check_language(lang)
    if parent is not None and not isinstance(parent, str):
        raise OkrsimError(f"The parent objective must be a string, not {type(parent).__name__}.")
    if kind is not None and kind not in rules.KINDS:
        raise OkrsimError(f"Unknown kind {kind!r}: use 'objective' or 'key_result', or leave it "
                          "out to detect it.")
    if feasibility is not None:
        if isinstance(feasibility, bool) or not isinstance(feasibility, (int, float)) or (
                math.isnan(feasibility) or not 0 <= feasibility <= 1):
            raise OkrsimError(
                f"The feasibility must be a probability between 0 and 1, not {feasibility!r}.")


def _clean(text: str) -> str:
    text = _CONTROL.sub(" ", text.strip())
    if "<" not in text:  # every tag and comment opens with one: nothing to blank
        return text
    return _TAG.sub(lambda m: " " * len(m.group(0)), text)


def _objective_total(criteria: dict[str, CriterionResult], a: Analysis, activity: bool) -> float:
    """Points on the objective rubric (see :data:`OBJECTIVE_WEIGHTS`)."""
    w = OBJECTIVE_WEIGHTS
    return (w["specific"] * VERDICT_CREDIT[criteria["specific"].verdict]
            + w["outcome"] * (0.0 if activity else 1.0)
            + w["relevant"] * VERDICT_CREDIT[criteria["relevant"].verdict]
            + w["qualitative"] * (1.0 if rules.qualitative(a) else 0.0)
            + w["memorable"] * (1.0 if rules.memorable(a) else 0.0))


def _score(kind: str, criteria: dict[str, CriterionResult], a: Analysis, activity: bool) -> int:
    if kind == "objective":
        total = _objective_total(criteria, a, activity)
    else:
        total = 0.0
        for name in CRITERIA:
            credit = VERDICT_CREDIT[criteria[name].verdict]
            if (name == "measurable" and criteria[name].verdict == "met"
                    and not a.baseline_targets and not rules.keeps_a_level(a)):
                credit = NO_BASELINE_CREDIT
            total += WEIGHTS[name] * credit
    if activity:
        total -= ACTIVITY_PENALTY
    return int(round(min(100.0, max(0.0, total))))


def _read(text: str, lang: str | None) -> tuple[str, str, Analysis]:
    """The statement as given, cleaned, and its reading (inputs already checked)."""
    original = text.strip()
    cleaned = _clean(original)
    if not _WORD_OR_NUMBER.search(cleaned):
        what = "only markup (HTML tags)" if _WORD_OR_NUMBER.search(original) else "no words"
        raise OkrsimError(f"The text has {what}, nothing to grade: write an objective or a "
                          "key result in English or Italian.")
    analysed = cleaned[:MAX_CHARS]
    if lang is None:
        lang = detect_language(analysed)
        if lang is None:
            raise OkrsimError("The text is neither English nor Italian: write it in one of them, "
                              "or pass the language explicitly.")
    return original, cleaned, analyse(analysed, load_lexicon(lang))


def read(text: str, lang: str | None = None) -> Analysis:
    """The grader's reading of a statement: quantities, deadlines, verb, metric, prefix.

    The same reading :func:`grade` judges; exercise checks and the cascade ask it instead of
    parsing the text themselves.

    Parameters
    ----------
    text : str
        The statement.
    lang : {"en", "it"}, optional
        Its language; detected when omitted.

    Returns
    -------
    Analysis

    Raises
    ------
    OkrsimError
        For empty text, an unknown language, or text in neither language.

    Examples
    --------
    >>> read("Cut time to full quota from 6 to 4 months by year end").has_deadline
    True
    """
    _check_inputs(text, lang, None, None)
    return _read(text, lang)[2]


def grade(text: str, lang: str | None = None, parent: str | None = None,
          feasibility: float | None = None, kind: str | None = None) -> Assessment:
    """Assess an objective or key result against the SMART criteria.

    Parameters
    ----------
    text : str
        The statement, in English or Italian. Only its first ``MAX_CHARS`` characters are
        analysed (a note says so).
    lang : {"en", "it"}, optional
        The statement's language; detected when omitted.
    parent : str, optional
        The parent objective, to judge relevance by shared metrics and words.
    feasibility : float, optional
        P(target) from the simulator (0 to 1), to judge achievability.
    kind : {"objective", "key_result"}, optional
        How to judge the statement; detected when omitted (a prefix such as "O1:" or "KR3:",
        else a key result when it commits to a quantity). An objective is scored on the
        objective rubric: it says what changes and why, is an outcome, holds no number and is
        short; it needs no deadline.

    Returns
    -------
    Assessment
        Verdict, evidence and advice per letter, score, kind, activity flag and a rewrite.

    Raises
    ------
    OkrsimError
        For empty text, an unknown language or kind, a feasibility outside 0..1, or text with
        no word of English or Italian when the language is not given.

    Examples
    --------
    >>> grade("Increase ARR from 12M to 13.2M by Q4 2027").criteria["time_bound"].verdict
    'met'
    """
    _check_inputs(text, lang, parent, feasibility, kind)
    original, cleaned, a = _read(text, lang)
    lang, lexicon = a.lexicon.lang, a.lexicon
    parent_analysis = None
    if parent is not None and parent.strip():
        parent_text = _clean(parent)[:MAX_CHARS]
        parent_lang = detect_language(parent_text) or lang
        parent_analysis = analyse(parent_text, load_lexicon(parent_lang))

    kind = rules.kind_of(a, kind)
    criteria = {
        "specific": rules.specific(a, kind),
        "measurable": rules.measurable(a, kind),
        "achievable": rules.achievable(a, feasibility),
        "relevant": rules.relevant(a, parent_analysis),
        "time_bound": rules.time_bound(a, kind),
    }
    activity = rules.is_activity(a)
    suggestion = suggest_goals(a, activity)
    notes = []
    if len(cleaned) > MAX_CHARS:
        notes.append(_NOTES.get(lang, _NOTES["en"]).format(n=MAX_CHARS, total=len(cleaned)))
    return Assessment(
        text=original,
        lang=lang,
        kind=kind,
        score=_score(kind, criteria, a, activity),
        activity=activity,
        activity_advice=lexicon.advice["activity"].format(suggestion=suggestion) if activity
        else "",
        criteria=criteria,
        suggestion=suggestion,
        notes=notes,
    )
