"""``run``: the chunked Monte Carlo over resolved inputs (simulate, sensitivity and solve)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from okrsim.plan import schema
from okrsim.sim.distributions import upper_bound
from okrsim.sim.inputs import Inputs
from okrsim.sim.model import CATEGORIES, expected_run, make_streams, run_chunk
from okrsim.sim.result import Result, summarize
from okrsim.sim.validation import resolve_seed

#: Trials simulated at once: bounds memory and keeps a chunk's arrays in the CPU cache.
CHUNK = 4_096
#: Count inputs whose seats are allocated up front (common random numbers across runs).
COUNT_PATHS = ("reps.existing", "hiring.count")


def run(inputs: Inputs, trials: int, seed: int | None, name: str = "",
        capacity: Mapping[str, int] | None = None) -> Result:
    """Simulate resolved inputs (used by simulate, sensitivity and solve).

    Parameters
    ----------
    inputs : Inputs
        Resolved model inputs (:func:`okrsim.sim.inputs.resolve_inputs`).
    trials : int
        Monte Carlo trials (already validated).
    seed : int or None
        Seed; ``None`` draws fresh entropy, stored in ``Result.seed`` so the run can be replayed.
    name : str
        The plan's name, carried into the result.
    capacity : mapping, optional
        Seats to allocate per count input, so that runs with different counts share draws.

    Returns
    -------
    Result
    """
    entropy = resolve_seed(seed)
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
        trials=trials, seed=entropy, target_growth=target_growth,
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
    return int(round(min(upper_bound(value), schema.MODEL_FIELDS["hiring.count"].high)))


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
