"""The OKR grade: how far each key result moved in the quarter, on the 0.0-1.0 scale.

Not to be confused with the grader's *SMART score* (0-100, how a statement is written): the *OKR
grade* is measured at the end of the quarter, from the numbers.

- :func:`okr_grade` -- ``(actual - start) / (target - start)``, kept between 0.0 and 1.0 (works
  for key results that go down, such as churn or sales cycle).
- :func:`grade_status` -- what a grade means: a **committed** key result is *met* only at 1.0 and
  every lower grade is a *miss*; an **aspirational** one is a *success* from 0.7.
- :func:`pace` -- during the quarter, whether a key result's progress keeps up with the calendar.
- :func:`confidence_from_probability` -- a 0-10 confidence from a probability such as the
  simulator's P(target), for the weekly check-in.

Pure functions of numbers: no numpy, no widgets.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

from okrsim.errors import OkrsimError
from okrsim.plan.problems import Num, problem

#: Whether a key result is a promise (``committed``) or a stretch (``aspirational``).
COMMITMENTS = ("committed", "aspirational")
#: An aspirational key result graded at least this is a success.
ASPIRATIONAL_SUCCESS = 0.7
#: An aspirational key result graded at least this (and below success) made progress.
ASPIRATIONAL_PROGRESS = 0.4
#: Confidence is a whole number from 0 (no chance) to 10 (certain).
CONFIDENCE_RANGE = (0, 10)
#: During the quarter, progress this far behind the calendar is still "on pace".
PACE_TOLERANCE = 0.1
#: The tone (colour) of each status: a committed miss is never green.
STATUS_TONES = {"met": "good", "missed": "bad", "success": "good", "progress": "warn",
                "short": "bad"}


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) \
            or not math.isfinite(float(value)):
        raise OkrsimError(problem("scoring.not_number", what=what, value=repr(value)))
    return float(value)


def okr_grade(start: float, target: float, actual: float) -> float:
    """The OKR grade of a key result: the share of the way from start to target, 0.0 to 1.0.

    Parameters
    ----------
    start, target : float
        Where the key result began and what it commits; they must differ. A target below the
        start is a key result that goes down (churn, sales cycle).
    actual : float
        Where it ended.

    Returns
    -------
    float
        ``(actual - start) / (target - start)`` clipped to [0, 1], rounded to 2 decimals.

    Raises
    ------
    OkrsimError
        When a value is not a number, or start equals target (nothing to move).

    Examples
    --------
    >>> okr_grade(2.0, 1.5, 1.6)  # churn from 2.0% to 1.5%, ended at 1.6%
    0.8
    """
    start = _number(start, problem("scoring.the_start"))
    target = _number(target, problem("scoring.the_target"))
    actual = _number(actual, problem("scoring.the_actual"))
    if start == target:
        raise OkrsimError(problem("scoring.same", value=Num(start)))
    share = (actual - start) / (target - start)
    return round(min(1.0, max(0.0, share)), 2)


def check_commitment(commitment: object) -> str:
    """Return ``commitment`` when it is ``committed`` or ``aspirational``; else one sentence."""
    if commitment not in COMMITMENTS:
        raise OkrsimError(problem("scoring.commitment", value=repr(commitment)))
    return str(commitment)


def grade_status(grade: float, commitment: str) -> str:
    """What an OKR grade means for a committed or an aspirational key result.

    Parameters
    ----------
    grade : float
        From :func:`okr_grade`.
    commitment : {"committed", "aspirational"}

    Returns
    -------
    str
        Committed: ``"met"`` at 1.0, else ``"missed"``. Aspirational: ``"success"`` from 0.7,
        ``"progress"`` from 0.4, else ``"short"``. :data:`STATUS_TONES` gives each its colour.
    """
    grade = _number(grade, problem("scoring.the_grade"))
    if check_commitment(commitment) == "committed":
        return "met" if grade >= 1.0 else "missed"
    if grade >= ASPIRATIONAL_SUCCESS:
        return "success"
    return "progress" if grade >= ASPIRATIONAL_PROGRESS else "short"


def check_confidence(confidence: object) -> int:
    """Return a check-in confidence when it is a whole number from 0 to 10; else one sentence."""
    low, high = CONFIDENCE_RANGE
    if isinstance(confidence, bool) or not isinstance(confidence, numbers.Integral) \
            or not low <= int(confidence) <= high:
        raise OkrsimError(problem("scoring.confidence", value=repr(confidence), low=low,
                                  high=high))
    return int(confidence)


def confidence_from_probability(probability: float) -> int:
    """A 0-10 check-in confidence from a probability (for example the simulator's P(target)).

    >>> confidence_from_probability(0.46)
    5
    """
    p = _number(probability, problem("scoring.the_probability"))
    if not 0.0 <= p <= 1.0:
        raise OkrsimError(problem("scoring.probability", value=Num(p)))
    return int(math.floor(p * 10 + 0.5))


@dataclass(frozen=True)
class Pace:
    """A key result's progress at a check-in, against the share of the quarter gone by.

    Attributes
    ----------
    progress : float
        The OKR grade the key result would get if the quarter ended now (0.0-1.0).
    expected : float
        The share of the quarter elapsed (week / weeks).
    on_pace : bool
        Whether progress is at most :data:`PACE_TOLERANCE` behind the calendar.
    """

    progress: float
    expected: float
    on_pace: bool


def pace(start: float, target: float, value: float, week: int, weeks: int) -> Pace:
    """Whether a key result keeps up with the calendar at week ``week`` of ``weeks``.

    Parameters
    ----------
    start, target, value : float
        The key result's start, target and value at the check-in.
    week, weeks : int
        The check-in's week (1 to ``weeks``) and the quarter's length in weeks.
    """
    if isinstance(weeks, bool) or not isinstance(weeks, numbers.Integral) or weeks < 1:
        raise OkrsimError(problem("scoring.weeks", value=repr(weeks)))
    if isinstance(week, bool) or not isinstance(week, numbers.Integral) \
            or not 1 <= week <= weeks:
        raise OkrsimError(problem("scoring.week", value=repr(week), weeks=weeks))
    progress = okr_grade(start, target, value)
    expected = round(week / weeks, 2)
    return Pace(progress, expected, progress >= expected - PACE_TOLERANCE)


def objective_grade(grades: list[float]) -> float:
    """An objective's OKR grade: the mean of its key results' grades, rounded to 2 decimals."""
    if not grades:
        raise OkrsimError(problem("scoring.no_grades"))
    values = [_number(g, problem("scoring.a_grade")) for g in grades]
    return round(sum(values) / len(values), 2)
