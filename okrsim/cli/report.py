"""``okrsim report [PLAN.yaml] --out FILE.html [--trials N] [--seed S] [--lang en|it]``: one
self-contained page for a CFO (exit 0, or 2 for bad input)."""

from __future__ import annotations

import argparse

from okrsim.cli.arguments import add_lang_argument, seed_argument, speaking, trials_argument
from okrsim.reports import write_report
from okrsim.sim.inputs import as_plan
from okrsim.sim.messages import TEXT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``okrsim report``."""
    parser.add_argument("plan", nargs="?", metavar="PLAN.yaml",
                        help="the plan file (default: the built-in plan of the source article)")
    parser.add_argument("--out", required=True, metavar="FILE.html", help="the page to write")
    parser.add_argument("--trials", type=trials_argument, default=20_000, metavar="N",
                        help="Monte Carlo trials (default 20000)")
    parser.add_argument("--seed", type=seed_argument, default=0, metavar="S",
                        help="random seed; the same seed gives the same page (default 0)")
    add_lang_argument(parser, "the page and of the plan file's problems")


def run(args: argparse.Namespace) -> int:
    """Simulate the plan and write the page; print where it is (errors in ``--lang``)."""
    with speaking(args.lang):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    path = write_report(as_plan(args.plan, args.lang), args.out, trials=args.trials, seed=args.seed,
                        lang=args.lang)
    print(TEXT.say(args.lang, "cli.report_written", path=path))
    return 0
