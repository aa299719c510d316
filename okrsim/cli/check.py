"""``okrsim check PLAN.yaml [--json] [--lang en|it]``: the cascade and alignment report."""

from __future__ import annotations

import argparse

from okrsim.cascade import check
from okrsim.cli.arguments import add_lang_argument, speaking
from okrsim.cli.output import print_json
from okrsim.plan import load_plan


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``okrsim check``."""
    parser.add_argument("plan", metavar="PLAN.yaml", help="the plan file to check")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    add_lang_argument(parser, "the findings and of the plan file's problems")


def run(args: argparse.Namespace) -> int:
    """Check a plan file's cascade: exit 0 clean, 1 findings, 2 invalid file (in ``--lang``)."""
    with speaking(args.lang):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    report = check(load_plan(args.plan, strict=False, lang=args.lang), lang=args.lang)
    if args.json:
        print_json(report.to_dict())
    else:
        print(report.to_text())
    return report.exit_code
