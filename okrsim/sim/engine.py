"""``run``: the chunked Monte Carlo over resolved inputs (simulate, sensitivity and solve)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from okrsim.plan import finance, schema
from okrsim.sim.distributions import upper_bound
from okrsim.sim.inputs import Inputs, draw_trial_inputs
from okrsim.sim.model import CATEGORIES, ExpectedOutput, expected_run, make_streams, run_chunk
from okrsim.sim.result import Result, summarize
from okrsim.sim.validation import resolve_seed

#: Trials simulated at once: bounds memory and keeps a chunk's arrays in the CPU cache.
CHUNK = 4_096
#: Count inputs whose seats are allocated up front (common random numbers across runs).
COUNT_PATHS = ("reps.existing", "hiring.count")


def run(inputs: Inputs, trials: int, seed: int | None, name: str = "",
        capacity: Mapping[str, int] | None = None) -> Result:
    """Simulate resolved inputs (used by simulate, sensitivity and solve).

    Segments are simulated one after the other over the same trials, each from streams of its
    own, with the common inputs (market, drivers, retention, company costs) drawn once per trial
    and shared; their revenue and costs add.

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
        Seats to allocate per count input, so that runs with different counts share draws
        (single group; each segment sizes its own).

    Returns
    -------
    Result
    """
    entropy = resolve_seed(seed)
    groups = inputs.segment_inputs()
    capacities = []
    for _, group in groups:
        seats = dict(capacity or {}) if not inputs.segments else {}
        for path in COUNT_PATHS:
            seats[path] = max(seats.get(path, 0), seat_capacity(group.values[path]))
        capacities.append(seats)
    common_paths = [p for p in schema.MODEL_FIELDS if p not in finance.segment_paths()]
    months = inputs.months
    monthly = np.empty((trials, months))
    parts = np.empty((trials, 3))
    retained = np.empty(trials)
    by_group = np.empty((len(groups), trials))
    staffing = np.zeros((3, trials)) if inputs.costs else None  # seller-months, starts, cost
    draws: dict[str, np.ndarray] = {}
    for chunk, begin in enumerate(range(0, trials, CHUNK)):
        end = min(begin + CHUNK, trials)
        n = end - begin
        streams = make_streams(entropy, chunk)
        if inputs.segments:
            shared = draw_trial_inputs(inputs, n, streams, only=common_paths)
            outs = [run_chunk(group, n, make_streams(entropy, chunk, k + 1), capacities[k],
                              shared) for k, (_, group) in enumerate(groups)]
        else:
            outs = [run_chunk(inputs, n, streams, capacities[0])]
        new = outs[0].monthly
        for out in outs[1:]:
            new = new + out.monthly
        if inputs.actuals is not None:  # months 1..k: exactly what was booked, spread evenly
            k = inputs.actuals.through_month
            new = new.copy() if len(outs) == 1 else new
            new[:, :k] += inputs.actuals.booked / k
        _cumulative_months(new, monthly[begin:end])
        parts[begin:end] = sum(out.parts for out in outs)
        retained[begin:end] = outs[0].retained
        for k, out in enumerate(outs):
            by_group[k, begin:end] = out.parts.sum(axis=1)
            prefix = f"segments.{groups[k][0]}." if inputs.segments else ""
            for path, values in out.draws.items():
                if prefix and path in common_paths:
                    if k:
                        continue
                    key = path
                else:
                    key = prefix + path
                draws.setdefault(key, np.empty(trials))[begin:end] = values
            if staffing is not None:
                staffing[0, begin:end] += out.seller_months
                staffing[1, begin:end] += out.starts
                staffing[2, begin:end] += out.people_cost
    baseline = inputs.baseline
    new_total = monthly[:, -1]
    growth = (retained + new_total) / baseline - 1
    target_growth = inputs.target_growth
    hits = growth >= target_growth
    p = float(hits.mean())

    paper = expected_total(inputs)
    on_paper_growth = (paper.retained + paper.monthly.sum()) / baseline - 1
    summary = summarize(growth)
    contributions = {"retained_base": float(retained.mean())}
    contributions.update({k: float(parts[:, i].mean()) for i, k in enumerate(CATEGORIES)})
    on_paper_contributions = {"retained_base": float(paper.retained)}
    on_paper_contributions.update({k: float(paper.parts[i]) for i, k in enumerate(CATEGORIES)})
    if inputs.actuals is not None:
        contributions["booked_to_date"] = inputs.actuals.booked
        on_paper_contributions["booked_to_date"] = inputs.actuals.booked
    result = Result(
        trials=trials, seed=entropy, target_growth=target_growth,
        on_paper_growth=float(on_paper_growth), adds_up=bool(on_paper_growth >= target_growth),
        p_target=p, p_target_se=float(np.sqrt(p * (1 - p) / trials)), growth=growth,
        growth_summary=summary, months=months, monthly_new=monthly,
        contributions=contributions,
        gap=_gap(inputs, float(on_paper_growth), summary["p50"]),
        plan=name, basis=inputs.values["basis"], baseline=baseline, target=inputs.target,
        on_paper_contributions=on_paper_contributions,
        on_paper_monthly_new=np.cumsum(paper.monthly), parts=parts, retained=retained,
        draws=draws, stretch=sorted(inputs.stretch.values()),
        rerun=lambda changes, n=None: run(inputs.with_values(changes), n or trials, entropy,
                                          name, capacity),
    )
    if inputs.segments:
        result.segment_new = {group_name: by_group[k] for k, (group_name, _) in enumerate(groups)}
        result.segments = {
            group_name: {"new_revenue": float(by_group[k].mean()),
                         "on_paper_new_revenue": float(paper.by_group[k])}
            for k, (group_name, _) in enumerate(groups)
        }
    if staffing is not None:
        _add_profit(result, inputs, hits, draws, staffing, paper)
    return result


def expected_total(inputs: Inputs) -> ExpectedOutput:
    """The on-paper run of every segment added up (one group without segments).

    ``by_group`` holds each group's new revenue; ``people_cost`` its seller and hiring costs.
    """
    total = ExpectedOutput(np.zeros(inputs.months), np.zeros(len(CATEGORIES)), 0.0)
    for _, group in inputs.segment_inputs():
        out = expected_run(group.paper, inputs.months, inputs.baseline, inputs.season,
                           group.actuals)
        total.monthly += out.monthly
        total.parts += out.parts
        total.retained = out.retained  # the starting base is the company's, not a segment's
        total.seller_months += out.seller_months
        total.starts += out.starts
        total.by_group.append(float(out.monthly.sum()))
        total.people_cost += (float(group.paper["costs.seller_monthly_cost"])
                              * out.seller_months
                              + float(group.paper["costs.hire_cost"]) * out.starts)
    if inputs.actuals is not None:
        k = inputs.actuals.through_month
        total.monthly[:k] += inputs.actuals.booked / k
    return total


def recognised_revenue(basis: str, baseline: float, kept_annual: Any,
                       cumulative_new: np.ndarray) -> Any:
    """Revenue recognised in the period (the design's profit rule).

    ``arr`` basis: the sum over months of ARR_m / 12, ARR_m = baseline x kept^(m/12) + new ARR
    booked in months 1..m (``kept`` = gross retention + expansion); ``bookings`` basis: the
    period's bookings.

    Parameters
    ----------
    basis : {"arr", "bookings"}
    baseline : float
    kept_annual : float or numpy.ndarray
        Gross annual retention plus annual expansion, per trial.
    cumulative_new : numpy.ndarray
        New revenue booked by the end of each month, shape ``(..., months)``.
    """
    if basis != "arr":
        return cumulative_new[..., -1]
    months = cumulative_new.shape[-1]
    # sum of r^m for m = 1..months, r = kept^(1/12): a geometric series (months if r = 1).
    monthly_kept = np.asarray(kept_annual, dtype=float) ** (1 / 12)
    with np.errstate(divide="ignore", invalid="ignore"):
        series = monthly_kept * (1 - monthly_kept ** months) / (1 - monthly_kept)
    series = np.where(np.isclose(monthly_kept, 1.0, rtol=0, atol=1e-12), months, series)
    return (baseline * series + cumulative_new.sum(axis=-1)) / 12.0


def _add_profit(result: Result, inputs: Inputs, hits: np.ndarray,
                draws: Mapping[str, np.ndarray], staffing: np.ndarray,
                paper: ExpectedOutput) -> None:
    """Profit per trial and on paper, and the odds of the profit target (alone and with growth)."""
    basis = inputs.values["basis"]
    kept = draws["retention.gross_annual"] + draws["retention.expansion_annual"]
    revenue = recognised_revenue(basis, inputs.baseline, kept, result.monthly_new)
    profit = (draws["costs.gross_margin"] * revenue - staffing[2] - draws["costs.other_costs"])
    v = inputs.paper
    paper_revenue = float(recognised_revenue(
        basis, inputs.baseline, float(v["retention.gross_annual"])
        + float(v["retention.expansion_annual"]), np.cumsum(paper.monthly)))
    result.on_paper_profit = (float(v["costs.gross_margin"]) * paper_revenue - paper.people_cost
                              - float(v["costs.other_costs"]))
    result.on_paper_revenue = paper_revenue
    result.revenue, result.profit = revenue, profit
    result.seller_months, result.starts = staffing[0].copy(), staffing[1].copy()
    result.profit_summary = summarize(profit)
    if inputs.profit_target is None:
        return
    n = result.trials
    profit_hits = profit >= inputs.profit_target
    result.profit_target = inputs.profit_target
    result.p_profit = float(profit_hits.mean())
    result.p_both = float((profit_hits & hits).mean())
    result.p_profit_se = float(np.sqrt(result.p_profit * (1 - result.p_profit) / n))
    result.p_both_se = float(np.sqrt(result.p_both * (1 - result.p_both) / n))


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
    """On paper, the new revenue one more hire on the plan's schedule brings in the period.

    With segments: one more hire in the first segment.
    """
    inputs = inputs.segment_inputs()[0][1]
    more = dict(inputs.paper)
    more["hiring.count"] = int(inputs.paper["hiring.count"]) + 1
    with_one_more = expected_run(more, inputs.months, inputs.baseline, inputs.season,
                                 inputs.actuals).monthly.sum()
    return float(with_one_more - expected_run(inputs.paper, inputs.months, inputs.baseline,
                                              inputs.season, inputs.actuals).monthly.sum())


def _gap(inputs: Inputs, on_paper_growth: float,
         median_growth: float) -> dict[str, float | None]:
    per_hire = revenue_per_extra_hire(inputs)
    gap: dict[str, float | None] = {"revenue_per_extra_hire": per_hire}
    for key, growth in (("on_paper", on_paper_growth), ("median", median_growth)):
        revenue = (inputs.target_growth - growth) * inputs.baseline
        gap[f"{key}_revenue"] = float(revenue)
        gap[f"{key}_hires"] = float(revenue / per_hire) if per_hire > 0 else None
    return gap
