"""Speed of the analyst's outputs for 20,000 trials (goal: report and workbook within 3 s).

Prints the time of ``okrsim report`` (simulation, tornado runs, four charts, page) and of
``simulate --xlsx`` (simulation and the four-sheet workbook, every trial on the Trials sheet),
each the best of three runs: wall-clock and CPU time of this process (on a shared machine the
wall clock includes waiting for a core; the load average is printed), and the sizes of the files.

Run: ``python benchmarks/bench_reports.py``.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import matplotlib

from okrsim.plan import default_plan
from okrsim.reports import write_report, write_workbook
from okrsim.sim import simulate

matplotlib.use("Agg")
TRIALS = 20_000
GOAL_SECONDS = 3.0


def best_of(runs: int, task: Callable[[], object]) -> tuple[float, float]:
    """The shortest wall-clock and CPU times of ``runs`` calls of ``task``, in seconds."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        task()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return min(wall), min(cpu)


def main() -> None:
    plan = default_plan()
    folder = Path(tempfile.mkdtemp())
    page, book = folder / "report.html", folder / "plan.xlsx"
    simulate(plan, trials=1_000)  # warm the imports
    report_s = best_of(3, lambda: write_report(plan, page, trials=TRIALS, seed=0))
    book_s = best_of(3, lambda: write_workbook(simulate(plan, trials=TRIALS, seed=0), plan,
                                               book))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name, (wall, cpu), path in (("report", report_s, page), ("workbook", book_s, book)):
        verdict = "ok" if wall <= GOAL_SECONDS else "SLOWER than the goal"
        print(f"{name:9} {TRIALS:,} trials: {wall:5.2f} s wall, {cpu:5.2f} s CPU "
              f"(goal <= {GOAL_SECONDS:.0f} s: {verdict}); {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
