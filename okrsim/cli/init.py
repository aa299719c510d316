"""``okrsim init [DIR] [--lang en|it]``: lay out a participant's workshop folder.

Copies the curriculum notebooks (and ``it/``), their data and the example plans into DIR
(``~/okrsim-workshop`` by default). Run again, it adds what is new and says which files it kept
because the participant changed them.
"""

from __future__ import annotations

import argparse

from okrsim.workshop.folder import TEXT, lay_out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``okrsim init``."""
    parser.add_argument("dir", nargs="?", default=None, metavar="DIR",
                        help="the folder to fill (default: ~/okrsim-workshop)")
    parser.add_argument("--lang", choices=("en", "it"), default="en",
                        help="language of the report")


def run(args: argparse.Namespace) -> int:
    """Lay out the folder and print what was added and kept."""
    layout = lay_out(args.dir, lang=args.lang)
    for line in layout.describe(args.lang):
        print(line)
    print(TEXT.say(args.lang, "init.next", folder=layout.folder))
    return 0
