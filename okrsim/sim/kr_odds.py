"""Each key result's own odds: how often its forecast meets the value it commits.

A key result that ``drives`` a numeric model input commits a ``target`` and may give a
``forecast`` distribution of what will really happen. Its odds are the share of forecast draws
that meet the commitment in the input's good direction (:attr:`okrsim.plan.schema.Field.better`):
at or below the target for a ramp, a delay or attrition, at or above it otherwise. Draws are
clipped (and counts rounded) exactly as the simulator uses them, so a forecast of 3 to 5 hires
meets "5 hires" whenever a draw rounds to 5. A fixed forecast gives 0 or 1.

The odds feed the grader: :func:`grade_key_results` judges each key result's *Achievable*
from its own odds instead of from the text alone.
"""

from __future__ import annotations

import zlib
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from okrsim.grading import Assessment, grade
from okrsim.plan import KeyResult, Plan, finance, schema
from okrsim.plan.input_names import input_value, short_name
from okrsim.sim.distributions import sample
from okrsim.sim.inputs import PlanLike, as_plan, clip_to_field
from okrsim.sim.messages import TEXT, number
from okrsim.sim.validation import check_seed, check_trials

_PATH_INDEX = {path: i for i, path in enumerate(schema.MODEL_FIELDS)}


@dataclass(frozen=True)
class KeyResultOdds:
    """The odds of one key result.

    Attributes
    ----------
    id : str
        The key result's id.
    drives : str
        The model input it commits.
    target : float
        The committed value.
    better : {"higher", "lower"}
        Which way of the input is good.
    p_meets : float
        Share of forecast draws that meet the target (0 to 1).
    """

    id: str
    drives: str
    target: float
    better: str
    p_meets: float

    def to_dict(self) -> dict[str, Any]:
        """Plain data: ``drives``, ``target``, ``better`` and ``p_meets``."""
        data = asdict(self)
        del data["id"]
        return data

    def describe(self, lang: str = "en") -> str:
        """One line such as ``ramp-4  Ramp (months) ≤ 4: 12% of forecasts meet it``, in ``lang``."""
        sign = "≤" if self.better == schema.LOWER else "≥"
        return TEXT.say(lang, "summary.kr_odds", id=self.id,
                        drives=short_name(self.drives, lang), sign=sign,
                        target=input_value(self.drives, self.target, lang),
                        p=number(f"{self.p_meets:.0%}", lang))


def _field(drives: str | None) -> str | None:
    """The model input a key result drives (``segments.<name>.<path>`` -> ``<path>``)."""
    if drives is None:
        return None
    split = finance.split_segment_path(drives)
    return split[1] if split is not None else drives


def has_odds(kr: KeyResult) -> bool:
    """Whether a key result drives a numeric input and gives both a target and a forecast."""
    path = _field(kr.drives)
    if path not in schema.MODEL_FIELDS or kr.target is None or kr.forecast is None:
        return False
    return schema.MODEL_FIELDS[path].better is not None


def odds_of(kr: KeyResult, trials: int, entropy: int) -> KeyResultOdds:
    """The odds of one key result that :func:`has_odds`, from ``trials`` seeded draws.

    The generator is seeded by ``entropy`` and the input's place in the model table, so a key
    result's odds do not depend on which other key results the plan has.
    """
    path = _field(kr.drives)
    key = [entropy, _PATH_INDEX[path]]
    if path != kr.drives:  # a segment's input: its own stream, named by the segment
        key.append(zlib.crc32(kr.drives.encode()))
    rng = np.random.default_rng(np.random.SeedSequence(key))
    draws = clip_to_field(path, sample(kr.forecast, trials, rng))
    target = float(kr.target)
    better = schema.MODEL_FIELDS[path].better
    meets = draws <= target if better == schema.LOWER else draws >= target
    return KeyResultOdds(kr.id, kr.drives, target, better, float(meets.mean()))


def odds_table(plan: Plan, trials: int, seed: int | None) -> dict[str, KeyResultOdds]:
    """:class:`KeyResultOdds` of every key result of ``plan`` that :func:`has_odds`, by id."""
    entropy = seed if seed is not None else int(np.random.SeedSequence().entropy)
    return {kr.id: odds_of(kr, trials, entropy) for _, kr in plan.key_results() if has_odds(kr)}


def key_result_odds(plan: PlanLike = None, trials: int = 20_000,
                    seed: int | None = 0) -> dict[str, float]:
    """The probability that each key result's forecast meets its committed target.

    Parameters
    ----------
    plan : Plan, str, Path or None
        A plan, the path of a plan file, or ``None`` for the built-in plan.
    trials : int, default 20000
        Draws of each forecast (the standard error is at most 0.5 / sqrt(trials)).
    seed : int or None, default 0
        Seed of the draws; the same seed gives the same odds.

    Returns
    -------
    dict
        Key result id -> probability (0 to 1), for each key result that drives a numeric model
        input and gives both a ``target`` and a ``forecast``.

    Raises
    ------
    OkrsimError
        For an invalid plan, trial count or seed (one plain sentence).

    Examples
    --------
    >>> key_result_odds()["ramp-4"]  # doctest: +SKIP
    0.125
    """
    table = odds_table(as_plan(plan), check_trials(trials), check_seed(seed))
    return {kr_id: odds.p_meets for kr_id, odds in table.items()}


def grade_key_results(plan: PlanLike = None, lang: str | None = None, trials: int = 20_000,
                      seed: int | None = 0) -> dict[str, Assessment]:
    """Grade every key result of a plan, judging *Achievable* from its own odds where known.

    Each key result is graded with its objective as parent; one with odds
    (:func:`key_result_odds`) is graded with ``feasibility=`` those odds, so *Achievable*
    becomes met, partial or missing from the plan's own numbers.

    Parameters
    ----------
    plan : Plan, str, Path or None
        A plan, the path of a plan file, or ``None`` for the built-in plan.
    lang : {"en", "it"}, optional
        Language of the key results; detected for each when omitted.
    trials, seed
        As in :func:`key_result_odds`.

    Returns
    -------
    dict
        Key result id -> :class:`okrsim.grading.Assessment`, in plan order.

    Raises
    ------
    OkrsimError
        For an invalid plan, trial count, seed or language (one plain sentence).
    """
    plan = as_plan(plan)
    odds = key_result_odds(plan, trials, seed)
    return {
        kr.id: grade(kr.text, lang=lang, parent=objective.objective,
                     feasibility=odds.get(kr.id))
        for objective, kr in plan.key_results()
    }
