"""A piece of an analysed text, shared by the reading (:mod:`okrsim.grading.analysis`) and the
finders it uses (:mod:`okrsim.grading.goals`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A piece of the analysed text: its position and its characters."""

    start: int
    end: int
    text: str

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end
