"""``okrsim solve PLAN.yaml --for PATH --probability P [--trials N] [--seed S] [--json]``:
goal seek (exit 0 found, 1 not reachable, 2 bad input). ``--for target`` answers the highest
target reached with probability P (``value``: the growth rate; ``target_value``: the amount)."""

from __future__ import annotations

import argparse

from okrsim.cli.arguments import probability_argument, speaking
from okrsim.cli.output import print_json
from okrsim.cli.simulate import add_run_arguments, stderr_progress
from okrsim.sim.goal_seek import solve
from okrsim.sim.inputs import as_plan
from okrsim.sim.messages import TEXT
from okrsim.sim.validation import check_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``okrsim solve``."""
    parser.add_argument("plan", metavar="PLAN.yaml", help="the plan file")
    parser.add_argument("--for", dest="path", required=True, metavar="PATH",
                        help="the model input to search, e.g. hiring.count or ramp.months; "
                             "'target' for the highest target reached with probability P")
    parser.add_argument("--probability", type=probability_argument, required=True,
                        metavar="P", help="wanted P(target), e.g. 0.8")
    add_run_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Search the input; print the answer; exit 0 found, 1 unreachable (errors in ``--lang``)."""
    with speaking(args.lang):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    plan = as_plan(args.plan, args.lang)
    if args.path != "target":
        check_path(args.path, args.lang)
    answer = solve(plan, args.path, args.probability, trials=args.trials, seed=args.seed,
                   progress=stderr_progress(TEXT.say(args.lang, "compare.progress",
                                                     path=args.path)))
    if args.json:
        print_json(answer.to_dict())
    else:
        print(answer.describe(args.lang))
    return 0 if answer.reachable else 1
