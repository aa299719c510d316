"""The journal's schema, the same on every back end: its version and its columns.

Version 1 (okrsim 0.1) had no ``room``; version 2 adds it (``""`` for attempts made before).
Each back end creates the current schema on first use and migrates older journals forward.
"""

from __future__ import annotations

SCHEMA_VERSION = 2
#: the columns of an attempt, in the order of :meth:`okrsim.workshop.Journal.attempts`
COLUMNS = ("id", "room", "participant", "exercise", "text", "score", "passed", "missed", "lang",
           "recorded_at")
SMART_CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")
