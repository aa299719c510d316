"""Statements graded per second on the labelled corpus, against a plain regex pass.

A second figure counts CPU time instead of wall-clock time (steadier on a shared machine), and
so does a second ratio to the baseline.
The baseline is one precompiled ``re.search`` per statement (a number and a deadline word), the
cost of the crudest structure-only checker, measured in the same run. Prints both rates and
their ratio, and the cost of the one-pass scan of every lexicon list against matching the same
lists one after the other (as the grader did before :mod:`okrsim.grading.scan`), in the same
run.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from okrsim.grading import grade
from okrsim.grading.accuracy import load_corpus
from okrsim.grading.lexicon import load_lexicon

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "grading_corpus.csv"
BASELINE = re.compile(r"\d+.{0,60}?\b(?:by|entro|within|in)\b", re.IGNORECASE)


def rate(func, texts: list[str], repeat: int, clock=time.perf_counter) -> float:
    """Calls of ``func`` per second over ``texts``, best of ``repeat`` passes of ``clock``."""
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        for text in texts:
            func(text)
        best = min(best, clock() - start)
    return len(texts) / best


def list_by_list(lexicon, text: str) -> None:
    """Match every list the scanner holds, one ``finditer`` each (the cost the scan replaces)."""
    for pattern in (*lexicon.patterns.values(), *lexicon.metrics.values(),
                    *lexicon.populations.values(), lexicon.number, lexicon.multiplier,
                    *(p for found in lexicon.grouped.values() for p in found)):
        for _ in pattern.finditer(text):
            pass


def scan_rates(rows: list[dict[str, str]], repeat: int = 5) -> tuple[float, float]:
    """Statements per second (CPU time) of the one-pass scan and of list-by-list matching."""
    pairs = [(load_lexicon(row["lang"]), row["text"]) for row in rows]
    one_pass = rate(lambda pair: pair[0].scanner.scan(pair[1], 0, len(pair[1])), pairs, repeat,
                    clock=time.process_time)
    one_by_one = rate(lambda pair: list_by_list(*pair), pairs, repeat, clock=time.process_time)
    return one_pass, one_by_one


def main() -> None:
    """Print graded statements per second, the baseline's rate and the ratio."""
    rows = load_corpus(CORPUS)
    texts = [row["text"] for row in rows]
    key_results = [row["text"] for row in rows if row["kind"] == "key_result"]
    grade(texts[0])  # compile the lexicons outside the timing
    graded = rate(grade, texts, repeat=5)
    graded_kr = rate(grade, key_results, repeat=5)
    # on a shared machine the wall clock counts other processes' time too: CPU time does not
    graded_cpu = rate(grade, texts, repeat=5, clock=time.process_time)
    baseline = rate(BASELINE.search, texts, repeat=5)
    baseline_cpu = rate(BASELINE.search, texts, repeat=5, clock=time.process_time)
    one_pass, one_by_one = scan_rates(rows)
    long_text = "Increase revenue from 10 to 12 by Q3 " + "blah " * 20_000
    start = time.perf_counter()
    grade(long_text)
    long_seconds = time.perf_counter() - start
    print(f"corpus statements : {len(texts)} ({len(key_results)} key results)")
    print(f"grade()           : {graded:,.0f} statements/s (key results: {graded_kr:,.0f}/s)")
    print(f"grade(), CPU time : {graded_cpu:,.0f} statements/s")
    print(f"baseline re.search: {baseline:,.0f} statements/s")
    print(f"ratio             : grade() is {baseline / graded:,.0f}x slower than one re.search")
    print(f"ratio, CPU time   : grade() is {baseline_cpu / graded_cpu:,.0f}x slower than one "
          "re.search")
    print(f"100,000-char paste: {long_seconds * 1000:.1f} ms")
    print(f"lexicon lists     : one pass {one_pass:,.0f} statements/s (CPU), list by list "
          f"{one_by_one:,.0f}/s: the scan is {one_pass / one_by_one:.1f}x faster")


if __name__ == "__main__":
    main()
