"""The workshop: the journal of attempts (SQLite) and the room summaries a facilitator reads."""

from __future__ import annotations

from okrsim.workshop.journal import ENV_VAR, Journal, JournalError

__all__ = ["ENV_VAR", "Journal", "JournalError"]
