"""How long one FeasibilityDashboard update takes (simulation plus redrawn figures).

The budget is 150 ms per slider release at the dashboard's default trial count. Each round moves
the hires slider (one release = one update) and, right after, runs a bare ``simulate`` with the
same override: the baseline measured in the same run, interleaved so that machine load hits both
alike. Printed: median and 90th percentile of the full update, of the time until the summary
(P(target), on paper vs target) is shown, and of the baseline; and their ratio.

Run: ``python benchmarks/bench_dashboard.py``
"""

from __future__ import annotations

import statistics
import time

from okrsim.sim import simulate
from okrsim.widgets import FeasibilityDashboard
from okrsim.widgets.dashboard import DEFAULT_TRIALS

ROUNDS = 30
BUDGET_MS = 150.0


def _quantiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.9 * (len(ordered) - 1))]


def main() -> None:
    dash = FeasibilityDashboard()
    hires = dash.sliders["hiring.count"]
    start = hires.value
    updates, summaries, baseline = [], [], []
    for i in range(ROUNDS):
        hires.value = start + 1 + i % 6
        updates.append(dash.last_update_ms)
        summaries.append(dash.last_summary_ms)
        began = time.perf_counter()
        simulate(trials=DEFAULT_TRIALS, seed=0, overrides=dash.overrides)
        baseline.append((time.perf_counter() - began) * 1000)
    update_med, update_p90 = _quantiles(updates)
    summary_med, summary_p90 = _quantiles(summaries)
    sim_med, sim_p90 = _quantiles(baseline)
    verdict = "within" if update_med <= BUDGET_MS else "OVER"
    print(f"trials per update: {DEFAULT_TRIALS}, rounds: {ROUNDS}")
    rows = (("full update (summary + 2 charts)", update_med, update_p90),
            ("summary shown after", summary_med, summary_p90),
            ("simulate alone (baseline)", sim_med, sim_p90))
    for label, med, p90 in rows:
        print(f"{label:34} median {med:6.1f} ms, p90 {p90:6.1f} ms")
    print(f"budget {BUDGET_MS:.0f} ms per update: median {verdict}")
    print(f"full update / simulate: {update_med / sim_med:.2f}x "
          f"(charts and widgets add {update_med - sim_med:.1f} ms)")


if __name__ == "__main__":
    main()
