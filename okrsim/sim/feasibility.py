"""``simulate``: on-paper roll-up plus Monte Carlo of a plan, with each key result's own odds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from okrsim.sim.engine import run
from okrsim.sim.inputs import PlanLike, as_plan, resolve_inputs
from okrsim.sim.kr_odds import odds_table
from okrsim.sim.money import plan_currency
from okrsim.sim.result import Result
from okrsim.sim.validation import check_trials, resolve_seed


def simulate(plan: PlanLike = None, trials: int = 20_000, seed: int | None = 0,
             overrides: Mapping[str, Any] | None = None) -> Result:
    """Test whether a plan's key results add up to its growth target, and how likely it is.

    Parameters
    ----------
    plan : Plan, str, Path or None
        A plan, the path of a plan file, or ``None`` for the built-in :func:`default_plan`.
    trials : int, default 20000
        Monte Carlo trials.
    seed : int or None, default 0
        Seed of the random numbers; the same seed gives identical results. ``None`` draws fresh
        entropy, stored in ``Result.seed`` so that the run can be replayed.
    overrides : mapping, optional
        ``{model path: number or distribution}`` applied on top of the plan's model and key
        results, e.g. ``{"hiring.count": 7, "ramp.months": 5}``.

    Returns
    -------
    Result
        With each key result's own odds (:func:`okrsim.sim.kr_odds.key_result_odds`, same
        trials and seed) in ``key_results``; an override replaces a key result's commitment,
        so key results on overridden inputs are left out.

    Raises
    ------
    OkrsimError
        For an invalid plan, override, trial count or seed (one plain sentence).

    Examples
    --------
    >>> result = simulate(trials=2_000)
    >>> 0 < result.p_target < 1
    True
    """
    trials = check_trials(trials)
    seed = resolve_seed(seed)
    plan = as_plan(plan)
    inputs = resolve_inputs(plan, overrides)
    result = run(inputs, trials, seed, name=plan.name)
    result.currency = plan_currency(plan)
    overridden = set(overrides or ())
    result.key_results = {kr_id: odds for kr_id, odds in odds_table(plan, trials, seed).items()
                          if odds.drives not in overridden}
    return result
