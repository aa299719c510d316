"""Print the SMART grader's accuracy, precision and recall per criterion and language.

Usage: ``python scripts/grading_accuracy.py [--corpus PATH | --holdout] [--errors] [--per-class]
[--without-source TEXT]``. The default
corpus is ``tests/data/grading_corpus.csv`` (the rules were tuned on it, so its figures are
optimistic); ``--holdout`` measures ``tests/data/grading_holdout.csv``, labelled before the grader
was run on it (see ``tests/data/README.md``). ``--errors`` also lists every disagreement,
``--per-class`` the recall of every label (graded as labelled / rows, the figures beside the
balanced accuracy in ``tests/data/README.md``), and ``--without-source TEXT`` leaves out the rows
whose ``source`` contains TEXT (case-insensitive; ``--without-source gitlab`` gives blind set 2's
English figures without GitLab's rows).
A bare ``CORPUS.csv`` argument is still accepted, like ``--corpus``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from okrsim.grading.accuracy import (
    FIELDS,
    evaluate,
    format_per_class,
    format_table,
    load_corpus,
    predictions,
)

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
DEFAULT = DATA / "grading_corpus.csv"
HOLDOUT = DATA / "grading_holdout.csv"


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the command line: which corpus to measure and whether to list disagreements."""
    parser = argparse.ArgumentParser(description="Measure the SMART grader on a labelled corpus.")
    parser.add_argument("path", nargs="?", type=Path, help="corpus CSV (same as --corpus)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--corpus", type=Path, help=f"corpus CSV (default {DEFAULT.name})")
    which.add_argument("--holdout", action="store_true",
                       help=f"measure the held-out set {HOLDOUT.name}")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--per-class", action="store_true",
                        help="also print the recall of every label (graded as labelled / rows)")
    parser.add_argument("--without-source", metavar="TEXT",
                        help="leave out the rows whose source contains TEXT (case-insensitive)")
    args = parser.parse_args(argv)
    chosen = [p for p in (args.path, args.corpus, HOLDOUT if args.holdout else None) if p]
    if len(chosen) > 1:
        parser.error("give one corpus: a path, --corpus PATH or --holdout")
    args.corpus = chosen[0] if chosen else DEFAULT
    return args


def main(argv: list[str]) -> int:
    """Print the table (and the disagreements with ``--errors``); return 0, or 2 on bad input."""
    args = parse_args(argv)
    if not args.corpus.is_file():
        print(f"error: corpus {args.corpus} is not a file; give a labelled CSV "
              "such as tests/data/grading_corpus.csv", file=sys.stderr)
        return 2
    rows = load_corpus(args.corpus)
    if args.without_source:
        left_out = args.without_source.casefold()
        rows = [row for row in rows if left_out not in row.get("source", "").casefold()]
    if args.corpus != DEFAULT or args.without_source:
        print(f"corpus: {args.corpus.name} ({len(rows)} statements"
              + (f" without the sources that contain {args.without_source!r})"
                 if args.without_source else ")"))
    scores = evaluate(rows)
    print(format_table(scores))
    if args.per_class:
        print("\nrecall per class (graded as labelled / rows)")
        print(format_per_class(scores))
    if args.errors:
        for row in rows:
            got = predictions(row)
            wrong = [f"{f}: {row[f]}->{got[f]}" for f in [*FIELDS, "lang"] if got[f] != row[f]]
            if wrong:
                print(f"{row['id']}: {row['text'][:70]!r}  " + "; ".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
