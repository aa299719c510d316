"""Speed of the simulator, measured in one run against two baselines.

Prints: trials per second of the vectorised engine; its time relative to the floor of drawing one
uniform random number per seat-month-trial (goal <= 4x); its speed relative to a straightforward
per-trial Python loop of the same model (goal >= 100x); the time of a 20,000-trial run
(goal <= 100 ms, so dashboard sliders feel instant); the time of two segments with costs and
profit relative to one group without them at the same seats (goal <= 1.3x); peak memory of a
200,000-trial run.

The floor is the fastest way numpy draws that many uniforms: the best of float64 and float32
into a reused buffer, one month at a time or one block per chunk. (The engine draws per-seller
attainment and leaving-month uniforms in float32 and sums revenue in float64.)
It is a fixed yardstick of the per-seat-month work a month-by-month engine cannot avoid; the
engine itself draws one uniform per seller, not per seller-month (leaving months follow the
geometric law), so the ratio can go below what a month loop could reach.

Run: ``python benchmarks/bench_sim.py`` (or ``make bench``).
"""

from __future__ import annotations

import math
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from okrsim.plan import finance
from okrsim.sim import default_plan
from okrsim.sim.distributions import sample
from okrsim.sim.engine import CHUNK, run
from okrsim.sim.inputs import Inputs, Segment, clip_to_field, resolve_inputs
from okrsim.sim.model import (
    driver_multiplier,
    monthly_hazard,
    ramp_fraction,
    spread_hires,
)


def _draw(inputs: Inputs, path: str, rng: np.random.Generator) -> float:
    return float(clip_to_field(path, sample(inputs.values[path], 1, rng))[0])


def _group_trial(group: Inputs, common: dict[str, float], rng: np.random.Generator,
                 season: list[float]) -> tuple[list[float], float, float, float]:
    """One seller group for one trial: new revenue per month, seller-months, starts, seller cost.

    Plain Python loops over seats and months; ``common`` holds the inputs drawn once per trial
    for every group (market, drivers, retention, company costs).
    """
    v = group.values
    months = group.months
    ramp_months = _draw(group, "ramp.months", rng)
    hazard = monthly_hazard(_draw(group, "attrition.annual", rng))
    washout = _draw(group, "hiring.washout", rng)
    gap = max(1, round(_draw(group, "attrition.backfill_delay_months", rng)))
    scale = _draw(group, "reps.monthly_quota", rng) * common["market"] * common["drivers"]
    seller_cost = _draw(group, "costs.seller_monthly_cost", rng)

    def attainment() -> float:
        return _draw(group, "reps.attainment", rng)

    # seat: [start month, attainment, washout tenure or 0]
    seats = [[-10_000, attainment(), 0] for _ in range(int(_draw(group, "reps.existing", rng)))]
    starts = 0
    for planned in spread_hires(int(_draw(group, "hiring.count", rng)), v["hiring.months"]):
        delay = round(_draw(group, "hiring.delay_months", rng))
        out_at = 1 + math.floor(rng.random() * math.ceil(ramp_months))
        seats.append([planned + delay, attainment(), out_at if rng.random() < washout else 0])
        starts += planned + delay <= months
    new = [0.0] * months
    seller_months = 0
    for month in range(1, months + 1):
        for seat in seats:
            tenure = month - seat[0] + 1
            if tenure < 1:
                continue
            seller_months += 1
            ramp = float(ramp_fraction(np.array(tenure), ramp_months, v["ramp.curve"]))
            new[month - 1] += ramp * seat[1] * season[month - 1] * scale
            if rng.random() < hazard or tenure == seat[2]:
                if v["attrition.backfill"]:
                    seat[:] = [month + gap, attainment(), 0]
                    starts += month + gap <= months
                else:
                    seat[0] = 10 * months
    return new, seller_months, starts, seller_cost


def reference_outcome(inputs: Inputs, rng: np.random.Generator) -> tuple[float, float]:
    """One trial of the whole model, segments and costs included: (growth, profit).

    Profit is ``nan`` when the plan has no costs. Recognised revenue follows the design: on the
    ``arr`` basis the sum over months of ARR_m / 12, on the ``bookings`` basis the bookings.
    """
    months = inputs.months
    common = {
        "market": _draw(inputs, "reps.market", rng),
        "drivers": driver_multiplier(_draw(inputs, "drivers.deal_value_change", rng),
                                     _draw(inputs, "drivers.win_rate_change", rng),
                                     _draw(inputs, "drivers.sales_cycle_change", rng)),
    }
    kept = (_draw(inputs, "retention.gross_annual", rng)
            + _draw(inputs, "retention.expansion_annual", rng))
    margin = _draw(inputs, "costs.gross_margin", rng)
    other = _draw(inputs, "costs.other_costs", rng)
    hire_cost = _draw(inputs, "costs.hire_cost", rng)
    season = list(inputs.season or [1.0] * months)
    new = [0.0] * months
    people = 0.0
    for _, group in inputs.segment_inputs():
        booked, seller_months, starts, seller_cost = _group_trial(group, common, rng, season)
        new = [a + b for a, b in zip(new, booked, strict=True)]
        people += seller_cost * seller_months + hire_cost * starts
    arr = inputs.values["basis"] == "arr"
    retained = inputs.baseline * kept ** (months / 12) if arr else 0.0
    growth = (retained + sum(new)) / inputs.baseline - 1
    if not inputs.costs:
        return growth, math.nan
    cumulative = np.cumsum(new)
    if arr:
        revenue = sum(inputs.baseline * kept ** (m / 12) + cumulative[m - 1]
                      for m in range(1, months + 1)) / 12
    else:
        revenue = sum(new)
    return growth, margin * revenue - people - other


def reference_trial(inputs: Inputs, rng: np.random.Generator) -> float:
    """One trial of the model written as plain Python loops over seats and months: growth."""
    return reference_outcome(inputs, rng)[0]


def reference_growth(inputs: Inputs, trials: int, seed: int) -> np.ndarray:
    """Growth of ``trials`` trials from :func:`reference_trial` (no correlation)."""
    rng = np.random.default_rng(seed)
    return np.array([reference_trial(inputs, rng) for _ in range(trials)])


def reference_outcomes(inputs: Inputs, trials: int, seed: int) -> np.ndarray:
    """(growth, profit) of ``trials`` trials from :func:`reference_outcome`, shape (trials, 2)."""
    rng = np.random.default_rng(seed)
    return np.array([reference_outcome(inputs, rng) for _ in range(trials)])


def _best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _best_cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def _floors(trials: int, seats: int, months: int) -> dict[str, Callable[[], None]]:
    """Ways to draw one uniform per seat-month-trial, chunk by chunk, without allocating."""
    def by_month(dtype: type) -> Callable[[], None]:
        buffer = np.empty((CHUNK, seats), dtype=dtype)

        def draw() -> None:
            rng = np.random.default_rng(0)
            for begin in range(0, trials, CHUNK):
                n = min(CHUNK, trials - begin)
                for _ in range(months):
                    rng.random(dtype=dtype, out=buffer[:n])
        return draw

    def by_chunk(dtype: type) -> Callable[[], None]:
        buffer = np.empty(CHUNK * months * seats, dtype=dtype)

        def draw() -> None:
            rng = np.random.default_rng(0)
            for begin in range(0, trials, CHUNK):
                n = min(CHUNK, trials - begin)
                rng.random(dtype=dtype, out=buffer[:n * months * seats])
        return draw

    return {f"{dtype.__name__} {how}": make(dtype)
            for dtype in (np.float64, np.float32)
            for how, make in (("by month", by_month), ("by chunk", by_chunk))}


def two_segments_with_costs(inputs: Inputs) -> Inputs:
    """The built-in plan's sellers split into two segments of 10, all hires in the first.

    Same seats as the built-in plan (20 sellers + up to 5 hires), plus costs and profit: the
    yardstick of what segments and costs add to the engine's work.
    """
    own = {path: inputs.values[path] for path in finance.segment_paths()}
    first = Segment("enterprise", {**own, "reps.existing": 10}, {})
    second = Segment("mid-market", {**own, "reps.existing": 10, "hiring.count": 0}, {})
    return replace(inputs, segments=(first, second), costs=True)


def main() -> None:
    """Measure and print the figures."""
    inputs = replace(resolve_inputs(default_plan()), costs=False)
    seats = 20 + 5
    months = inputs.months
    big = 200_000
    run(inputs, 2_000, 0)  # warm up

    engine = _best(lambda: run(inputs, big, 0), repeat=3)

    floors = {name: _best(draw, repeat=3) for name, draw in _floors(big, seats, months).items()}
    floor_name = min(floors, key=floors.__getitem__)
    floor_time = floors[floor_name]
    floor64 = min(t for name, t in floors.items() if name.startswith("float64"))
    loop_trials = 1_000
    loop_time = _best(lambda: reference_growth(inputs, loop_trials, 0), repeat=1) / loop_trials
    slider = _best(lambda: run(inputs, 20_000, 0), repeat=5)
    finance_inputs = two_segments_with_costs(inputs)
    run(finance_inputs, 2_000, 0)
    # Interleaved, best of five each, in CPU time of this process: on a shared machine the
    # wall clock also counts other programs' work, the CPU time only the engine's.
    plain_times, finance_times = [], []
    for _ in range(5):
        plain_times.append(_best_cpu(lambda: run(inputs, big // 4, 0)))
        finance_times.append(_best_cpu(lambda: run(finance_inputs, big // 4, 0)))
    finance_ratio = min(finance_times) / min(plain_times)
    tracemalloc.start()
    run(inputs, big, 0)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    per_trial = engine / big
    print(f"plan: built-in, {seats} seats (20 sellers + 5 hires), {months} months")
    print(f"vectorised engine: {big / engine:,.0f} trials/s ({engine:.2f} s for {big:,} trials)")
    print(f"floor (one uniform per seat-month-trial, fastest: {floor_name}): {floor_time:.3f} s "
          f"-> engine is {engine / floor_time:.1f}x the floor (goal <= 4x); "
          f"{engine / floor64:.1f}x the float64 floor ({floor64:.3f} s)")
    print(f"per-trial Python loop: {1 / loop_time:,.0f} trials/s -> engine is "
          f"{loop_time / per_trial:,.0f}x faster (goal >= 100x)")
    print(f"20,000-trial run: {slider * 1000:.0f} ms (goal <= 100 ms)")
    print(f"two segments + costs and profit, same 25 seats: {finance_ratio:.2f}x the single "
          f"group without costs, in CPU time (goal <= 1.3x)")
    print(f"peak memory of a {big:,}-trial run: {peak / 2**20:,.0f} MiB (goal < 1 GB)")


if __name__ == "__main__":
    main()
