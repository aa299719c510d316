"""Re-forecast P(target) as a quarter's check-ins arrive, and turn it into a 0-10 confidence.

At each check-in week, the key results of a :class:`~okrsim.plan.quarter.Quarter` that drive a
model input say where their owners now expect them to end; those forecasts replace the plan's
commitments (:meth:`~okrsim.plan.quarter.Quarter.overrides_at`) and the year is simulated again
with the same seed, so the changes come from the news, not from luck.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from okrsim.plan.quarter import Quarter
from okrsim.plan.scoring import confidence_from_probability
from okrsim.sim.feasibility import simulate


@dataclass(frozen=True)
class WeekConfidence:
    """P(target) known at one check-in week (week 0: the plan as written).

    Attributes
    ----------
    week : int
    p_target : float
        The share of simulated years reaching the company's growth target.
    confidence : int
        ``p_target`` as a 0-10 check-in confidence.
    overrides : dict
        The forecasts that replaced the plan's commitments.
    """

    week: int
    p_target: float
    confidence: int
    overrides: dict[str, float] = field(default_factory=dict)


def weekly_confidence(plan, quarter: Quarter, trials: int = 2_000, seed: int = 0
                      ) -> list[WeekConfidence]:
    """P(target) with the plan as written, then at every check-in week of ``quarter``.

    Parameters
    ----------
    plan : Plan, path or None
        The company plan (``None``: the kit's built-in plan).
    quarter : Quarter
        The quarter whose check-ins bring the news.
    trials : int
        Monte Carlo trials per week.
    seed : int
        The same seed every week.

    Returns
    -------
    list of WeekConfidence
        Week 0 first, then one per check-in week.
    """
    found = []
    for week in [0, *quarter.check_in_weeks]:
        overrides = quarter.overrides_at(week) if week else {}
        result = simulate(plan, trials=trials, seed=seed, overrides=overrides or None)
        found.append(WeekConfidence(week, result.p_target,
                                confidence_from_probability(result.p_target), overrides))
    return found
