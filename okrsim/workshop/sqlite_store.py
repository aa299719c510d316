"""The SQLite back end of the journal: one file, write-ahead logging, one short transaction a write.

Safety with many writers: the file uses write-ahead logging (WAL), every connection waits for a
busy lock (``timeout``) instead of failing, and every write is one short ``BEGIN IMMEDIATE``
transaction, so a writer killed mid-transaction leaves the journal readable and loses only its
own unfinished attempt. A file that is not a journal (not SQLite, or SQLite without the
journal's ``application_id``) is reported and never written to.

WAL needs all writers on one machine (a local disk, or a JupyterHub whose kernels share one
host); it is not safe over a network file system shared between machines: use PostgreSQL there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from okrsim.workshop.schema import COLUMNS, SCHEMA_VERSION
from okrsim.workshop.target import JournalError

#: "OKRJ" -- marks a SQLite file as an okrsim journal.
APPLICATION_ID = 0x4F4B524A
SQLITE_HEADER = b"SQLite format 3\x00"

_CREATE = (
    """CREATE TABLE attempts (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        room        TEXT NOT NULL DEFAULT '',
        participant TEXT NOT NULL,
        exercise    TEXT NOT NULL,
        text        TEXT NOT NULL,
        score       REAL NOT NULL CHECK (score >= 0 AND score <= 100),
        passed      INTEGER,
        missed      TEXT NOT NULL DEFAULT '',
        lang        TEXT,
        recorded_at TEXT NOT NULL
    )""",
    "CREATE INDEX attempts_by_exercise ON attempts (exercise)",
    "CREATE INDEX attempts_by_room ON attempts (room)",
)
#: version -> statements that bring a journal of the previous version to this one
_MIGRATIONS = {
    2: ("ALTER TABLE attempts ADD COLUMN room TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX attempts_by_room ON attempts (room)"),
}


class SqliteStore:
    """Attempts in one SQLite file (created, with its folder, when missing).

    Parameters
    ----------
    path : Path
        The journal file.
    timeout : float
        Seconds a writer waits for another writer's lock before giving up.
    """

    kind = "sqlite"

    def __init__(self, path: Path, timeout: float):
        self.path = path
        self.timeout = timeout
        self._open()

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
            with self.transaction() as con:
                app_id = con.execute("PRAGMA application_id").fetchone()[0]
                tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if app_id == 0 and tables == 0:
                    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    for statement in _CREATE:
                        con.execute(statement)
                    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                elif app_id != APPLICATION_ID:
                    raise self._foreign()
                else:
                    self._migrate(con)
            con = self._connect()
            try:
                con.execute("PRAGMA journal_mode = WAL")
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            raise JournalError(f"The journal {path} cannot be opened ({exc}); it was left "
                               "untouched.") from None

    def _migrate(self, con: sqlite3.Connection) -> None:
        """Bring the journal forward to :data:`SCHEMA_VERSION`, inside the open transaction."""
        version = con.execute("PRAGMA user_version").fetchone()[0]
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in _MIGRATIONS[target]:
                con.execute(statement)
            con.execute(f"PRAGMA user_version = {target}")

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
    def transaction(self) -> Iterator[sqlite3.Connection]:
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

    def insert(self, row: tuple, stamp) -> int:
        """Insert one validated row (``COLUMNS`` without ``id`` and ``recorded_at``)."""
        names = ", ".join(COLUMNS[1:])
        values = (*row, stamp.isoformat(timespec="microseconds"))
        try:
            with self.transaction() as con:
                cursor = con.execute(f"INSERT INTO attempts ({names}) VALUES "
                                     f"({', '.join('?' * len(values))})", values)
                return int(cursor.lastrowid)
        except sqlite3.OperationalError as exc:
            raise JournalError(f"The attempt could not be written to {self.path} ({exc}); try "
                               "again.") from None

    def rows(self, room: str | None = None) -> list[tuple]:
        """Every attempt as a tuple in ``COLUMNS`` order, oldest first (one room, or all)."""
        where, params = ("WHERE room = ?", (room,)) if room is not None else ("", ())
        return self._select(f"SELECT {', '.join(COLUMNS)} FROM attempts {where} ORDER BY id",
                            params)

    def count(self, room: str | None = None) -> int:
        """How many attempts (in one room, or in all)."""
        where, params = ("WHERE room = ?", (room,)) if room is not None else ("", ())
        return int(self._select(f"SELECT count(*) FROM attempts {where}", params)[0][0])

    def _select(self, query: str, params: tuple = ()) -> list[tuple]:
        con = self._connect()
        try:
            return con.execute(query, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise JournalError(f"The journal {self.path} cannot be read ({exc}).") from None
        finally:
            con.close()

    def rooms(self) -> list[str]:
        """The rooms that have attempts, in the order they first appear."""
        return [row[0] for row in self._select(
            "SELECT room FROM attempts GROUP BY room ORDER BY min(id)")]

    def schema_version(self) -> int:
        """The schema version stored in the file."""
        con = self._connect()
        try:
            return int(con.execute("PRAGMA user_version").fetchone()[0])
        finally:
            con.close()
