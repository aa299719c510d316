"""The workshop journal: every graded attempt of a room, in SQLite or PostgreSQL.

A facilitator points the whole room at one journal with the ``OKRSIM_JOURNAL`` environment
variable -- a file path (SQLite: one laptop, or a JupyterHub whose kernels share one host) or a
``postgresql://`` URL (a hub whose kernels run on many machines) -- and names the workshop with
``OKRSIM_ROOM``. Each participant's exercise widget records its graded attempts there; the
facilitator's notebook reads them back into pandas, one room or all of them.

Both back ends keep the same rows (:data:`~okrsim.workshop.schema.COLUMNS`) with a versioned
schema, created on first use and migrated forward; :meth:`Journal.attempts` gives the same
DataFrame from either. See :mod:`okrsim.workshop.sqlite_store` and
:mod:`okrsim.workshop.postgres_store` for what each guarantees with many writers.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from okrsim.workshop.schema import COLUMNS, SCHEMA_VERSION, SMART_CRITERIA
from okrsim.workshop.sqlite_store import APPLICATION_ID, SqliteStore
from okrsim.workshop.target import (
    ENV_VAR,
    ROOM_ENV_VAR,
    JournalError,
    default_room,
    parse_target,
)

if TYPE_CHECKING:
    import pandas

__all__ = ["APPLICATION_ID", "COLUMNS", "ENV_VAR", "ROOM_ENV_VAR", "SCHEMA_VERSION", "Journal",
           "JournalError", "default_path", "shared_journal"]

MAX_NAME_CHARS = 100
MAX_TEXT_CHARS = 20_000


def default_path() -> Path | str:
    """The journal used when none is given: ``$OKRSIM_JOURNAL``, else ``~/.okrsim/journal.sqlite``.

    Returns
    -------
    Path or str
        A path for SQLite, the URL (password hidden) for PostgreSQL.
    """
    target = parse_target(None)
    return target.path if target.kind == "sqlite" else target.shown


def shared_journal() -> Journal | None:
    """The room's journal named by ``$OKRSIM_JOURNAL``, or ``None`` when there is none yet.

    A ``postgresql://`` URL is always opened (the server says whether it can be reached); a path
    only when the file exists, so that a facilitator rehearsing before the workshop creates no
    empty journal. The room comes from ``$OKRSIM_ROOM``.

    Raises
    ------
    JournalError
        When the variable names a journal that cannot be used.
    """
    if not os.environ.get(ENV_VAR, "").strip():
        return None
    target = parse_target(None)
    if target.kind == "sqlite" and not target.path.is_file():
        return None
    return Journal()


class Journal:
    """A workshop journal, stored in one SQLite file or in a PostgreSQL database.

    Parameters
    ----------
    target : str or Path, optional
        A file path (SQLite, created with its folder when missing), ``sqlite:///path``, or a
        ``postgresql://user:password@host:port/database`` URL (needs ``okrsim[postgres]``);
        ``$OKRSIM_JOURNAL`` when not given, else ``~/.okrsim/journal.sqlite``.
    room : str, optional
        The workshop room this journal records into; ``$OKRSIM_ROOM`` when not given, else
        ``""``. Reading (:meth:`attempts`) sees every room unless told one.
    timeout : float, default 30
        Seconds a writer waits for a lock (SQLite) or for the server (PostgreSQL).

    Raises
    ------
    JournalError
        When the location is a folder, an unknown ``scheme://``, a file or database that is not a
        journal (left untouched), a URL without the driver installed, or a server that cannot be
        reached.

    Examples
    --------
    >>> journal = Journal("room.sqlite", room="Milan, 3 March")  # doctest: +SKIP
    >>> journal.record(participant="Giulia", exercise="en-rewrite-churn",
    ...                text="Reduce churn from 10% to 8% by 31 December 2027", score=100)
    ... # doctest: +SKIP
    >>> journal.attempts()[["room", "participant", "score"]]  # doctest: +SKIP
    """

    def __init__(self, target: str | os.PathLike | None = None, *, room: str | None = None,
                 timeout: float = 30.0):
        self.target = parse_target(target)
        self.room = default_room(room)
        self.timeout = float(timeout)
        if self.target.kind == "sqlite":
            self._store = SqliteStore(self.target.path, self.timeout)
        else:
            from okrsim.workshop.postgres_store import PostgresStore

            self._store = PostgresStore(self.target.url, self.timeout)

    @property
    def kind(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.target.kind

    @property
    def path(self) -> Path | None:
        """The SQLite file, or ``None`` for a PostgreSQL journal."""
        return self.target.path

    def __repr__(self) -> str:
        room = f", room={self.room!r}" if self.room else ""
        return f"Journal({self.target.shown!r}{room})"

    def _transaction(self):
        """A raw write transaction on the SQLite file (for tests of crashed writers)."""
        return self._store.transaction()

    def schema_version(self) -> int:
        """The version of the journal's schema (:data:`SCHEMA_VERSION` once opened)."""
        return self._store.schema_version()

    # -- writing ---------------------------------------------------------------------------------

    def record(self, *, participant: str, exercise: str, text: str, score: float,
               passed: bool | None = None, missed: Iterable[str] = (),
               lang: str | None = None, room: str | None = None) -> int:
        """Record one graded attempt and return its id.

        Parameters
        ----------
        participant : str
            Who answered (1 to 100 characters).
        exercise : str
            The exercise id (1 to 100 characters).
        text : str
            The answer as typed (1 to 20,000 characters).
        score : float
            The score, from 0 to 100.
        passed : bool, optional
            Whether the answer passed every check.
        missed : iterable of str
            SMART criteria the answer missed (``"measurable"``, ``"time_bound"``...).
        lang : str, optional
            Language of the exercise.
        room : str, optional
            The room of this attempt; the journal's :attr:`room` when not given.

        Raises
        ------
        JournalError
            One sentence naming the bad value and what is allowed.
        """
        row = _validated(participant, exercise, text, score, passed, missed, lang)
        room = self.room if room is None else default_room(room)
        return self._store.insert((room, *row), dt.datetime.now(dt.timezone.utc))

    def record_result(self, participant: str, text: str, result) -> int:
        """Record an :class:`~okrsim.exercises.ExerciseResult` for the answer ``text``."""
        return self.record(participant=participant, exercise=result.exercise, text=text,
                           score=result.score, passed=result.passed, missed=result.missed,
                           lang=result.lang)

    # -- reading ---------------------------------------------------------------------------------

    def attempts(self, room: str | None = None) -> pandas.DataFrame:
        """Every attempt as a DataFrame, oldest first.

        Parameters
        ----------
        room : str, optional
            Only this room's attempts; every room when not given.

        Returns
        -------
        pandas.DataFrame
            Columns ``id, room, participant, exercise, text, score, passed, missed, lang,
            recorded_at``; ``recorded_at`` is a UTC timestamp, ``passed`` a nullable boolean and
            ``missed`` a comma-separated list of SMART criteria. The same from both back ends.
        """
        return attempts_frame(self._store.rows(None if room is None else default_room(room)))

    def rooms(self) -> list[str]:
        """The rooms that have attempts, in the order they first appear."""
        return self._store.rooms()

    def __len__(self) -> int:
        return self._store.count()


def attempts_frame(rows: list[tuple]) -> pandas.DataFrame:
    """The attempts DataFrame from rows in :data:`COLUMNS` order (any back end)."""
    import pandas as pd  # imported here: the command line does not need pandas

    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    frame["id"] = frame["id"].astype("int64")
    frame["score"] = frame["score"].astype(float)
    frame["passed"] = frame["passed"].astype("boolean")
    for column in ("room", "participant", "exercise", "text", "missed", "lang"):
        frame[column] = frame[column].astype(object)
    stamps = pd.to_datetime(frame["recorded_at"], utc=True, format="ISO8601")
    frame["recorded_at"] = stamps.dt.as_unit("us")
    return frame


def _validated(participant, exercise, text, score, passed, missed, lang) -> tuple:
    name = _short_text(participant, "The participant name")
    exercise_id = _short_text(exercise, "The exercise id")
    if not isinstance(text, str) or not text.strip():
        raise JournalError("The attempt text is empty; record the answer as typed.")
    if len(text) > MAX_TEXT_CHARS:
        raise JournalError(f"The attempt text has {len(text):,} characters; at most "
                           f"{MAX_TEXT_CHARS:,} are allowed.")
    if "\x00" in text:
        raise JournalError("The attempt text holds a NUL character; record the answer as "
                           "typed, without control characters.")
    if (isinstance(score, bool) or not isinstance(score, numbers.Real)
            or not math.isfinite(float(score)) or not 0 <= float(score) <= 100):
        raise JournalError(f"The score is {score!r}; give a number from 0 to 100.")
    if passed is not None and not isinstance(passed, (bool, int)):
        raise JournalError(f"'passed' is {passed!r}; give true, false or nothing.")
    missed = [missed] if isinstance(missed, str) else list(missed)
    unknown = [m for m in missed if m not in SMART_CRITERIA]
    if unknown:
        raise JournalError(f"'missed' holds {unknown[0]!r}; use SMART criteria from "
                           f"{', '.join(SMART_CRITERIA)}.")
    if lang is not None and lang not in ("en", "it"):
        raise JournalError(f"The language is {lang!r}; use 'en' or 'it'.")
    return (name, exercise_id, text, float(score), None if passed is None else int(bool(passed)),
            ",".join(missed), lang)


def _short_text(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise JournalError(f"{what} is empty; give 1 to {MAX_NAME_CHARS} characters.")
    value = value.strip()
    if len(value) > MAX_NAME_CHARS:
        raise JournalError(f"{what} has {len(value)} characters; at most {MAX_NAME_CHARS} are "
                           "allowed.")
    if "\x00" in value:
        raise JournalError(f"{what} holds a NUL character; give plain text.")
    return value
