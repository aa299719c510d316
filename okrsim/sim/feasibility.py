"""``simulate``: on-paper roll-up plus Monte Carlo of a plan, chunked over trials."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from okrsim.errors import OkrsimError
from okrsim.plan import Plan, loads_plan
from okrsim.sim import spec
from okrsim.sim.distributions import upper_bound
from okrsim.sim.inputs import Inputs, PlanLike, as_plan, resolve_inputs
from okrsim.sim.kr_odds import odds_table
from okrsim.sim.model import CATEGORIES, expected_run, make_streams, run_chunk
from okrsim.sim.result import Result, summarize

#: Trials simulated at once: bounds memory and keeps a chunk's arrays in the CPU cache.
CHUNK = 4_096
MAX_TRIALS = 10_000_000
COUNT_PATHS = ("reps.existing", "hiring.count")


@lru_cache(maxsize=1)
def _default_plan_text() -> str:
    return resources.files("okrsim").joinpath("data", "default_plan.yaml").read_text("utf-8")


def default_plan() -> Plan:
    """The built-in plan: the source article's revenue teams, calibrated to public benchmarks."""
    return loads_plan(_default_plan_text(), source="default_plan.yaml")


def check_trials(trials: Any) -> int:
    """Return ``trials`` as an int, or raise a one-sentence error."""
    if isinstance(trials, bool) or not isinstance(trials, (int, np.integer)) or not (
        1 <= trials <= MAX_TRIALS
    ):
        raise OkrsimError(f"trials must be a whole number from 1 to {MAX_TRIALS:,}; "
                          f"got {trials!r}.")
    return int(trials)


def check_seed(seed: Any) -> int | None:
    """Return ``seed`` (``None`` or a whole number of 0 or more), or raise."""
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise OkrsimError(f"seed must be a whole number of 0 or more (or None); got {seed!r}.")
    return int(seed)


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
        Seed of the random numbers; the same seed gives identical results.
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
    seed = check_seed(seed)
    plan = as_plan(plan)
    inputs = resolve_inputs(plan, overrides)
    result = run(inputs, trials, seed, name=plan.name)
    overridden = set(overrides or ())
    result.key_results = {kr_id: odds for kr_id, odds in odds_table(plan, trials, seed).items()
                          if odds.drives not in overridden}
    return result


def run(inputs: Inputs, trials: int, seed: int | None, name: str = "",
        capacity: Mapping[str, int] | None = None) -> Result:
    """Simulate resolved inputs (used by simulate, sensitivity and solve)."""
    entropy = seed if seed is not None else int(np.random.SeedSequence().entropy)
    capacity = dict(capacity or {})
    for path in COUNT_PATHS:
        capacity[path] = max(capacity.get(path, 0), seat_capacity(inputs.values[path]))
    months = inputs.months
    growth = np.empty(trials)
    monthly = np.empty((trials, months))
    parts = np.empty((trials, 3))
    retained = np.empty(trials)
    draws: dict[str, np.ndarray] = {}
    for chunk, begin in enumerate(range(0, trials, CHUNK)):
        end = min(begin + CHUNK, trials)
        out = run_chunk(inputs, end - begin, make_streams(entropy, chunk), capacity)
        _cumulative_months(out.monthly, monthly[begin:end])
        parts[begin:end] = out.parts
        retained[begin:end] = out.retained
        for path, values in out.draws.items():
            draws.setdefault(path, np.empty(trials))[begin:end] = values
    baseline = inputs.baseline
    new_total = monthly[:, -1]
    growth[:] = (retained + new_total) / baseline - 1
    target_growth = inputs.target_growth
    hits = growth >= target_growth
    p = float(hits.mean())

    paper = expected_run(inputs.paper, months, baseline)
    on_paper_growth = (paper.retained + paper.monthly.sum()) / baseline - 1
    summary = summarize(growth)
    contributions = {"retained_base": float(retained.mean())}
    contributions.update({k: float(parts[:, i].mean()) for i, k in enumerate(CATEGORIES)})
    on_paper_contributions = {"retained_base": float(paper.retained)}
    on_paper_contributions.update({k: float(paper.parts[i]) for i, k in enumerate(CATEGORIES)})
    return Result(
        trials=trials, seed=seed, target_growth=target_growth,
        on_paper_growth=float(on_paper_growth), adds_up=bool(on_paper_growth >= target_growth),
        p_target=p, p_target_se=float(np.sqrt(p * (1 - p) / trials)), growth=growth,
        growth_summary=summary, months=months, monthly_new=monthly,
        contributions=contributions,
        gap=_gap(inputs, float(on_paper_growth), summary["p50"]),
        plan=name, basis=inputs.values["basis"], baseline=baseline, target=inputs.target,
        on_paper_contributions=on_paper_contributions,
        on_paper_monthly_new=np.cumsum(paper.monthly), parts=parts, retained=retained,
        draws=draws,
    )


def _cumulative_months(new: np.ndarray, out: np.ndarray) -> None:
    """Running total over months (axis 1) written into ``out``, one column at a time.

    The same sums as ``np.cumsum(new, axis=1)``, but a column-by-column add avoids numpy's
    slow accumulation along a short last axis.
    """
    out[:, 0] = new[:, 0]
    for month in range(1, new.shape[1]):
        np.add(out[:, month - 1], new[:, month], out=out[:, month])


def seat_capacity(value: Any) -> int:
    """Seats to allocate for a count input so that every draw fits (see common random numbers)."""
    return int(round(min(upper_bound(value), spec.MODEL_FIELDS["hiring.count"].high)))


def revenue_per_extra_hire(inputs: Inputs) -> float:
    """On paper, the new revenue one more hire on the plan's schedule brings in the period."""
    more = dict(inputs.paper)
    more["hiring.count"] = int(inputs.paper["hiring.count"]) + 1
    with_one_more = expected_run(more, inputs.months, inputs.baseline).monthly.sum()
    return float(with_one_more - expected_run(inputs.paper, inputs.months,
                                              inputs.baseline).monthly.sum())


def _gap(inputs: Inputs, on_paper_growth: float,
         median_growth: float) -> dict[str, float | None]:
    per_hire = revenue_per_extra_hire(inputs)
    gap: dict[str, float | None] = {"revenue_per_extra_hire": per_hire}
    for key, growth in (("on_paper", on_paper_growth), ("median", median_growth)):
        revenue = (inputs.target_growth - growth) * inputs.baseline
        gap[f"{key}_revenue"] = float(revenue)
        gap[f"{key}_hires"] = float(revenue / per_hire) if per_hire > 0 else None
    return gap
