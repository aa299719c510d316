"""``okrsim simulate [PLAN.yaml] [--trials N] [--seed S] [--json] [--plot F] [--csv F]
[--sensitivity]``: feasibility of a plan (no plan: the built-in plan)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from okrsim.cli.output import print_json
from okrsim.errors import OkrsimError
from okrsim.sim.feasibility import simulate
from okrsim.sim.validation import MAX_TRIALS


def trials_argument(text: str) -> int:
    """argparse type for ``--trials``: a whole number from 1 to MAX_TRIALS."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_TRIALS:
        raise argparse.ArgumentTypeError(
            f"--trials must be a whole number from 1 to {MAX_TRIALS:,}; got {text!r}")
    return value


def seed_argument(text: str) -> int:
    """argparse type for ``--seed``: a whole number of 0 or more."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"--seed must be a whole number of 0 or more; "
                                         f"got {text!r}")
    return value


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    """``--trials``, ``--seed`` and ``--json``, shared with ``okrsim solve``."""
    parser.add_argument("--trials", type=trials_argument, default=20_000, metavar="N",
                        help="Monte Carlo trials (default 20000)")
    parser.add_argument("--seed", type=seed_argument, default=0, metavar="S",
                        help="random seed; the same seed gives the same answer (default 0)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``okrsim simulate``."""
    parser.add_argument("plan", nargs="?", metavar="PLAN.yaml",
                        help="the plan file (default: the built-in plan of the source article)")
    add_run_arguments(parser)
    parser.add_argument("--plot", metavar="FILE.png",
                        help="save the growth histogram and the monthly fan chart")
    parser.add_argument("--csv", metavar="FILE", help="write one row per trial to a CSV file")
    parser.add_argument("--sensitivity", action="store_true",
                        help="also hold each uncertain input at its P10 and P90 (tornado)")


def stderr_progress(label: str):
    """A progress callback printing ``label: NN%`` on stderr, on one line."""
    finished = False

    def report(fraction: float) -> None:
        nonlocal finished
        if finished:
            return
        finished = fraction >= 1
        end = "\n" if finished else ""
        print(f"\r{label}: {fraction:4.0%}", end=end, file=sys.stderr, flush=True)
    return report


def run(args: argparse.Namespace) -> int:
    """Simulate a plan and print the answer; exit 0, or 2 for bad input."""
    result = simulate(args.plan, trials=args.trials, seed=args.seed)
    sens = None
    if args.sensitivity:
        from okrsim.sim.sensitivity_analysis import sensitivity

        sens = sensitivity(args.plan, trials=args.trials, seed=args.seed,
                           progress=stderr_progress("sensitivity"))
    if args.plot:
        import matplotlib

        matplotlib.use("Agg")
        from okrsim.plots import overview, save_figure

        save_figure(overview(result), args.plot)
    if args.csv:
        path = Path(args.csv)
        try:
            result.to_frame().to_csv(path, index=False)
        except OSError as exc:
            raise OkrsimError(f"{path} cannot be written ({exc.strerror or exc}).") from None
    if args.json:
        data = result.to_dict()
        if sens is not None:
            data["sensitivity"] = sens.to_dict()
        print_json(data)
    else:
        print(result.summary_text())
        if sens is not None:
            print()
            print(sens.to_text())
    return 0
