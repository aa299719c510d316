"""Print the SMART grader's accuracy, precision and recall per criterion and language.

Usage: ``python scripts/grading_accuracy.py [CORPUS.csv] [--errors]``; the default corpus is
``tests/data/grading_corpus.csv``. ``--errors`` also lists every disagreement.
"""

from __future__ import annotations

import sys
from pathlib import Path

from okrsim.grading.accuracy import FIELDS, evaluate, format_table, load_corpus, predictions

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "grading_corpus.csv"


def main(argv: list[str]) -> int:
    """Print the table (and the disagreements with ``--errors``); return 0."""
    paths = [a for a in argv if not a.startswith("--")]
    rows = load_corpus(paths[0] if paths else DEFAULT)
    print(format_table(evaluate(rows)))
    if "--errors" in argv:
        for row in rows:
            got = predictions(row)
            wrong = [f"{f}: {row[f]}->{got[f]}" for f in [*FIELDS, "lang"] if got[f] != row[f]]
            if wrong:
                print(f"{row['id']}: {row['text'][:70]!r}  " + "; ".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
