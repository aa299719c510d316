"""Find the matches of every list of a lexicon in one pass over the text.

Each list of a lexicon is one alternation ``(?<!\\w)(?:item|item...)(?!\\w)``; matching some fifty
of them one after the other costs fifty scans of the text. The lists start where a word may start,
and most of their items can only start with a few characters ("increas..." with an "i"). So the
text is walked once, over the positions where a match may start, and at each position one
regular expression made of the items that can start with that character tries every list at once
(one optional look-ahead group per list). Within a list, matches do not overlap and the earlier
item wins, exactly as :meth:`re.Pattern.finditer` would give them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

try:  # Python 3.11+
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

#: A character class that stands for "any character" in a first-character set.
ANY = "any"
#: A letter, a digit or an underscore (``\w``), in a first-character set.
WORD = "word"
#: A digit (``\d``), in a first-character set.
DIGIT = "digit"
#: A space (``\s``), in a first-character set.
SPACE = "space"

#: A position where a list may start: no word character right before it.
_START = re.compile(r"(?<!\w)", re.UNICODE)


def _union(first: set[str] | None, second: set[str] | None) -> set[str] | None:
    return None if first is None or second is None else first | second


def _first_of_in(items, ignore_case: bool) -> set[str] | None:
    """First characters of a character class (``[...]``); None for "any"."""
    found: set[str] = set()
    negate = any(op is sre_constants.NEGATE for op, _ in items)
    if negate:
        # "[^\W\d_]": letters only, a subset of the word characters
        not_word = any(op is sre_constants.CATEGORY and arg is sre_constants.CATEGORY_NOT_WORD
                       for op, arg in items)
        return {WORD} if not_word else None
    for op, arg in items:
        if op is sre_constants.LITERAL:
            found |= _cases(chr(arg), ignore_case)
        elif op is sre_constants.RANGE:
            low, high = arg
            if high - low > 400:
                return None
            for code in range(low, high + 1):
                found |= _cases(chr(code), ignore_case)
        elif op is sre_constants.CATEGORY:
            category = {sre_constants.CATEGORY_WORD: WORD, sre_constants.CATEGORY_DIGIT: DIGIT,
                        sre_constants.CATEGORY_SPACE: SPACE}.get(arg)
            if category is None:
                return None
            found.add(category)
        else:
            return None
    return found


def _cases(char: str, ignore_case: bool) -> set[str]:
    return {char, char.lower(), char.upper()} if ignore_case else {char}


def first_chars(parsed, ignore_case: bool) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any) and whether it can match
    the empty string. A superset is always safe: it only means trying an item for nothing."""
    found: set[str] | None = set()
    for op, arg in parsed:
        first, nullable = _first_of_op(op, arg, ignore_case)
        found = _union(found, first)
        if not nullable:
            return found, False
    return found, True


def _first_of_op(op, arg, ignore_case: bool) -> tuple[set[str] | None, bool]:
    c = sre_constants
    if op is c.LITERAL:
        return _cases(chr(arg), ignore_case), False
    if op is c.IN:
        return _first_of_in(arg, ignore_case), False
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = arg
        case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not (
            del_flags & re.IGNORECASE)
        return first_chars(sub, case)
    if op is c.BRANCH:
        found: set[str] | None = set()
        nullable = False
        for branch in arg[1]:
            first, empty = first_chars(branch, ignore_case)
            found, nullable = _union(found, first), nullable or empty
        return found, nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = arg
        first, empty = first_chars(sub, ignore_case)
        return first, empty or low == 0
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), True  # zero width: the next item gives the first character
    if op is c.CATEGORY:
        return _first_of_in([(op, arg)], ignore_case), False
    return None, False  # ANY, NOT_LITERAL, group references...: anything may come first


def _accepts(first: set[str] | None, char: str) -> bool:
    if first is None or char in first:
        return True
    return ((WORD in first and (char.isalnum() or char == "_"))
            or (DIGIT in first and char.isdigit()) or (SPACE in first and char.isspace()))


@dataclass
class Scanner:
    """Every list of a lexicon, split into items, ready to be tried at once per character.

    ``lists`` maps each list's name to its items (strings of regular expressions already
    holding ``{num}``), compiled with ``flags`` as ``(?<!\\w)(?:items)(?!\\w)``, except the
    ``unbounded`` ones which carry their own bounds (the number pattern). The combined
    expression for a character is built the first time the character starts a position, and
    kept.
    """

    lists: dict[str, list[str]]
    flags: int
    unbounded: frozenset[str] = frozenset()
    firsts: list[list[set[str] | None]] = field(default_factory=list)
    by_char: dict[str, tuple[re.Pattern[str] | None, list[tuple[int, int]]]] = (
        field(default_factory=dict))

    def __post_init__(self) -> None:
        ignore_case = bool(self.flags & re.IGNORECASE)
        self.names = list(self.lists)
        self.firsts = [[first_chars(sre_parse.parse(item, self.flags), ignore_case)[0]
                        for item in items] for items in self.lists.values()]

    def combined(self, char: str) -> tuple[re.Pattern[str] | None, list[tuple[int, int]]]:
        """The expression trying, at a position starting with ``char``, every list whose items
        can start with it, and the (group number, list number) pairs it reports."""
        if char in self.by_char:
            return self.by_char[char]
        parts, reported = [], []
        for index, (name, items) in enumerate(self.lists.items()):
            chosen = [item for item, first in zip(items, self.firsts[index], strict=True)
                      if _accepts(first, char)]
            if chosen:
                body = "|".join(f"(?:{item})" for item in chosen)
                tail = "" if name in self.unbounded else "(?!\\w)"
                parts.append(f"(?:(?=(?P<L{index}>(?:{body}){tail}))|)")
                reported.append(index)
        regex = re.compile("".join(parts), self.flags) if parts else None
        numbered = [(regex.groupindex[f"L{i}"], i) for i in reported] if regex else []
        self.by_char[char] = (regex, numbered)
        return regex, numbered

    def scan(self, text: str, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
        """Matches (start, end) of every list between ``start`` and ``end``, by list name, as
        ``finditer`` would find them on that region."""
        found: dict[int, list[tuple[int, int]]] = {}
        free = [start] * len(self.names)  # where each list may match next
        by_char, combined = self.by_char, self.combined
        for position in _START.finditer(text, start, end):
            at = position.start()
            if at >= end:
                break
            char = text[at]
            regex, reported = by_char[char] if char in by_char else combined(char)
            if regex is None:
                continue
            regs = regex.match(text, at, end).regs
            for group, index in reported:
                a, b = regs[group]
                if b > a and at >= free[index]:
                    found.setdefault(index, []).append((a, b))
                    free[index] = b
        names = self.names
        return {names[index]: pairs for index, pairs in found.items()}
