"""An exercise result as a person says it: one verdict sentence and what to look at, once each.

The checks of an exercise overlap on purpose (the *Measurable* letter and "it has a number" both
look for a number); a learner should read each problem once. :func:`to_fix` drops a letter's
verdict where a more specific check of that letter already failed; :func:`headline` counts what
is left.
:func:`render_result` is the HTML of :class:`~okrsim.exercises.bank.ExerciseResult` in a notebook
and in the exercise widget.
"""

from __future__ import annotations

from typing import Any

from okrsim.i18n import catalog, languages, term
from okrsim.i18n.look import Point, feedback

WORDS = catalog("widgets", "Exercise feedback is written")


def _lang(lang: str) -> str:
    return lang if lang in languages() else "en"


def _place(outcome: Any) -> tuple[str, str]:
    """Where an outcome belongs: its key result line (``"line2"`` or ``""``) and its letter."""
    line = outcome.name.split(":", 1)[0] if outcome.name.startswith("line") else ""
    return line, outcome.criterion or outcome.name


def _specific(outcome: Any) -> bool:
    """An element check ("it lacks a number") says more than its letter ("Measurable: missing")."""
    return "element:" in outcome.name


def to_fix(outcomes: Any) -> list[Any]:
    """The failing counted checks, each problem once.

    Where an element check of a SMART letter fails ("it lacks a percentage"), the letter's own
    verdict ("Measurable: partly met") says the same thing less precisely and is left out.
    """
    failing = [o for o in outcomes if not o.passed and o.counted]
    covered = {_place(o) for o in failing if _specific(o)}
    return [o for o in failing if _specific(o) or _place(o) not in covered]


def headline(result: Any) -> str:
    """One sentence: well done, or how many things there are to look at."""
    lang = _lang(result.lang)
    if result.passed:
        return WORDS.say(lang, "exercise.passed")
    return WORDS.say(lang, "exercise.failed", n=len(to_fix(result.outcomes)) or 1)


def points(result: Any) -> list[Point]:
    """The lines under the headline: each problem once (or what went right when it passed)."""
    lang = _lang(result.lang)
    if result.passed:
        return []
    shown = []
    for outcome in to_fix(result.outcomes):
        label = (term(lang, f"criterion.{outcome.criterion}") if outcome.criterion
                 else WORDS.say(lang, "exercise_point.fix"))
        shown.append(Point("bad", label, outcome.feedback))
    return shown


def render_result(result: Any, note: str = "") -> str:
    """The HTML of an exercise result: the verdict sentence, then each problem once.

    Parameters
    ----------
    result : ExerciseResult
        What :meth:`Exercise.check` returned.
    note : str
        A small line at the end (e.g. that the attempt was recorded).

    Returns
    -------
    str
        One feedback block, every piece of text escaped.
    """
    tone = "good" if result.passed else "warn" if result.score >= 50 else "bad"
    return feedback(tone, headline(result), points(result), "okrsim-exercise-feedback", note)
