"""Limits of a well-formed OKR set, shared by the cascade check and the set grader."""

from __future__ import annotations

#: Fewest key results an objective should have (one angle is not enough to measure progress).
MIN_KEY_RESULTS = 2
#: Most key results an objective should have (more and the team loses focus).
MAX_KEY_RESULTS = 5
