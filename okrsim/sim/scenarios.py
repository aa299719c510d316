"""Compare plans or what-ifs side by side, with the same trials and seed."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from okrsim.errors import OkrsimError
from okrsim.plan import Plan, default_plan
from okrsim.sim.engine import run
from okrsim.sim.inputs import as_plan, resolve_inputs
from okrsim.sim.validation import check_seed, check_trials


def compare(scenarios: Mapping[str, Plan | Mapping[str, Any] | str | Path], trials: int = 20_000,
            seed: int | None = 0) -> pd.DataFrame:
    """Simulate several plans or what-ifs and return one row per scenario.

    Parameters
    ----------
    scenarios : mapping
        Name -> a :class:`Plan` (or a plan file path), or an overrides mapping applied on the
        first plan given (the built-in plan when none is).
    trials, seed
        As in :func:`okrsim.sim.simulate`; every scenario uses the same seed.

    Returns
    -------
    pandas.DataFrame
        Indexed by scenario name: target and on-paper growth, whether it adds up, P(target) and
        its standard error, growth mean and percentiles, and the median gap to target.
    """
    if not isinstance(scenarios, Mapping) or not scenarios:
        raise OkrsimError("scenarios must be a non-empty mapping {name: plan or overrides}.")
    trials = check_trials(trials)
    seed = check_seed(seed)
    plans = {name: as_plan(s) for name, s in scenarios.items() if isinstance(s, (Plan, str, Path))}
    reference = next(iter(plans.values())) if plans else default_plan()
    rows = []
    for name, scenario in scenarios.items():
        if name in plans:
            plan, overrides = plans[name], None
        elif isinstance(scenario, Mapping):
            plan, overrides = reference, scenario
        else:
            raise OkrsimError(f"scenario {name!r} must be a plan or an overrides mapping; "
                              f"got {type(scenario).__name__}.")
        result = run(resolve_inputs(plan, overrides), trials, seed, name=plan.name)
        g = result.growth_summary
        rows.append({
            "scenario": name, "plan": plan.name, "target_growth": result.target_growth,
            "on_paper_growth": result.on_paper_growth, "adds_up": result.adds_up,
            "p_target": result.p_target, "p_target_se": result.p_target_se,
            "growth_mean": g["mean"], "growth_p10": g["p10"], "growth_p50": g["p50"],
            "growth_p90": g["p90"], "median_gap_revenue": result.gap["median_revenue"],
            "median_gap_hires": result.gap["median_hires"],
        })
    return pd.DataFrame(rows).set_index("scenario")
