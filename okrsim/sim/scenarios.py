"""Compare plans or what-ifs side by side, with the same trials and seed.

Rules: a what-if (overrides mapping) needs a plan to apply to, given as ``plan=`` or as one of
the scenarios; it is never run silently on the built-in plan. A what-if that replaces an input's
uncertain Monte Carlo value (a key result's forecast range, a model distribution) with a fixed
number removes that uncertainty, which raises or lowers P(target) for that reason alone: the row
says so in ``fixed_inputs``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from okrsim.errors import OkrsimError
from okrsim.plan import Plan
from okrsim.sim.distributions import is_uncertain
from okrsim.sim.engine import run
from okrsim.sim.inputs import Inputs, as_plan, resolve_inputs
from okrsim.sim.validation import check_seed, check_trials

#: The first columns of a comparison (``compare --json`` rows hold them first, in this order).
CONTRACT = ("scenario", "on_paper_growth", "p_target", "p_target_se", "growth_p50")


def fixed_inputs(inputs: Inputs, overrides: Mapping[str, Any]) -> list[str]:
    """The overridden paths whose uncertain Monte Carlo value becomes one fixed number.

    Parameters
    ----------
    inputs : Inputs
        The plan's inputs before the overrides.
    overrides : mapping
        ``{model path: value}``.

    Returns
    -------
    list of str
        Paths in the overrides' order.
    """
    return [path for path, value in overrides.items()
            if path in inputs.values and is_uncertain(inputs.values[path])
            and not is_uncertain(value)]


def compare(scenarios: Mapping[str, Plan | Mapping[str, Any] | str | Path], trials: int = 20_000,
            seed: int | None = 0, plan: Plan | str | Path | None = None) -> pd.DataFrame:
    """Simulate several plans or what-ifs and return one row per scenario.

    Parameters
    ----------
    scenarios : mapping
        Name -> a :class:`Plan` (or a plan file path), or an overrides mapping
        ``{model path: number or distribution}`` applied on ``plan``.
    trials, seed
        As in :func:`okrsim.sim.simulate`; every scenario uses the same seed.
    plan : Plan, str or Path, optional
        The plan the overrides apply to; by default the first plan among the scenarios.

    Returns
    -------
    pandas.DataFrame
        Indexed by scenario name: on-paper growth, P(target) and its standard error, median
        growth (the ``compare --json`` contract), then the plan, target growth, whether it adds
        up, growth mean and percentiles, the median ending value and gap, ``fixed_inputs``
        (paths whose uncertainty the scenario removed) and any profit figures of the result.

    Raises
    ------
    OkrsimError
        For an empty mapping, a scenario that is neither a plan nor overrides, overrides with no
        plan to apply them to, or an override that is not allowed.
    """
    if not isinstance(scenarios, Mapping) or not scenarios:
        raise OkrsimError("scenarios must be a non-empty mapping {name: plan or overrides}.")
    trials = check_trials(trials)
    seed = check_seed(seed)
    plans = {name: as_plan(s) for name, s in scenarios.items() if isinstance(s, (Plan, str, Path))}
    reference = as_plan(plan) if plan is not None else next(iter(plans.values()), None)
    rows = []
    for name, scenario in scenarios.items():
        if name in plans:
            base, overrides = plans[name], {}
        elif isinstance(scenario, Mapping):
            if reference is None:
                raise OkrsimError(f"scenario {name!r} is a set of overrides but there is no plan "
                                  "to apply it to; pass plan=... or add a plan as a scenario.")
            base, overrides = reference, dict(scenario)
        else:
            raise OkrsimError(f"scenario {name!r} must be a plan or an overrides mapping; "
                              f"got {type(scenario).__name__}.")
        before = resolve_inputs(base)
        result = run(resolve_inputs(base, overrides), trials, seed, name=base.name)
        rows.append(_row(name, base, result, fixed_inputs(before, overrides)))
    return pd.DataFrame(rows).set_index("scenario")


def _row(name: str, plan: Plan, result: Any, fixed: list[str]) -> dict[str, Any]:
    g = result.growth_summary
    row = {
        "scenario": name, "on_paper_growth": result.on_paper_growth,
        "p_target": result.p_target, "p_target_se": result.p_target_se, "growth_p50": g["p50"],
        "plan": plan.name, "target_growth": result.target_growth, "adds_up": result.adds_up,
        "growth_mean": g["mean"], "growth_p10": g["p10"], "growth_p90": g["p90"],
        "ending_p50": result.baseline * (1 + g["p50"]),
        "median_gap_revenue": result.gap["median_revenue"],
        "median_gap_hires": result.gap["median_hires"],
        "fixed_inputs": ", ".join(fixed),
    }
    for key, value in result.to_dict().items():  # profit figures, when the simulator has them
        if "profit" in key and isinstance(value, (int, float)) and not isinstance(value, bool):
            row[key] = float(value)
    return row


#: Parameters that move with a distribution's location (its spread stays).
LOCATION_KEYS = ("value", "mean", "mode", "low", "high")


def shifted(plan: Plan | str | Path | None, changes: Mapping[str, float]) -> dict[str, Any]:
    """What-if overrides that move inputs by an amount and keep their uncertainty.

    ``shifted(plan, {"hiring.count": 2})`` turns a forecast ``triangular(3, 5, 5)`` into
    ``triangular(5, 7, 7)`` (and the on-paper 5 into 7), where ``{"hiring.count": 7}`` would fix
    the input at 7 and remove its range. Use it for scenarios relative to the plan in the file.

    Parameters
    ----------
    plan : Plan, str, Path or None
        The plan (``None``: the built-in plan).
    changes : mapping
        Model path -> amount added to its Monte Carlo value (every location parameter) and to
        its on-paper value.

    Returns
    -------
    dict
        Overrides for :func:`compare`, :func:`okrsim.simulate` or :func:`okrsim.solve`.

    Raises
    ------
    OkrsimError
        For a path that is not a numeric model input, or an amount that is not a number.
    """
    from okrsim.plan import schema

    inputs = resolve_inputs(as_plan(plan))
    overrides: dict[str, Any] = {}
    for path, by in changes.items():
        field = schema.MODEL_FIELDS.get(path)
        if field is None or field.kind not in ("number", "count"):
            numeric = [p for p, f in schema.MODEL_FIELDS.items() if f.kind in ("number", "count")]
            raise OkrsimError(f"{path!r} cannot be shifted; use a numeric model input, one of "
                              f"{', '.join(numeric)}.")
        if isinstance(by, bool) or not isinstance(by, (int, float)):
            raise OkrsimError(f"the shift of {path} must be a number; got {by!r}.")
        value = inputs.values[path]
        if isinstance(value, Mapping):
            overrides[path] = {k: (v + by if k in LOCATION_KEYS else v) for k, v in value.items()}
        else:
            overrides[path] = value + by
    return overrides
