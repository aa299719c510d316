"""``okrsim exercises``: list the exercise bank and check an answer from the command line.

``okrsim exercises list [--lang en|it] [--kind KIND] [--json]``
``okrsim exercises show ID [--json]``
``okrsim exercises check ID TEXT [--json]`` (TEXT ``-`` reads the answer from stdin)

``check`` exits 0 when the answer passes, 1 when it does not, 2 for bad input.
"""

from __future__ import annotations

import argparse
import sys

from okrsim.cli.output import print_json
from okrsim.exercises import KINDS, load_bank
from okrsim.i18n import languages


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``list``, ``show`` and ``check`` sub-commands to ``okrsim exercises``."""
    parser.add_argument("--bank", metavar="PATH", default=None,
                        help="a folder of exercise YAML files (default: exercises/bank)")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    listing = sub.add_parser("list", help="list the exercises")
    listing.add_argument("--lang", choices=languages(), help="only exercises in this language")
    listing.add_argument("--kind", choices=tuple(KINDS), help="only exercises of this kind")
    listing.add_argument("--json", action="store_true", help="print JSON")
    show = sub.add_parser("show", help="print one exercise's prompt and starter text")
    show.add_argument("id", help="the exercise id")
    show.add_argument("--json", action="store_true", help="print JSON")
    check = sub.add_parser("check", help="check an answer (exit 0 passed, 1 not yet)")
    check.add_argument("id", help="the exercise id")
    check.add_argument("text", metavar="TEXT", help="the answer; '-' reads it from stdin")
    check.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace) -> int:
    """Run ``okrsim exercises ACTION``; return the exit code."""
    action = getattr(args, "action", None)
    if action is None:
        print("okrsim exercises: choose an action: list, show or check "
              "(for example 'okrsim exercises list').", file=sys.stderr)
        return 2
    bank = load_bank(args.bank)
    if action == "list":
        chosen = bank.select(lang=args.lang, kind=args.kind)
        if args.json:
            print_json([{k: e.to_dict()[k] for k in ("id", "title", "lang", "kind", "level")}
                        for e in chosen])
        else:
            width = max((len(e.id) for e in chosen), default=2)
            for e in chosen:
                print(f"{e.id:<{width}}  {e.lang}  L{e.level}  {e.kind:<14}  {e.title}")
        return 0
    exercise = bank.get(args.id)
    if action == "show":
        if args.json:
            data = exercise.to_dict()
            for hidden in ("model_answer", "explanation"):
                data.pop(hidden)
            print_json(data)
        else:
            print(f"{exercise.title} ({exercise.id}, {exercise.lang}, level {exercise.level})")
            print()
            print(exercise.prompt)
            if exercise.starter:
                print()
                print(exercise.starter.rstrip())
        return 0
    text = sys.stdin.read() if args.text == "-" else args.text
    result = exercise.check(text)
    if args.json:
        print_json(result.to_dict())
    else:
        print(result.feedback)
    return 0 if result.passed else 1
