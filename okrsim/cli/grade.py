"""``okrsim grade``: the SMART assessment of one statement on the command line."""

from __future__ import annotations

import argparse

from okrsim.cli.output import print_json
from okrsim.grading.grader import grade
from okrsim.grading.lexicon import available_languages
from okrsim.grading.rules import KINDS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``okrsim grade``: TEXT, ``--lang``, ``--kind``, ``--parent``, ``--json``."""
    parser.add_argument("text", metavar="TEXT", help="the objective or key result to grade")
    parser.add_argument("--lang", default=None, metavar="|".join(available_languages()),
                        help="language of TEXT (detected when omitted)")
    parser.add_argument("--kind", default=None, metavar="|".join(KINDS),
                        help="judge TEXT as an objective or a key result (detected when omitted)")
    parser.add_argument("--parent", default=None, metavar="TEXT",
                        help="the parent objective, to judge relevance")
    parser.add_argument("--json", action="store_true", help="print the assessment as JSON")


def run(args: argparse.Namespace) -> int:
    """Grade ``args.text`` and print the report; 0 when graded (bad input raises OkrsimError)."""
    assessment = grade(args.text, lang=args.lang, parent=args.parent, kind=args.kind)
    if args.json:
        print_json(assessment.to_dict())
    else:
        print(assessment.to_text())
    return 0
