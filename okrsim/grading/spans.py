"""A piece of an analysed text, shared by the reading (:mod:`okrsim.grading.analysis`) and the
finders it uses (:mod:`okrsim.grading.goals`)."""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    """A piece of the analysed text: its position and its characters.

    A named tuple, not a frozen dataclass: immutable, compared and hashed by its fields as one
    was, and some three times cheaper to make (a reading makes a few dozen).
    """

    start: int
    end: int
    text: str

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end
