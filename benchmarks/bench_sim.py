"""Speed of the simulator, measured in one run against two baselines.

Prints: trials per second of the vectorised engine; its time relative to the floor of drawing one
uniform random number per seat-month-trial (goal <= 4x); its speed relative to a straightforward
per-trial Python loop of the same model (goal >= 100x); the time of a 20,000-trial run
(goal <= 100 ms, so dashboard sliders feel instant); peak memory of a 200,000-trial run.

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

import numpy as np

from okrsim.sim import default_plan
from okrsim.sim.distributions import sample
from okrsim.sim.engine import CHUNK, run
from okrsim.sim.inputs import Inputs, clip_to_field, resolve_inputs
from okrsim.sim.model import (
    driver_multiplier,
    monthly_hazard,
    ramp_fraction,
    retained_factor,
    spread_hires,
)


def _draw(inputs: Inputs, path: str, rng: np.random.Generator) -> float:
    return float(clip_to_field(path, sample(inputs.values[path], 1, rng))[0])


def reference_trial(inputs: Inputs, rng: np.random.Generator) -> float:
    """One trial of the model written as plain Python loops over seats and months."""
    v = inputs.values
    months = inputs.months
    ramp_months = _draw(inputs, "ramp.months", rng)
    hazard = monthly_hazard(_draw(inputs, "attrition.annual", rng))
    washout = _draw(inputs, "hiring.washout", rng)
    gap = max(1, round(_draw(inputs, "attrition.backfill_delay_months", rng)))
    scale = (_draw(inputs, "reps.monthly_quota", rng) * _draw(inputs, "reps.market", rng)
             * driver_multiplier(_draw(inputs, "drivers.deal_value_change", rng),
                                 _draw(inputs, "drivers.win_rate_change", rng),
                                 _draw(inputs, "drivers.sales_cycle_change", rng)))

    def attainment() -> float:
        return _draw(inputs, "reps.attainment", rng)

    # seat: [start month, attainment, washout tenure or 0]
    seats = [[-10_000, attainment(), 0] for _ in range(int(_draw(inputs, "reps.existing", rng)))]
    for planned in spread_hires(int(_draw(inputs, "hiring.count", rng)), v["hiring.months"]):
        delay = round(_draw(inputs, "hiring.delay_months", rng))
        out_at = 1 + math.floor(rng.random() * math.ceil(ramp_months))
        seats.append([planned + delay, attainment(), out_at if rng.random() < washout else 0])
    new = 0.0
    for month in range(1, months + 1):
        for seat in seats:
            tenure = month - seat[0] + 1
            if tenure < 1:
                continue
            new += float(ramp_fraction(np.array(tenure), ramp_months, v["ramp.curve"])) * seat[1]
            if rng.random() < hazard or tenure == seat[2]:
                if v["attrition.backfill"]:
                    seat[:] = [month + gap, attainment(), 0]
                else:
                    seat[0] = 10 * months
    retained = 0.0
    if v["basis"] == "arr":
        retained = inputs.baseline * retained_factor(
            _draw(inputs, "retention.gross_annual", rng),
            _draw(inputs, "retention.expansion_annual", rng), months)
    return (retained + new * scale) / inputs.baseline - 1


def reference_growth(inputs: Inputs, trials: int, seed: int) -> np.ndarray:
    """Growth of ``trials`` trials from :func:`reference_trial` (no correlation)."""
    rng = np.random.default_rng(seed)
    return np.array([reference_trial(inputs, rng) for _ in range(trials)])


def _best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


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


def main() -> None:
    """Measure and print the figures."""
    inputs = resolve_inputs(default_plan())
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
    print(f"peak memory of a {big:,}-trial run: {peak / 2**20:,.0f} MiB (goal < 1 GB)")


if __name__ == "__main__":
    main()
