"""Find the matches of every list of a lexicon in one pass over the text.

Each list of a lexicon is one alternation ``(?<!\\w)(?:item|item...)(?!\\w)``; matching some fifty
of them one after the other costs fifty scans of the text. The lists start where a word may start,
and most of their items can only start with a few strings ("increas..." with "inc").
So the text is walked once, over the positions where a match may start, and at each position one
regular expression made of the items that can start with the position's first three characters
tries every list at once (one optional look-ahead group per list). Within a list, matches do not
overlap and the earlier item wins, exactly as :meth:`re.Pattern.finditer` would give them.
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
#: How many characters of a position choose the items tried there, unless a scanner is told
#: otherwise: three cut the items tried at a letter to a few ("inc" tries "increas...", not
#: every item starting with an "i": some forty in English, "in Q3", "in order to", "income"...).
PREFIX_LENGTH = 3

#: The characters a pattern's first characters can be, one set per character (None: any).
Prefix = tuple[frozenset[str] | None, ...]

#: A position where a list may start: no word character right before it.
_START = re.compile(r"(?<!\w)", re.UNICODE)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT,
            getattr(sre_constants, "POSSESSIVE_REPEAT", None))


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
    """``char`` and, ignoring case, its lower and upper case ("İ" lowers to "i" and a dot: the
    "i" is kept, as the regular expression engine matches it)."""
    return {char, char.lower()[:1], char.upper()[:1]} if ignore_case else {char}


def _one_char(chars: set[str] | None) -> frozenset[str] | None:
    return None if chars is None else frozenset(chars)


def prefixes(parsed, ignore_case: bool, length: int = PREFIX_LENGTH) -> set[Prefix]:
    """The shapes of the first ``length`` characters a parsed pattern can match.

    Parameters
    ----------
    parsed : sre_parse.SubPattern
        The pattern, as :func:`sre_parse.parse` gives it.
    ignore_case : bool
        Whether its letters match either case.
    length : int
        How many characters to follow.

    Returns
    -------
    set of tuple
        One tuple per way the pattern can start: a set of characters per character (None for
        any character; :data:`WORD`, :data:`DIGIT`, :data:`SPACE` for a class), shorter than
        ``length`` when the pattern can end sooner (the empty tuple: it can match nothing).
        A superset is always safe: it only means trying an item for nothing.
    """
    done: set[Prefix] = set()
    frontier: set[Prefix] = {()}
    for op, arg in parsed:
        grown: set[Prefix] = set()
        for start in frontier:
            for more in _prefixes_of_op(op, arg, ignore_case, length - len(start)):
                (done if len(start) + len(more) == length else grown).add(start + more)
        frontier = grown
        if not frontier:
            break
    return done | frontier


def _prefixes_of_op(op, arg, ignore_case: bool, room: int) -> set[Prefix]:
    """:func:`prefixes` of one node of a parsed pattern, ``room`` (at least 1) characters."""
    c = sre_constants
    if op is c.LITERAL:
        return {(frozenset(_cases(chr(arg), ignore_case)),)}
    if op is c.IN:
        return {(_one_char(_first_of_in(arg, ignore_case)),)}
    if op is c.CATEGORY:
        return {(_one_char(_first_of_in([(op, arg)], ignore_case)),)}
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = arg
        case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not (
            del_flags & re.IGNORECASE)
        return prefixes(sub, case, room)
    if op is c.BRANCH:
        return set().union(*(prefixes(branch, ignore_case, room) for branch in arg[1]))
    if op in _REPEATS:
        return _repeated(arg[0], arg[1], arg[2], ignore_case, room)
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return {()}  # zero width: the next node gives the next character
    if op in (c.ANY, c.NOT_LITERAL):
        return {(None,)}
    return {(None,) * room}  # group references...: anything may follow


def _repeated(low: int, high: int, sub, ignore_case: bool, room: int) -> set[Prefix]:
    """:func:`prefixes` of ``low`` to ``high`` repetitions of ``sub``.

    Every repetition past ``low`` that adds a character brings a shape nearer its ``room``
    characters, so counting up to ``low + room`` repetitions finds every shape.
    """
    limit = min(high, low + room)
    of_sub: dict[int, set[Prefix]] = {}
    found: set[Prefix] = set()
    seen: set[tuple[Prefix, int]] = set()
    todo: list[tuple[Prefix, int]] = [((), 0)]
    while todo:
        state = todo.pop()
        if state in seen:
            continue
        seen.add(state)
        start, count = state
        if count >= low:
            found.add(start)  # the repetition may stop here
        if count == limit:
            continue
        left = room - len(start)
        if left not in of_sub:
            of_sub[left] = prefixes(sub, ignore_case, left)
        for more in of_sub[left]:
            if len(more) == left:
                found.add(start + more)
            else:
                todo.append((start + more, count + 1))
    return found


def first_chars(parsed, ignore_case: bool) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any) and whether it can match
    the empty string. A superset is always safe: it only means trying an item for nothing."""
    shapes = prefixes(parsed, ignore_case, 1)
    firsts = [shape[0] for shape in shapes if shape]
    if any(first is None for first in firsts):
        return None, () in shapes
    return set().union(*firsts), () in shapes


def _accepts(first: frozenset[str] | set[str] | None, char: str,
             cases: set[str] | None = None) -> bool:
    """Whether ``char`` may be one of ``first``: either case of it counts (a superset), so
    that "ſ" is tried where "s" is, as the regular expression engine ignoring case matches it.
    ``cases`` are the cases of ``char`` (:func:`_cases`), when already known."""
    if first is None or not first.isdisjoint(_cases(char, True) if cases is None else cases):
        return True
    return ((WORD in first and (char.isalnum() or char == "_"))
            or (DIGIT in first and char.isdigit()) or (SPACE in first and char.isspace()))


@dataclass
class Scanner:
    """Every list of a lexicon, split into items, ready to be tried at once per position.

    ``lists`` maps each list's name to its items (strings of regular expressions already
    holding ``{num}``), compiled with ``flags`` as ``(?<!\\w)(?:items)(?!\\w)``, except the
    ``unbounded`` ones which carry their own bounds (the number pattern). The combined
    expression for the first ``prefix_length`` characters of a position is built the first
    time they start a position, and kept (one expression for all the keys that choose the same
    items).
    """

    lists: dict[str, list[str]]
    flags: int
    unbounded: frozenset[str] = frozenset()
    #: the characters of a position that choose its items (:data:`PREFIX_LENGTH` by default)
    prefix_length: int = PREFIX_LENGTH
    starts: list[list[set[Prefix]]] = field(default_factory=list)
    by_key: dict[str, tuple[re.Pattern[str] | None, list[tuple[int, int]]]] = (
        field(default_factory=dict))

    def __post_init__(self) -> None:
        ignore_case = bool(self.flags & re.IGNORECASE)
        self.names = list(self.lists)
        self.starts = [[prefixes(sre_parse.parse(item, self.flags), ignore_case,
                                 self.prefix_length)
                        for item in items] for items in self.lists.values()]
        self._by_first: dict[str, list[tuple[tuple[int, int], tuple[Prefix, ...]]]] = {}
        # the items by the characters they can start with; those starting with a class
        # (a word character, a digit, anything) are asked each time
        self._by_literal: dict[str, set[tuple[int, int]]] = {}
        self._by_class: list[tuple[tuple[int, int], frozenset[str] | None]] = []
        for index, shapes in enumerate(self.starts):
            for number, item_shapes in enumerate(shapes):
                for first in {shape[0] if shape else None for shape in item_shapes}:
                    if first is None or any(len(char) > 1 for char in first):
                        self._by_class.append(((index, number), first))
                    for char in first or ():
                        self._by_literal.setdefault(char, set()).add((index, number))
        self._by_items: dict[tuple[tuple[int, int], ...],
                             tuple[re.Pattern[str] | None, list[tuple[int, int]]]] = {}

    def _starting_with(self, key: str) -> list[tuple[tuple[int, int], tuple[Prefix, ...]]]:
        """The items that can start with ``key``, as (list number, item number) with the shapes
        that can start so, in the order of the lists and their items: those of its first
        character are looked up, and those of a longer key are chosen among the items of the
        key without its last character, by that character."""
        if key not in self._by_first:
            last, cases = len(key) - 1, _cases(key[-1], True)
            if last == 0:
                found = {item for case in cases for item in self._by_literal.get(case, ())}
                found.update(item for item, first in self._by_class if _accepts(first, key, cases))
                candidates = [(item, self.starts[item[0]][item[1]]) for item in sorted(found)]
            else:
                candidates = self._starting_with(key[:-1])
            chosen = []
            for item, shapes in candidates:
                # a shape shorter than the key may end before it: it may still match
                fitting = tuple(shape for shape in shapes
                                if len(shape) <= last or _accepts(shape[last], key[-1], cases))
                if fitting:
                    chosen.append((item, fitting))
            self._by_first[key] = chosen
        return self._by_first[key]

    def combined(self, key: str) -> tuple[re.Pattern[str] | None, list[tuple[int, int]]]:
        """The expression trying, at a position whose text starts with ``key`` (its first
        ``prefix_length`` characters, fewer at the end of the region), every list whose items
        can start so, and the (group number, list number) pairs it reports."""
        if key in self.by_key:
            return self.by_key[key]
        chosen = tuple(item for item, _shapes in self._starting_with(key))
        if chosen not in self._by_items:
            self._by_items[chosen] = self._compile(chosen)
        self.by_key[key] = self._by_items[chosen]
        return self.by_key[key]

    def _compile(self, chosen: tuple[tuple[int, int], ...]
                 ) -> tuple[re.Pattern[str] | None, list[tuple[int, int]]]:
        """One expression with a look-ahead group per list for the ``chosen`` items."""
        by_list: dict[int, list[str]] = {}
        for index, number in chosen:
            by_list.setdefault(index, []).append(self.lists[self.names[index]][number])
        parts = []
        for index, items in by_list.items():
            body = "|".join(f"(?:{item})" for item in items)
            tail = "" if self.names[index] in self.unbounded else "(?!\\w)"
            parts.append(f"(?:(?=(?P<L{index}>(?:{body}){tail}))|)")
        if not parts:
            return None, []
        regex = re.compile("".join(parts), self.flags)
        return regex, [(regex.groupindex[f"L{index}"], index) for index in by_list]

    def scan(self, text: str, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
        """Matches (start, end) of every list between ``start`` and ``end``, by list name, as
        ``finditer`` would find them on that region."""
        found: dict[int, list[tuple[int, int]]] = {}
        free = [start] * len(self.names)  # where each list may match next
        by_key, combined, length = self.by_key.get, self.combined, self.prefix_length
        # near the end of the region, fewer characters choose: the key is cut at ``end``
        bounded = text[:end]
        for position in _START.finditer(text, start, end):
            at = position.start()
            if at >= end:
                break
            key = bounded[at:at + length]
            regex, reported = by_key(key) or combined(key)
            if regex is None:
                continue
            match = regex.match(text, at, end)
            if match.lastindex is None:  # no list matches here
                continue
            regs = match.regs
            for group, index in reported:
                a, b = regs[group]
                if b > a and at >= free[index]:
                    if index in found:
                        found[index].append((a, b))
                    else:
                        found[index] = [(a, b)]
                    free[index] = b
        names = self.names
        return {names[index]: pairs for index, pairs in found.items()}
