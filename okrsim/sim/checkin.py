"""Re-forecast a plan from what has happened: the basis of a weekly confidence check-in.

:func:`reforecast` runs a plan conditioned on ``actuals`` (months 1..k are over: what was booked
and who is on board); :func:`checkin_table` does it at several months and lines up P(revenue
target), P(profit target) and P(both) for the whole period.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import pandas as pd

from okrsim.errors import PlanError
from okrsim.plan import finance
from okrsim.sim.feasibility import simulate
from okrsim.sim.inputs import PlanLike, as_plan
from okrsim.sim.result import Result


def reforecast(plan: PlanLike, actuals: Mapping[str, Any] | None, trials: int = 20_000,
               seed: int | None = 0) -> Result:
    """Simulate ``plan`` for the whole period given what is known through month k.

    Parameters
    ----------
    plan : Plan, str, Path or None
        A plan, the path of a plan file, or ``None`` for the built-in plan.
    actuals : mapping or None
        ``{through_month: k, booked: amount, roster: {existing: N, hires: [start months]}}``
        (with segments ``roster`` maps segment names to rosters); ``None`` for the plan as made.
    trials, seed
        As in :func:`okrsim.sim.simulate`.

    Returns
    -------
    Result

    Raises
    ------
    PlanError
        When ``actuals`` is not valid for the plan (one sentence per problem).
    """
    plan = as_plan(plan)
    if actuals is not None:
        names = finance.segment_names(plan.model) if finance.SEGMENTS_KEY in plan.model else None
        problems = finance.validate_actuals(actuals, "actuals", plan.months, names)
        if problems:
            raise PlanError(problems)
        plan = dataclasses.replace(plan, actuals=dict(actuals))
    return simulate(plan, trials=trials, seed=seed)


def checkin_table(plan: PlanLike, actuals_by_month: Mapping[int, Mapping[str, Any] | None],
                  trials: int = 20_000, seed: int | None = 0) -> pd.DataFrame:
    """One row per check-in: the odds of each target for the whole period, given month k.

    Parameters
    ----------
    plan : Plan, str, Path or None
        The plan.
    actuals_by_month : mapping
        Month k -> actuals through month k (``None`` or month 0: the plan as made).
    trials, seed
        As in :func:`reforecast` (the same seed at every check-in).

    Returns
    -------
    pandas.DataFrame
        Columns ``month``, ``booked``, ``sellers`` (on board at month k), ``p_target``,
        ``p_profit``, ``p_both``, ``growth_p50``.
    """
    plan = as_plan(plan)
    rows = []
    for month, actuals in sorted(actuals_by_month.items()):
        result = reforecast(plan, actuals, trials, seed)
        sellers = None
        if actuals is not None:
            rosters = actuals["roster"]
            rosters = rosters.values() if finance.SEGMENTS_KEY in plan.model else [rosters]
            sellers = sum(r["existing"] + len(r.get("hires", [])) for r in rosters)
        rows.append({"month": month, "booked": actuals["booked"] if actuals else 0.0,
                     "sellers": sellers, "p_target": result.p_target,
                     "p_profit": result.p_profit, "p_both": result.p_both,
                     "growth_p50": result.growth_summary["p50"]})
    return pd.DataFrame(rows)
