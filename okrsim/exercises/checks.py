"""The checks an exercise can run on a learner's answer, one small pure function each.

Every check returns a list of :class:`CheckOutcome` (one per thing it verified), with feedback as
one plain sentence in the exercise's language (English or Italian). Nothing here knows about
widgets, the journal or YAML files: :mod:`okrsim.exercises` composes these functions from the
``checks`` section of an exercise.

The SMART criteria check calls the grader (:func:`okrsim.grade`) when it is installed; without it
the criteria are reported as not checked and do not count towards the score.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from okrsim.cascade import check as cascade_report
from okrsim.cascade.messages import LANGS as CASCADE_LANGS
from okrsim.errors import OkrsimError, PlanError
from okrsim.grading import Analysis, read
from okrsim.grading.lexicon import available_languages
from okrsim.i18n import languages, term
from okrsim.plan import loads_plan
from okrsim.plan.problems import problem

SMART_CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")
SMART_LETTERS = {"specific": "S", "measurable": "M", "achievable": "A", "relevant": "R",
                 "time_bound": "T"}
LANGS = ("en", "it")


@dataclass(frozen=True)
class CheckOutcome:
    """What one check found.

    Attributes
    ----------
    name : str
        What was checked, e.g. ``"measurable"``, ``"element:deadline"``, ``"numeric"``.
    passed : bool
        Whether the answer satisfies it.
    feedback : str
        One plain sentence for the learner (plain text, never HTML).
    criterion : str or None
        The SMART criterion this check is about, if any (used by the facilitator's view).
    counted : bool
        False when the check could not run (no grader installed); it then does not count.
    """

    name: str
    passed: bool
    feedback: str
    criterion: str | None = None
    counted: bool = True

    def to_dict(self) -> dict[str, Any]:
        """Return the outcome as plain data."""
        return {"name": self.name, "passed": self.passed, "feedback": self.feedback,
                "criterion": self.criterion, "counted": self.counted}


# -- messages ------------------------------------------------------------------------------------

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "criterion_met": "{label}: met.",
        "criterion_not_met": "{label}: {verdict}. {advice}",
        "outcome_ok": "It states an outcome, not an activity.",
        "outcome_bad": "It describes an activity (something you do); state the result it should "
                       "produce instead.",
        "element_ok": "It has {name}.",
        "element_missing": "It lacks {name}.",
        "forbid_ok": "It avoids {name}.",
        "forbid_found": "It contains {name}.",
        "choice_ok": "Correct.",
        "choice_bad": "Not the answer expected; allowed answers look like: {allowed}.",
        "shape_id": "an id such as 'team-objective'",
        "shape_word": "one short word or phrase",
        "labels_count": "You labelled {given} statements; there are {expected}. Give one label per "
                        "statement, in order.",
        "label_ok": "Statement {n}: correct.",
        "label_bad": "Statement {n}: not correct.",
        "label_unknown": "Statement {n}: '{token}' is not a label; use one of {allowed}.",
        "lines_count_low": "You wrote {given} key result(s); write at least {low}, one per line.",
        "lines_count_high": "You wrote {given} key results; keep at most {high}, one per line.",
        "lines_count_ok": "You wrote {given} key results.",
        "line_prefix": "Key result {n}: ",
        "numeric_none": "No number found in the answer; give a number.",
        "numeric_ok": "{read} is right.",
        "numeric_bad": "{read} is not it yet: work it out again from the plan's figures.",
        "cascade_invalid": "The answer is not a valid plan: {problem}",
        "cascade_finding": "The cascade still has a finding: {message}",
        "cascade_clean": "The cascade has no findings.",
        "cascade_kept": "Objective '{id}' is still in the plan.",
        "cascade_dropped": "Objective '{id}' is missing; repair it rather than delete it.",
        "kr_kept": "Key result '{id}' is still in the plan.",
        "kr_dropped": "Key result '{id}' is missing; repair it rather than delete it.",
    },
    "it": {
        "criterion_met": "{label}: soddisfatto.",
        "criterion_not_met": "{label}: {verdict}. {advice}",
        "outcome_ok": "Descrive un risultato, non un'attività.",
        "outcome_bad": "Descrive un'attività (qualcosa che fai); scrivi invece il risultato "
                       "che deve produrre.",
        "element_ok": "Contiene {name}.",
        "element_missing": "Manca {name}.",
        "forbid_ok": "Evita {name}.",
        "forbid_found": "Contiene {name}.",
        "choice_ok": "Corretto.",
        "choice_bad": "Non è la risposta attesa; le risposte ammesse sono del tipo: {allowed}.",
        "shape_id": "un id come 'obiettivo-team'",
        "shape_word": "una parola o una frase breve",
        "labels_count": "Hai etichettato {given} affermazioni su {expected}. Dai un'etichetta "
                        "per affermazione, in ordine.",
        "label_ok": "Affermazione {n}: corretta.",
        "label_bad": "Affermazione {n}: non corretta.",
        "label_unknown": "Affermazione {n}: '{token}' non è un'etichetta; usa una di {allowed}.",
        "lines_count_low": "Hai scritto {given} risultati chiave; scrivine almeno {low}, uno "
                           "per riga.",
        "lines_count_high": "Hai scritto {given} risultati chiave; tienine al massimo {high}, uno "
                            "per riga.",
        "lines_count_ok": "Hai scritto {given} risultati chiave.",
        "line_prefix": "Risultato chiave {n}: ",
        "numeric_none": "Nella risposta non c'è un numero; scrivi un numero.",
        "numeric_ok": "{read} è giusto.",
        "numeric_bad": "{read} non è ancora giusto: rifai il calcolo dai numeri del piano.",
        "cascade_invalid": "La risposta non è un piano valido: {problem}",
        "cascade_finding": "La cascata ha ancora un problema: {message}",
        "cascade_clean": "La cascata non ha problemi.",
        "cascade_kept": "L'obiettivo '{id}' è ancora nel piano.",
        "cascade_dropped": "Manca l'obiettivo '{id}'; correggilo invece di eliminarlo.",
        "kr_kept": "Il risultato chiave '{id}' è ancora nel piano.",
        "kr_dropped": "Manca il risultato chiave '{id}'; correggilo invece di eliminarlo.",
    },
}

#: SMART letter names per language, from the glossary (one name per letter everywhere).
CRITERION_LABELS = {lang: {c: term(lang, f"criterion.{c}") for c in SMART_CRITERIA}
                    for lang in LANGS}

VERDICT_LABELS = {
    "en": {"partial": "partly met", "missing": "missing", "unknown": "cannot tell"},
    "it": {"partial": "in parte", "missing": "assente", "unknown": "non valutabile"},
}


def message(lang: str, key: str, **values: Any) -> str:
    """Return the message ``key`` in ``lang`` (English when the language is unknown)."""
    table = MESSAGES.get(lang, MESSAGES["en"])
    return table[key].format(**values)


# -- built-in elements ---------------------------------------------------------------------------
# The built-in elements ask the grader's reading of the answer (the same reading that gives the
# SMART verdicts), so an element check never denies what the grader found.

@lru_cache(maxsize=256)
def _reading(text: str, lang: str | None) -> Analysis | None:
    """The grader's reading of ``text`` in ``lang`` (detected when None or unknown), or None
    for text it cannot read."""
    try:
        return read(text, lang=lang if lang in available_languages() else None)
    except OkrsimError:
        return None


def _reads(attribute: str) -> Callable[..., bool]:
    """An element test ``test(text, lang=None)`` that asks one property of the reading (False
    for text the grader cannot read)."""
    def test(text: str, lang: str | None = None) -> bool:
        reading = _reading(text, lang)
        return bool(reading is not None and getattr(reading, attribute))
    return test


#: Named elements an exercise can require or forbid: the reading's property and the
#: description per language.
BUILTIN_ELEMENTS: dict[str, tuple[Callable[..., bool], dict[str, str]]] = {
    "number": (_reads("has_number"),
               {"en": "a number to measure it", "it": "un numero per misurarlo"}),
    "deadline": (_reads("has_deadline"),
                 {"en": "a deadline (a date, a quarter or 'within N months')",
                  "it": "una scadenza (una data, un trimestre o 'entro N mesi')"}),
    "from_to": (_reads("has_from_to"),
                {"en": "a starting value and a target ('from X to Y')",
                 "it": "un valore di partenza e un traguardo ('da X a Y')"}),
    "percent": (_reads("has_percent"),
                {"en": "a percentage", "it": "una percentuale"}),
}


#: The SMART criterion a missing built-in element counts against (for the facilitator's view).
ELEMENT_CRITERIA = {"number": "measurable", "from_to": "measurable", "percent": "measurable",
                    "deadline": "time_bound"}


@dataclass(frozen=True)
class Element:
    """A required (or forbidden) element of an answer: a built-in name or regular expressions.

    Attributes
    ----------
    name : str
        Short description shown to the learner ("a deadline", "the word 'quota'").
    test : callable
        ``test(text) -> bool``: whether the element is present.
    key : str
        Stable identifier used in outcome names.
    """

    name: str
    test: Callable[[str], bool]
    key: str


def make_element(spec: Any, lang: str, where: str) -> Element:
    """Build an :class:`Element` from a bank entry: a built-in name or ``{name, any: [regex]}``.

    Raises
    ------
    ValueError
        With one sentence naming ``where`` when the entry is malformed.
    """
    if isinstance(spec, str):
        if spec not in BUILTIN_ELEMENTS:
            allowed = ", ".join(BUILTIN_ELEMENTS)
            raise ValueError(f"{where}: element '{spec}' is unknown; use one of {allowed}, or a "
                             "mapping with 'name' and 'any' (regular expressions).")
        test, names = BUILTIN_ELEMENTS[spec]
        return Element(names.get(lang, names["en"]), partial(_call, test, lang=lang), spec)
    if not isinstance(spec, Mapping) or set(spec) != {"name", "any"}:
        raise ValueError(f"{where}: an element is a built-in name or a mapping with exactly "
                         "'name' and 'any' (a list of regular expressions).")
    name, patterns = spec["name"], spec["any"]
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: an element's 'name' must be non-empty text.")
    if (not isinstance(patterns, list) or not patterns
            or not all(isinstance(p, str) and p for p in patterns)):
        raise ValueError(f"{where}: element '{name}' needs 'any', a list of regular expressions.")
    try:
        compiled = [re.compile(p, re.IGNORECASE) for p in patterns]
    except re.error as exc:
        raise ValueError(f"{where}: element '{name}' has an invalid pattern ({exc}).") from None
    return Element(name, lambda t: any(c.search(t) for c in compiled), _slug(name))


def _call(test: Callable[..., bool], text: str, lang: str) -> bool:
    return test(text, lang)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-") or "element"


def normalize(text: str) -> str:
    """Lower-case, strip accents and surrounding punctuation, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = re.sub(r"\s+", " ", plain).strip()
    return plain.strip(" .,;:!?\"'`()[]")


# -- checks --------------------------------------------------------------------------------------

def check_elements(text: str, elements: Sequence[Element], lang: str,
                   forbidden: bool = False) -> list[CheckOutcome]:
    """Check that each element is present (or, with ``forbidden``, absent)."""
    outcomes = []
    for element in elements:
        present = element.test(text)
        if forbidden:
            key = "forbid_found" if present else "forbid_ok"
            outcomes.append(CheckOutcome(f"forbid:{element.key}", not present,
                                         message(lang, key, name=element.name)))
        else:
            key = "element_ok" if present else "element_missing"
            outcomes.append(CheckOutcome(f"element:{element.key}", present,
                                         message(lang, key, name=element.name),
                                         criterion=ELEMENT_CRITERIA.get(element.key)))
    return outcomes


def check_criteria(text: str, criteria: Sequence[str], lang: str, parent: str | None = None,
                   require_outcome: bool = False,
                   grader: Callable[..., Any] | None = None) -> list[CheckOutcome]:
    """Grade the text and check that each named SMART criterion is met.

    Parameters
    ----------
    text : str
        The learner's statement.
    criteria : sequence of str
        SMART criteria that must be ``met`` (see :data:`SMART_CRITERIA`).
    lang : str
        Language of the exercise (for feedback, and passed to the grader).
    parent : str, optional
        The parent objective, for the grader's relevance check.
    require_outcome : bool
        Also require that the grader does not classify the text as an activity.
    grader : callable, optional
        Grading function; :func:`okrsim.grade` by default.

    Returns
    -------
    list of CheckOutcome
        One per criterion (plus one for the outcome test).
    """
    if grader is None:
        from okrsim.grading import grade as grader
    grade = grader
    labels = CRITERION_LABELS.get(lang, CRITERION_LABELS["en"])
    assessment = grade(text, lang=lang, parent=parent)
    outcomes = []
    for criterion in criteria:
        result = assessment.criteria[criterion]
        if result.verdict == "met":
            outcomes.append(CheckOutcome(criterion, True,
                                         message(lang, "criterion_met", label=labels[criterion]),
                                         criterion=criterion))
        else:
            verdict = VERDICT_LABELS.get(lang, VERDICT_LABELS["en"]).get(result.verdict,
                                                                         result.verdict)
            outcomes.append(CheckOutcome(
                criterion, False,
                message(lang, "criterion_not_met", label=labels[criterion], verdict=verdict,
                        advice=result.advice or "").strip(),
                criterion=criterion))
    if require_outcome:
        key = "outcome_bad" if assessment.activity else "outcome_ok"
        outcomes.append(CheckOutcome("outcome", not assessment.activity, message(lang, key)))
    return outcomes


def check_choice(text: str, accept: Sequence[str], lang: str) -> list[CheckOutcome]:
    """Check a one-word (or short) answer against the accepted answers, ignoring case/accents."""
    given = normalize(text)
    ok = given in {normalize(a) for a in accept}
    if ok:
        return [CheckOutcome("choice", True, message(lang, "choice_ok"))]
    return [CheckOutcome("choice", False,
                         message(lang, "choice_bad", allowed=_shape(accept, lang)))]


def _shape(accept: Sequence[str], lang: str) -> str:
    """Describe accepted answers without giving them away: their form, not their value."""
    if all(re.fullmatch(r"[a-z0-9][a-z0-9_.\-]*", a) for a in accept):
        return message(lang, "shape_id")
    return message(lang, "shape_word")


#: Label words accepted for activity/outcome classification, by canonical label.
LABEL_SYNONYMS: dict[str, tuple[str, ...]] = {
    "activity": ("activity", "a", "act", "task", "output", "attivita", "att", "compito"),
    "outcome": ("outcome", "o", "out", "result", "risultato", "r", "ris", "esito"),
}


def check_labels(text: str, expected: Sequence[str], lang: str) -> list[CheckOutcome]:
    """Check a sequence of labels (one per statement, separated by commas, spaces or lines)."""
    tokens = [t for t in re.split(r"[\s,;/|]+", normalize(text)) if t]
    tokens = [re.sub(r"^\d+[.)=:-]*", "", t) for t in tokens]
    tokens = [t for t in tokens if t]
    allowed = "activity/outcome" if lang == "en" else "attività/risultato"
    if len(tokens) != len(expected):
        return [CheckOutcome("labels", False, message(lang, "labels_count", given=len(tokens),
                                                      expected=len(expected)))]
    lookup = {syn: label for label, syns in LABEL_SYNONYMS.items() for syn in syns}
    outcomes = []
    for n, (token, want) in enumerate(zip(tokens, expected, strict=True), start=1):
        label = lookup.get(token)
        if label is None:
            outcomes.append(CheckOutcome(f"label:{n}", False, message(
                lang, "label_unknown", n=n, token=token, allowed=allowed)))
        else:
            ok = label == want
            outcomes.append(CheckOutcome(f"label:{n}", ok,
                                         message(lang, "label_ok" if ok else "label_bad", n=n)))
    return outcomes


_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s*")


def split_lines(text: str) -> list[str]:
    """Split an answer into its non-empty lines, without bullets or numbering."""
    return [_BULLET.sub("", line).strip() for line in text.splitlines() if line.strip()]


def check_lines(text: str, low: int, high: int, lang: str,
                per_line: Callable[[str], list[CheckOutcome]]) -> list[CheckOutcome]:
    """Check the number of lines (key results) and run ``per_line`` on each of them."""
    lines = split_lines(text)
    n = len(lines)
    if n < low:
        count = CheckOutcome("lines", False, message(lang, "lines_count_low", given=n, low=low))
    elif n > high:
        count = CheckOutcome("lines", False, message(lang, "lines_count_high", given=n,
                                                     high=high))
    else:
        count = CheckOutcome("lines", True, message(lang, "lines_count_ok", given=n))
    outcomes = [count]
    for i, line in enumerate(lines[:high], start=1):
        prefix = message(lang, "line_prefix", n=i)
        for outcome in per_line(line):
            outcomes.append(CheckOutcome(f"line{i}:{outcome.name}", outcome.passed,
                                         prefix + outcome.feedback, outcome.criterion,
                                         outcome.counted))
    return outcomes


_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)*")


def read_number(text: str, lang: str = "en") -> float | None:
    """Read the first number of an answer ("7", "7 hires", "0,8", "1,200", "80%" -> 80).

    A dot or a comma groups thousands only where it can: when the language uses it to group,
    it comes after one to three digits that do not start with 0, and exactly three digits follow
    it. Anywhere else it is the decimal mark, whatever the language, so a learner who types the
    other language's decimal mark is read as meant:

    - ``"0.8"`` and ``"0,8"`` are 0.8 in both languages (``"1,5"`` in English is 1.5);
    - ``"1.234"`` is 1234 in Italian and 1.234 in English; ``"1,234"`` the reverse;
    - ``"1.234.567"`` and ``"1,234,567"`` are 1234567 (several marks of one kind always group);
    - with both marks, the last one is the decimal mark: ``"1.234,5"`` and ``"1,234.5"`` are
      1234.5 in both languages.

    Parameters
    ----------
    text : str
        The learner's answer.
    lang : str, default "en"
        The language of the answer, ``"en"`` or ``"it"``.

    Returns
    -------
    float or None
        ``None`` when the answer holds no number or one whose marks cannot be read
        (``"1.2.3"``).
    """
    match = _NUMBER.search(text)
    if not match:
        return None
    raw = match.group(0)
    group = "." if lang == "it" else ","
    marks = re.findall(r"[.,]", raw)
    if not marks:
        return float(raw)
    if len(set(marks)) == 2:
        decimal = marks[-1]
        whole, _, fraction = raw.rpartition(decimal)
        return _grouped(whole, "," if decimal == "." else ".", fraction)
    mark = marks[0]
    if len(marks) > 1:
        return _grouped(raw, mark, "")
    whole, fraction = raw.split(mark)
    if mark == group and _grouped(raw, mark, "") is not None:
        return float(whole + fraction)
    return float(f"{whole}.{fraction}")


def _grouped(whole: str, mark: str, fraction: str) -> float | None:
    """``whole`` read as thousands groups split by ``mark``, plus ``fraction``; None if not."""
    sign = whole[:1] if whole[:1] in "+-" else ""
    head, *groups = whole[len(sign):].split(mark)
    if not 1 <= len(head) <= 3 or (head.startswith("0") and groups) or any(
            len(g) != 3 for g in groups):
        return None
    return float(f"{sign}{head}{''.join(groups)}.{fraction or 0}")


def check_numeric(text: str, value: float, tolerance: float, lang: str,
                  percent: bool = False) -> list[CheckOutcome]:
    """Check the first number of the answer against ``value`` within an absolute ``tolerance``.

    With ``percent``, ``value`` is in percent and an answer written as a fraction ("0.8" without
    a % sign) is read as 80.
    """
    number = read_number(text, lang)
    if number is None or not math.isfinite(number):
        return [CheckOutcome("numeric", False, message(lang, "numeric_none"))]
    if percent and "%" not in text and abs(number) <= 1 and abs(value) > 1:
        number *= 100
    ok = abs(number - value) <= tolerance + 1e-12
    shown = f"{number:g}".replace(".", ",") if lang == "it" else f"{number:g}"
    return [CheckOutcome("numeric", ok, message(lang, "numeric_ok" if ok else "numeric_bad",
                                                read=shown, tolerance=f"{tolerance:g}"))]


def check_cascade(text: str, lang: str, keep_objectives: Sequence[str] = (),
                  keep_key_results: Sequence[str] = ()) -> list[CheckOutcome]:
    """Check that a plan written as YAML has a clean cascade and kept the named ids."""
    try:
        plan_lang = lang if lang in languages() else "en"
        plan = loads_plan(text, problem("place.answer").say(plan_lang), strict=False,
                          lang=plan_lang)
    except PlanError as exc:
        return [CheckOutcome("cascade", False, message(lang, "cascade_invalid",
                                                       problem=exc.problems[0]))]
    report = cascade_report(plan, lang=lang if lang in CASCADE_LANGS else "en")
    outcomes = []
    if report.clean:
        outcomes.append(CheckOutcome("cascade", True, message(lang, "cascade_clean")))
    for finding in report.findings[:3]:
        outcomes.append(CheckOutcome(f"cascade:{finding.code}", False,
                                     message(lang, "cascade_finding", message=finding.message)))
    objective_ids = {o.id for o in plan.objectives}
    for oid in keep_objectives:
        kept = oid in objective_ids
        outcomes.append(CheckOutcome(f"keep:{oid}", kept, message(
            lang, "cascade_kept" if kept else "cascade_dropped", id=oid)))
    kr_ids = {kr.id for _, kr in plan.key_results()}
    for kid in keep_key_results:
        kept = kid in kr_ids
        outcomes.append(CheckOutcome(f"keep:{kid}", kept, message(
            lang, "kr_kept" if kept else "kr_dropped", id=kid)))
    return outcomes
