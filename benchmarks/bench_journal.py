"""Load on the workshop journal: 200 simulated participants x 30 attempts, on each back end.

Each participant has their own ``Journal`` (as each kernel of a hub has) and records 30 graded
attempts; the participants are spread over ``--workers`` processes that write at the same time,
each worker taking its participants' attempts in turn. Printed per back end: attempts per second
over the whole room, the median, 99th percentile and slowest single write, and whether every
attempt was read back.

SQLite goes to a file in a temporary folder. PostgreSQL goes to ``--postgres URL`` when given,
else to a throwaway cluster started from Debian's ``postgresql`` binaries (as the tests do); it is
left out, with the reason, when neither is available.

Run: ``python benchmarks/bench_journal.py [--participants 200] [--attempts 30] [--workers 16]``
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from okrsim.workshop.journal import Journal

REPO = Path(__file__).resolve().parents[1]
TEXTS = ("Reduce churn.", "Reduce annual churn from 10% to 8% by 31 December 2027",
         "Grow ARR from 1M to 2M by December", "Ridurre il churn dal 10% all'8% entro dicembre")


def _worker(target: str, names: list[str], attempts: int, start, queue) -> None:
    journals = {name: Journal(target, room="bench") for name in names}
    start.wait()
    latencies = []
    for n in range(attempts):
        for name, journal in journals.items():
            began = time.perf_counter()
            journal.record(participant=name, exercise=f"ex-{n % 7}", text=TEXTS[n % len(TEXTS)],
                           score=float(n * 3 % 101), passed=n % 3 == 0,
                           missed=["time_bound"] if n % 2 else [], lang="en")
            latencies.append(time.perf_counter() - began)
    queue.put(latencies)


def run(target: str, participants: int, attempts: int, workers: int) -> dict[str, float]:
    """Write the room to ``target`` and return the measured figures."""
    Journal(target)  # create the schema before the clock starts
    context = multiprocessing.get_context("spawn")
    start, queue = context.Event(), context.Queue()
    names = [f"participant-{i:03d}" for i in range(participants)]
    processes = [context.Process(target=_worker, args=(target, names[w::workers], attempts,
                                                       start, queue)) for w in range(workers)]
    for process in processes:
        process.start()
    time.sleep(2.0)  # let every worker import okrsim and open its journals
    began = time.perf_counter()
    start.set()
    latencies = [x for _ in processes for x in queue.get(timeout=600)]
    elapsed = time.perf_counter() - began
    for process in processes:
        process.join(60)
    stored = len(Journal(target).attempts(room="bench"))
    ordered = sorted(latencies)
    return {"attempts": len(latencies), "stored": stored, "seconds": elapsed,
            "per_second": len(latencies) / elapsed, "median_ms": statistics.median(ordered) * 1e3,
            "p99_ms": ordered[int(0.99 * (len(ordered) - 1))] * 1e3, "max_ms": ordered[-1] * 1e3}


def _print(name: str, figures: dict[str, float]) -> None:
    lost = figures["attempts"] - figures["stored"]
    print(f"{name:<11} {figures['attempts']:>5} attempts in {figures['seconds']:6.2f} s = "
          f"{figures['per_second']:7.1f} attempts/s; write median {figures['median_ms']:6.2f} ms, "
          f"p99 {figures['p99_ms']:7.2f} ms, slowest {figures['max_ms']:7.2f} ms; "
          f"{'nothing lost' if lost == 0 else f'{lost} LOST'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--attempts", type=int, default=30)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--postgres", metavar="URL", default=None,
                        help="an empty PostgreSQL database (default: a throwaway cluster)")
    args = parser.parse_args(argv)
    print(f"{args.participants} participants x {args.attempts} attempts, "
          f"{args.workers} writer processes")
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="okrsim-bench-")))
        _print("SQLite", run(str(folder / "journal.sqlite"), args.participants, args.attempts,
                             args.workers))
        url = args.postgres
        if url is None:
            sys.path.insert(0, str(REPO))
            from tests.postgres.cluster import throwaway_cluster, why_unavailable

            reason = why_unavailable()
            if reason:
                print(f"PostgreSQL  left out: {reason}")
                return 0
            url = stack.enter_context(throwaway_cluster()).new_database()
        _print("PostgreSQL", run(url, args.participants, args.attempts, args.workers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
