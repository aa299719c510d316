"""The workshop: the journal of attempts (SQLite or PostgreSQL) and the room summaries."""

from __future__ import annotations

from okrsim.workshop.journal import ENV_VAR, ROOM_ENV_VAR, Journal, JournalError

__all__ = ["ENV_VAR", "ROOM_ENV_VAR", "Journal", "JournalError"]
