"""How long one FeasibilityDashboard update takes (simulation plus redrawn figures).

The budget is 150 ms per slider release at the dashboard's default trial count. Printed: the median
and 90th percentile of an update, the same for a bare ``simulate`` call at the same trial count
(the baseline measured in this run), and their ratio.

Run: ``python benchmarks/bench_dashboard.py``
"""

from __future__ import annotations

import statistics
import time

from okrsim.sim import simulate
from okrsim.widgets import FeasibilityDashboard
from okrsim.widgets.dashboard import DEFAULT_TRIALS

MOVES = 30
BUDGET_MS = 150.0


def _quantiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.9 * (len(ordered) - 1))]


def main() -> None:
    dash = FeasibilityDashboard()
    hires = dash.sliders["hiring.count"]
    start = hires.value
    updates = []
    for i in range(MOVES):
        began = time.perf_counter()
        hires.value = start + 1 + i % 6          # one slider release = one update
        updates.append((time.perf_counter() - began) * 1000)
    baseline = []
    for i in range(MOVES):
        began = time.perf_counter()
        simulate(trials=DEFAULT_TRIALS, seed=0, overrides={"hiring.count": start + 1 + i % 6})
        baseline.append((time.perf_counter() - began) * 1000)
    update_med, update_p90 = _quantiles(updates)
    sim_med, sim_p90 = _quantiles(baseline)
    print(f"trials per update: {DEFAULT_TRIALS}")
    print(f"dashboard update: median {update_med:.1f} ms, p90 {update_p90:.1f} ms "
          f"(budget {BUDGET_MS:.0f} ms: {'within' if update_p90 <= BUDGET_MS else 'OVER'})")
    print(f"simulate alone:   median {sim_med:.1f} ms, p90 {sim_p90:.1f} ms")
    print(f"update / simulate: {update_med / sim_med:.2f}x "
          f"(figures and widgets cost {update_med - sim_med:.1f} ms)")


if __name__ == "__main__":
    main()
