"""Language tables of the grader: read ``lexicons/<lang>.toml`` and precompile its patterns.

The rules of each language live in a TOML file next to this module, so a third language is a
new file. This module turns a file into a :class:`Lexicon` of compiled regular expressions.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from okrsim.errors import OkrsimError
from okrsim.grading.scan import Scanner

#: Digits with optional currency, separators, magnitude and percent: "€12.0M", "35%", "1,200".
DIGITS = (
    r"(?<![\w.,])(?:[€$£]\s?)?\d+(?:[.,]\d+)*(?:\s?[-–]\s?\d+(?:[.,]\d+)*(?=\s?%))?"
    r"(?:\s?(?:%|percent\b|per\s+cent\b|per\s+cento\b|k\b|K\b|m\b|M\b|mln\b|bn\b|million\b|"
    r"milioni\b|mila\b|billion\b|miliardi\b|h\b|hrs?\b|gg\b|[€$£]))?"
)

_FLAGS = re.IGNORECASE | re.UNICODE
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
#: Lists tried only at one place (the first word, one duration), never scanned over the text.
MATCHED_IN_PLACE = frozenset({"lead_in", "verb_shape", "reflexive_shape", "limit_units",
                              "counted_by"})
#: Characters of a position that choose the lexicon items tried there: four, not the scanner's
#: three, cut them further ("incr" no longer tries "income"), a scan about a quarter faster for
#: a few more expressions built.
SCAN_PREFIX_LENGTH = 4


@dataclass(frozen=True)
class Lexicon:
    """The compiled rules of one language.

    Attributes
    ----------
    lang : str
        Language code, the file's stem ("en", "it").
    patterns : dict of str to re.Pattern
        One compiled alternation per list of ``[patterns]`` (e.g. ``"time_anchored"``).
    grouped : dict of str to tuple of re.Pattern
        Lists whose patterns name groups (``x`` baseline, ``y`` target), compiled one by one.
    metrics : dict of str to re.Pattern
        One compiled alternation per metric family of ``[metrics]``.
    populations : dict of str to re.Pattern
        One compiled alternation per population family of ``[populations]``.
    areas : dict of str to re.Pattern
        What a qualitative objective is about (``[areas]``: growth, customer experience...),
        one alternation per area; scanned with the other lists (``"areas.growth"``).
    numbers : dict of str to float
        Spelled-out numbers and their values (lower case).
    multipliers : dict of str to float
        Words that state a factor of the baseline ("double" -> 2).
    number : re.Pattern
        Any number: digits or a spelled-out number.
    multiplier : re.Pattern
        Any multiplier word.
    detect_words : frozenset of str
        Frequent words of the language, for detection.
    loan_words : frozenset of str
        Words of other languages used in this one ("team", "churn" in Italian): a statement's
        loan words are no evidence for the language they come from.
    detect_shape : re.Pattern or None
        The shape of a word of this language (Italian suffixes "-zione", "-iamo"...): each word
        of that shape weighs :data:`SHAPE_WEIGHT` in detection.
    detect_numbers : re.Pattern or None
        Numbers written this language's way ("€20.000", "2,5" in Italian): each one counts
        like a frequent word in detection.
    advice : dict of str to str
        Advice sentences, keyed by situation.
    suggestion : dict of str to str
        The rewrite template and its placeholders.
    structure : dict of str to frozenset of str
        Words that end a metric phrase (``stops``), are dropped from its end (``trailing``), or
        name a unit kept with a number (``units``).
    scanner : Scanner
        Every plain list, the metric and population families and the number patterns, to be
        matched in one pass (:mod:`okrsim.grading.scan`).
    """

    lang: str
    patterns: dict[str, re.Pattern[str]]
    grouped: dict[str, tuple[re.Pattern[str], ...]]
    metrics: dict[str, re.Pattern[str]]
    populations: dict[str, re.Pattern[str]]
    numbers: dict[str, float]
    multipliers: dict[str, float]
    number: re.Pattern[str]
    multiplier: re.Pattern[str]
    detect_words: frozenset[str]
    loan_words: frozenset[str]
    detect_shape: re.Pattern[str] | None
    advice: dict[str, str]
    suggestion: dict[str, str]
    structure: dict[str, frozenset[str]]
    scanner: Scanner | None = None
    areas: dict[str, re.Pattern[str]] = field(default_factory=dict)
    detect_numbers: re.Pattern[str] | None = None

    @cached_property
    def scan_names(self) -> dict[str, dict[str, str]]:
        """The scanner's name of each family, built once: by kind ("metrics", "populations"),
        each family's name to its scanned name ("revenue" -> "metrics.revenue")."""
        return {"metrics": {name: f"metrics.{name}" for name in self.metrics},
                "populations": {name: f"populations.{name}" for name in self.populations},
                "areas": {name: f"areas.{name}" for name in self.areas}}

    @cached_property
    def grouped_names(self) -> dict[str, tuple[str, ...]]:
        """The scanner's names of each grouped list's patterns, built once
        ("baseline_target" -> ("grouped.baseline_target.0", ...))."""
        return {name: tuple(f"grouped.{name}.{i}" for i in range(len(found)))
                for name, found in self.grouped.items()}


def _words_pattern(words) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def _alternation(items: list[str], num: str) -> re.Pattern[str]:
    body = "|".join(f"(?:{item.replace('{num}', num)})" for item in items)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", _FLAGS)


@cache
def available_languages() -> tuple[str, ...]:
    """Codes of the languages that have a lexicon file, sorted ("en", "it")."""
    folder = resources.files("okrsim.grading").joinpath("lexicons")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


def check_language(lang: object) -> None:
    """Refuse a language code without a lexicon, in one sentence naming the allowed codes."""
    codes = available_languages()
    if lang not in codes:
        allowed = " or ".join(f"'{code}'" for code in codes)
        raise OkrsimError(
            f"Unknown language {lang!r}: use {allowed}, or leave it out to detect it.")


@cache
def load_lexicon(lang: str) -> Lexicon:
    """Read and compile the lexicon of one language.

    Parameters
    ----------
    lang : str
        A code from :func:`available_languages`.

    Returns
    -------
    Lexicon
        Compiled once and cached.

    Raises
    ------
    OkrsimError
        If no lexicon exists for ``lang``.
    """
    check_language(lang)
    source = resources.files("okrsim.grading").joinpath("lexicons").joinpath(f"{lang}.toml")
    table = tomllib.loads(source.read_text(encoding="utf-8"))
    numbers = {k.lower(): float(v) for k, v in table["numbers"].items()}
    multipliers = {k.lower(): float(v) for k, v in table["multipliers"].items()}
    num = f"(?:{DIGITS}|(?<!\\w)(?:{_words_pattern(numbers)})(?!\\w))"
    patterns = {name: _alternation(items, num) for name, items in table["patterns"].items()
                if not any("(?P<" in item for item in items)}
    metrics = {name: _alternation(items, num) for name, items in table["metrics"].items()}
    populations = {name: _alternation(items, num)
                   for name, items in table["populations"].items()}
    number = re.compile(num, _FLAGS)
    multiplier = re.compile(rf"(?<!\w)(?:{_words_pattern(multipliers)})(?!\w)", _FLAGS)
    lists = {f"pattern.{name}": [item.replace("{num}", num) for item in items]
             for name, items in table["patterns"].items()
             if name in patterns and name not in MATCHED_IN_PLACE}
    for kind in ("metrics", "populations", "areas"):
        lists.update({f"{kind}.{name}": [item.replace("{num}", num) for item in items]
                      for name, items in table.get(kind, {}).items()})
    # a grouped pattern is scanned without its groups: it is run with them only where found
    for name, items in table["patterns"].items():
        if name not in patterns:
            lists.update({f"grouped.{name}.{i}": [_GROUP_NAME.sub("(?:", item.replace(
                "{num}", num))] for i, item in enumerate(items)})
    lists["number"] = [num]
    lists["multiplier"] = [_words_pattern(multipliers)]
    return Lexicon(
        lang=lang,
        patterns=patterns,
        grouped={name: tuple(_alternation([item], num) for item in items)
                 for name, items in table["patterns"].items()
                 if any("(?P<" in item for item in items)},
        metrics=metrics,
        populations=populations,
        numbers=numbers,
        multipliers=multipliers,
        number=number,
        multiplier=multiplier,
        detect_words=frozenset(w.lower() for w in table["detect"]["words"]),
        loan_words=frozenset(w.lower() for w in table["detect"].get("loans", ())),
        detect_shape=re.compile("|".join(f"(?:{x})" for x in table["detect"]["shape"]), _FLAGS)
        if table["detect"].get("shape") else None,
        advice=dict(table["advice"]),
        suggestion=dict(table["suggestion"]),
        structure={name: frozenset(w.lower() for w in words)
                   for name, words in table.get("structure", {}).items()},
        scanner=Scanner(lists, _FLAGS, unbounded=frozenset({"number"}),
                        prefix_length=SCAN_PREFIX_LENGTH),
        areas={name: _alternation(items, num) for name, items in table.get("areas", {}).items()},
        detect_numbers=re.compile("|".join(f"(?:{x})" for x in table["detect"]["numbers"]))
        if table["detect"].get("numbers") else None,
    )
