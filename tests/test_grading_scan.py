"""The one-pass scanner finds exactly what each list's own pattern finds, list by list."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from okrsim.grading.lexicon import available_languages, load_lexicon
from okrsim.grading.scan import WORD, Scanner, first_chars, prefixes

try:
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse

DATA = Path(__file__).resolve().parent / "data"
SETS = ("grading_corpus.csv", "grading_holdout.csv", "grading_holdout2.csv",
        "grading_holdout3.csv")
TEXTS = [row["text"] for name in SETS
         for row in csv.DictReader((DATA / name).open(encoding="utf-8"))] + [
    "Increase revenue from 10 to 12 by Q3. So that we grow; and again " * 4,
    "x10 pipeline, 3x→4x coverage, €1,2M in 45 gg, 15-20% by 2026-08 (KR3: v2.1)",
    "  ", "!!!", "ARR 13M Q3", "Überprüfen à la carte — l'NRR al 115% entro l'anno",
    # letters the engine matches ignoring case though their own case differs: long s, Kelvin
    "Grow ſales and İnbound \u212aPIs by 20% \u212a", "INCREASE ſALES BY Q3", "aumentare i ricavi",
]


def _pattern_of(lexicon, name: str) -> re.Pattern[str]:
    if name in ("number", "multiplier"):
        return getattr(lexicon, name)
    kind, _, key = name.partition(".")
    if kind == "grouped":  # scanned without its named groups: the same matches
        list_name, _, index = key.partition(".")
        return lexicon.grouped[list_name][int(index)]
    return {"pattern": lexicon.patterns, "metrics": lexicon.metrics,
            "populations": lexicon.populations, "areas": lexicon.areas}[kind][key]


@pytest.mark.parametrize("lang", available_languages())
def test_the_scanner_finds_what_every_list_finds_on_its_own(lang):
    lexicon = load_lexicon(lang)
    scanner = lexicon.scanner
    for text in TEXTS:
        for start, end in ((0, len(text)), (len(text) // 3, len(text))):
            found = scanner.scan(text, start, end)
            for name in scanner.names:
                expected = [m.span() for m in _pattern_of(lexicon, name).finditer(text, start, end)
                            if m.end() > m.start()]
                assert found.get(name, []) == expected, (name, text)


def test_first_characters_of_a_pattern():
    def first(pattern, flags=re.IGNORECASE):
        return first_chars(sre_parse.parse(pattern, flags), bool(flags & re.IGNORECASE))

    assert first("increas\\w*") == ({"i", "I"}, False)
    assert first("(?:by|before)\\s+Q[1-4]")[0] == {"b", "B"}
    assert first("(?:the\\s+)?end")[0] == {"t", "T", "e", "E"}
    assert first("[^\\W\\d_]{2,}are")[0] == {WORD}
    assert first(".{0,3}x")[0] is None  # anything may come first
    assert first("(?-i:US)")[0] == {"U"}


def test_a_scanner_reports_each_list_without_overlaps_and_the_earlier_item_first():
    scanner = Scanner({"a": ["sales", "sales\\s+cycle"], "b": ["cycle\\s+time"]}, re.IGNORECASE)
    text = "Sales cycle time and sales"
    assert scanner.scan(text, 0, len(text)) == {"a": [(0, 5), (21, 26)], "b": [(6, 16)]}


def test_the_first_two_characters_of_a_pattern():
    def shapes(pattern, flags=re.IGNORECASE):
        return prefixes(sre_parse.parse(pattern, flags), bool(flags & re.IGNORECASE), 2)

    i, n, b = frozenset("iI"), frozenset("nN"), frozenset("bB")
    assert shapes("in\\w*") == {(i, n)}
    assert shapes("(?:by|before)\\s+Q") == {(b, frozenset("yY")), (b, frozenset("eE"))}
    assert shapes("(?:the\\s+)?in") == {(frozenset("tT"), frozenset("hH")), (i, n)}
    assert shapes("i") == {(i,)}  # it may end after one character
    assert shapes("x?", 0) == {(frozenset("x"),), ()}  # or match nothing
    assert shapes("\\d+", 0) == {(frozenset({"digit"}), frozenset({"digit"})),
                                  (frozenset({"digit"}),)}
    assert shapes("(?<!\\w)[€$]?\\d", 0) == {
        (frozenset("€$"), frozenset({"digit"})), (frozenset({"digit"}),)}
    assert shapes(".x", 0) == {(None, frozenset("x"))}


def test_a_scanner_tries_at_each_position_only_the_items_its_first_characters_can_start():
    scanner = Scanner({"a": ["increase", "income", "improve"], "b": ["in\\s+Q[1-4]"]},
                      re.IGNORECASE)
    text = "Improve sales in Q3, income"
    assert scanner.scan(text, 0, len(text)) == {"a": [(0, 7), (21, 27)], "b": [(14, 19)]}
    improve, _ = scanner.by_key["Imp"]
    assert improve.pattern.count("(?:improve)") == 1 and "increase" not in improve.pattern
    income, _ = scanner.by_key["inc"]  # "in" would start "in Q3" and "increase" too
    assert "income" in income.pattern and "Q" not in income.pattern
    assert "increase" in income.pattern  # the fourth character is the expression's to read
    assert scanner.by_key["sal"] == (None, [])  # no item starts with "sal"
