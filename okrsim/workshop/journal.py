"""The workshop journal: every graded attempt of a room, in one SQLite file.

A facilitator points the whole room at one file (a shared JupyterHub folder) with the
``OKRSIM_JOURNAL`` environment variable; each participant's exercise widget records its graded
attempts there, and the facilitator's notebook reads them back into pandas.

Safety with many writers: the file uses write-ahead logging (WAL), every connection waits for a
busy lock (``timeout``) instead of failing, and every write is one short ``BEGIN IMMEDIATE``
transaction, so a writer killed mid-transaction leaves the journal readable and loses only its
own unfinished attempt. A file that is not a journal (not SQLite, or SQLite without the
journal's ``application_id``) is reported and never written to.

WAL needs all writers on one machine (a local disk, or a JupyterHub whose kernels share one
host); it is not safe over a network file system shared between machines.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from okrsim.errors import OkrsimError

if TYPE_CHECKING:
    import pandas

ENV_VAR = "OKRSIM_JOURNAL"
#: "OKRJ" -- marks a SQLite file as an okrsim journal.
APPLICATION_ID = 0x4F4B524A
SCHEMA_VERSION = 1
SQLITE_HEADER = b"SQLite format 3\x00"
MAX_NAME_CHARS = 100
MAX_TEXT_CHARS = 20_000
SMART_CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")
COLUMNS = ("id", "participant", "exercise", "text", "score", "passed", "missed", "lang",
           "recorded_at")

_SCHEMA = """
CREATE TABLE attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    participant TEXT NOT NULL,
    exercise    TEXT NOT NULL,
    text        TEXT NOT NULL,
    score       REAL NOT NULL CHECK (score >= 0 AND score <= 100),
    passed      INTEGER,
    missed      TEXT NOT NULL DEFAULT '',
    lang        TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX attempts_by_exercise ON attempts (exercise);
"""


class JournalError(OkrsimError):
    """A journal that cannot be used, or an attempt with bad values (one plain sentence)."""


def default_path() -> Path:
    """The journal used when none is given: ``$OKRSIM_JOURNAL``, else ``~/.okrsim/journal.sqlite``.
    """
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return Path.home() / ".okrsim" / "journal.sqlite"


class Journal:
    """A workshop journal stored in one SQLite file.

    Parameters
    ----------
    path : str or Path, optional
        The journal file; ``$OKRSIM_JOURNAL`` when not given, else ``~/.okrsim/journal.sqlite``.
        Created (with its folder) when missing.
    timeout : float, default 30
        Seconds a writer waits for another writer's lock before giving up.

    Raises
    ------
    JournalError
        When the path is a folder, cannot be created, or holds a file that is not a journal
        (which is left untouched).

    Examples
    --------
    >>> journal = Journal("room.sqlite")  # doctest: +SKIP
    >>> journal.record(participant="Giulia", exercise="en-rewrite-churn",
    ...                text="Reduce churn from 10% to 8% by 31 December 2027", score=100)
    ... # doctest: +SKIP
    >>> journal.attempts()[["participant", "score"]]  # doctest: +SKIP
    """

    def __init__(self, path: str | Path | None = None, *, timeout: float = 30.0):
        self.path = Path(path).expanduser() if path is not None else default_path()
        self.timeout = float(timeout)
        self._open()

    def __repr__(self) -> str:
        return f"Journal({str(self.path)!r})"

    # -- opening ---------------------------------------------------------------------------------

    def _open(self) -> None:
        path = self.path
        if path.is_dir():
            raise JournalError(f"The journal path {path} is a folder; give a file name such as "
                               "journal.sqlite.")
        if path.exists() and path.stat().st_size > 0:
            self._inspect_existing()
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise JournalError(f"The journal folder {path.parent} cannot be created "
                                   f"({exc.strerror or exc}).") from None
        try:
            with self._transaction() as con:
                app_id = con.execute("PRAGMA application_id").fetchone()[0]
                tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if app_id == 0 and tables == 0:
                    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            con.execute(statement)
                elif app_id != APPLICATION_ID:
                    raise self._foreign()
            con = self._connect()
            try:
                con.execute("PRAGMA journal_mode = WAL")
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            raise JournalError(f"The journal {path} cannot be opened ({exc}); it was left "
                               "untouched.") from None

    def _inspect_existing(self) -> None:
        """Refuse, without writing anything, a file that is not one of our journals."""
        path = self.path
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise JournalError(f"The journal {path} cannot be read ({exc.strerror or exc}).") \
                from None
        if header != SQLITE_HEADER:
            raise JournalError(f"{path} is not an okrsim journal (it is not an SQLite file); it "
                               "was left untouched, so choose another journal path.")
        try:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                  timeout=self.timeout)
            try:
                app_id = con.execute("PRAGMA application_id").fetchone()[0]
                tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                version = con.execute("PRAGMA user_version").fetchone()[0]
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            raise JournalError(f"{path} is not a readable okrsim journal ({exc}); it was left "
                               "untouched, so choose another journal path.") from None
        if app_id == APPLICATION_ID and version > SCHEMA_VERSION:
            raise JournalError(f"The journal {path} was written by a newer okrsim (schema "
                               f"{version}); upgrade okrsim to read it.")
        if app_id != APPLICATION_ID and not (app_id == 0 and tables == 0):
            raise self._foreign()

    def _foreign(self) -> JournalError:
        return JournalError(f"{self.path} is an SQLite database but not an okrsim journal; it "
                            "was left untouched, so choose another journal path.")

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        con.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        con.execute("PRAGMA synchronous = NORMAL")
        return con

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: ``BEGIN IMMEDIATE`` ... ``COMMIT`` (rolled back on error)."""
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            con.close()

    # -- writing ---------------------------------------------------------------------------------

    def record(self, *, participant: str, exercise: str, text: str, score: float,
               passed: bool | None = None, missed: Iterable[str] = (),
               lang: str | None = None) -> int:
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

        Raises
        ------
        JournalError
            One sentence naming the bad value and what is allowed.
        """
        row = _validated(participant, exercise, text, score, passed, missed, lang)
        stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
        try:
            with self._transaction() as con:
                cursor = con.execute(
                    "INSERT INTO attempts (participant, exercise, text, score, passed, missed, "
                    "lang, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (*row, stamp))
                return int(cursor.lastrowid)
        except sqlite3.OperationalError as exc:
            raise JournalError(f"The attempt could not be written to {self.path} ({exc}); try "
                               "again.") from None

    def record_result(self, participant: str, text: str, result) -> int:
        """Record an :class:`~okrsim.exercises.ExerciseResult` for the answer ``text``."""
        return self.record(participant=participant, exercise=result.exercise, text=text,
                           score=result.score, passed=result.passed, missed=result.missed,
                           lang=result.lang)

    # -- reading ---------------------------------------------------------------------------------

    def attempts(self) -> pandas.DataFrame:
        """Every attempt as a DataFrame, oldest first.

        Returns
        -------
        pandas.DataFrame
            Columns ``id, participant, exercise, text, score, passed, missed, lang,
            recorded_at``; ``recorded_at`` is a UTC timestamp, ``passed`` a nullable boolean and
            ``missed`` a comma-separated list of SMART criteria.
        """
        import pandas as pd  # imported here: the command line does not need pandas

        con = self._connect()
        try:
            frame = pd.read_sql_query(f"SELECT {', '.join(COLUMNS)} FROM attempts ORDER BY id",
                                      con)
        except (sqlite3.DatabaseError, pd.errors.DatabaseError) as exc:
            raise JournalError(f"The journal {self.path} cannot be read ({exc}).") from None
        finally:
            con.close()
        frame["recorded_at"] = pd.to_datetime(frame["recorded_at"], utc=True, format="ISO8601")
        frame["passed"] = frame["passed"].astype("boolean")
        frame["score"] = frame["score"].astype(float)
        return frame

    def __len__(self) -> int:
        con = self._connect()
        try:
            return int(con.execute("SELECT count(*) FROM attempts").fetchone()[0])
        finally:
            con.close()


def _validated(participant, exercise, text, score, passed, missed, lang) -> tuple:
    name = _short_text(participant, "The participant name")
    exercise_id = _short_text(exercise, "The exercise id")
    if not isinstance(text, str) or not text.strip():
        raise JournalError("The attempt text is empty; record the answer as typed.")
    if len(text) > MAX_TEXT_CHARS:
        raise JournalError(f"The attempt text has {len(text):,} characters; at most "
                           f"{MAX_TEXT_CHARS:,} are allowed.")
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
    return value
