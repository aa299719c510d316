"""What the grader returns: a verdict per SMART letter, gathered in an Assessment."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from okrsim.i18n import languages, table, term

#: The SMART letters, in order.
CRITERIA: tuple[str, ...] = ("specific", "measurable", "achievable", "relevant", "time_bound")

#: Allowed verdicts of a criterion.
VERDICTS: tuple[str, ...] = ("met", "partial", "missing", "unknown")

#: The kit's own bar for a key result: a SMART score of at least this, and an outcome.
PASS_SCORE = 80

def _labels(lang: str) -> dict[str, str]:
    """The report's words in ``lang``: criterion and verdict names from the glossary."""
    words = dict(table(lang, "grader_report"))
    words.update({c: term(lang, f"criterion.{c}") for c in CRITERIA})
    words.update({v: term(lang, f"verdict.{v}") for v in VERDICTS})
    return words


@dataclass(frozen=True)
class CriterionResult:
    """The verdict on one SMART letter.

    Attributes
    ----------
    verdict : str
        "met", "partial", "missing" or "unknown" (the text does not allow a judgement).
    evidence : list of str
        The spans of the statement that support the verdict, as they appear in the text.
    advice : str
        What to do next, in the statement's language.
    """

    verdict: str
    evidence: list[str] = field(default_factory=list)
    advice: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"verdict", "evidence", "advice"}``."""
        return {"verdict": self.verdict, "evidence": list(self.evidence), "advice": self.advice}


@dataclass(frozen=True)
class Assessment:
    """The SMART assessment of one objective or key result.

    Attributes
    ----------
    text : str
        The statement as given (surrounding blanks removed).
    lang : str
        "en" or "it": the language of the statement and of the advice.
    kind : str
        "objective" (qualitative) or "key_result" (carries a number).
    score : int
        0 to 100.
    activity : bool
        True when the statement is a task or a deliverable rather than an outcome.
    activity_advice : str
        How to turn the task into an outcome; "" when it is an outcome.
    criteria : dict of str to CriterionResult
        One result per name of :data:`CRITERIA`, in that order.
    suggestion : str
        A rewrite built from what was found, with placeholders such as "[X]" for what is missing.
    notes : list of str
        Remarks on the input itself (for example that only its beginning was analysed).
    """

    text: str
    lang: str
    kind: str
    score: int
    activity: bool
    activity_advice: str
    criteria: dict[str, CriterionResult]
    suggestion: str
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The ``grade --json`` contract of DESIGN.md, plus ``activity_advice`` and ``notes``."""
        return {
            "text": self.text,
            "lang": self.lang,
            "kind": self.kind,
            "score": self.score,
            "activity": self.activity,
            "activity_advice": self.activity_advice,
            "criteria": {name: self.criteria[name].to_dict() for name in CRITERIA},
            "suggestion": self.suggestion,
            "notes": list(self.notes),
        }

    def to_text(self) -> str:
        """A plain-text report, labelled in the statement's language."""
        label = _labels(self.lang if self.lang in languages() else "en")
        lines = [
            f"{label['score']}: {self.score}/100  ({label['kind']}: {label[self.kind]})",
        ]
        for name in CRITERIA:
            result = self.criteria[name]
            lines.append(f"  {label[name]}: {label[result.verdict]}")
            if result.evidence:
                quoted = ", ".join(f"'{span}'" for span in result.evidence)
                lines.append(f"      {label['evidence']}: {quoted}")
            if result.advice:
                lines.append(f"      {result.advice}")
        if self.activity:
            lines.append(f"  {label['activity']}: {self.activity_advice}")
        lines.append(f"{label['suggestion']}: {self.suggestion}")
        lines.extend(self.notes)
        return "\n".join(lines)


def passes_bar(assessment: Assessment) -> bool:
    """Whether a statement passes the kit's bar: SMART score of at least :data:`PASS_SCORE`
    and an outcome (not an activity).

    Parameters
    ----------
    assessment : Assessment

    Returns
    -------
    bool
    """
    return assessment.score >= PASS_SCORE and not assessment.activity
