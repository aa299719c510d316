"""The PostgreSQL back end of the journal: for a hub whose kernels run on many machines.

The driver is ``psycopg`` (version 3), installed with ``pip install "okrsim[postgres]"``; it is
imported only when a ``postgresql://`` journal is opened. Every operation opens one short
connection, so a room of 200 idle kernels holds no connection between two attempts; every write
is one ``INSERT`` committed on its own, so a writer killed mid-way loses only its own unfinished
attempt. The schema is created on first use (under an advisory lock, so that many kernels
starting together create it once) and its version is kept in the table ``okrsim_schema``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from okrsim.workshop.schema import COLUMNS, SCHEMA_VERSION
from okrsim.workshop.target import JournalError, redact

#: advisory lock key while creating or migrating the schema ("OKRJ")
LOCK_KEY = 0x4F4B524A
_CREATE = (
    """CREATE TABLE okrsim_schema (
        version     integer NOT NULL,
        migrated_at timestamptz NOT NULL DEFAULT now()
    )""",
    """CREATE TABLE attempts (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        room        text NOT NULL DEFAULT '',
        participant text NOT NULL,
        exercise    text NOT NULL,
        text        text NOT NULL,
        score       double precision NOT NULL CHECK (score >= 0 AND score <= 100),
        passed      boolean,
        missed      text NOT NULL DEFAULT '',
        lang        text,
        recorded_at timestamptz NOT NULL
    )""",
    "CREATE INDEX attempts_by_exercise ON attempts (exercise)",
    "CREATE INDEX attempts_by_room ON attempts (room)",
)
#: version -> statements that bring a journal of the previous version to this one (PostgreSQL
#: journals start at version 2, the first with a room)
_MIGRATIONS: dict[int, tuple[str, ...]] = {}
_FIRST_VERSION = 2


def _driver():
    try:
        import psycopg
    except ImportError:
        return None
    return psycopg


class PostgresStore:
    """Attempts in a PostgreSQL database.

    Parameters
    ----------
    url : str
        ``postgresql://user:password@host:port/database`` (libpq's URL, query options allowed).
    timeout : float
        Seconds to wait for the server when connecting.
    """

    kind = "postgresql"

    def __init__(self, url: str, timeout: float):
        self.url = url
        self.timeout = timeout
        self.shown = redact(url)
        self._psycopg = _driver()
        if self._psycopg is None:
            raise JournalError(f"The journal {self.shown} is a PostgreSQL database, and the "
                               "PostgreSQL driver is not installed; install it with "
                               "pip install \"okrsim[postgres]\".")
        self._create_or_migrate()

    @contextmanager
    def _connection(self) -> Iterator:
        psycopg = self._psycopg
        try:
            con = psycopg.connect(self.url, connect_timeout=max(1, int(self.timeout)),
                                  autocommit=True)
        except psycopg.Error as exc:
            raise JournalError(f"The PostgreSQL journal {self.shown} cannot be reached "
                               f"({_reason(exc)}); check the URL and that the server is "
                               "running.") from None
        try:
            yield con
        finally:
            con.close()

    def _create_or_migrate(self) -> None:
        psycopg = self._psycopg
        with self._connection() as con:
            try:
                with con.transaction():
                    con.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
                    ours, theirs = con.execute(
                        "SELECT to_regclass('okrsim_schema') IS NOT NULL, "
                        "to_regclass('attempts') IS NOT NULL").fetchone()
                    if not ours and theirs:
                        raise JournalError(f"The database {self.shown} already has a table "
                                           "'attempts' that is not an okrsim journal; it was "
                                           "left untouched, so choose another database.")
                    if not ours:
                        for statement in _CREATE:
                            con.execute(statement)
                        con.execute("INSERT INTO okrsim_schema (version) VALUES (%s)",
                                    (SCHEMA_VERSION,))
                        return
                    version = con.execute("SELECT max(version) FROM okrsim_schema").fetchone()[0]
                    version = int(version or _FIRST_VERSION)
                    if version > SCHEMA_VERSION:
                        raise JournalError(f"The journal {self.shown} was written by a newer "
                                           f"okrsim (schema {version}); upgrade okrsim to read "
                                           "it.")
                    for target in range(version + 1, SCHEMA_VERSION + 1):
                        for statement in _MIGRATIONS.get(target, ()):
                            con.execute(statement)
                        con.execute("INSERT INTO okrsim_schema (version) VALUES (%s)",
                                    (target,))
            except psycopg.Error as exc:
                raise JournalError(f"The PostgreSQL journal {self.shown} cannot be prepared "
                                   f"({_reason(exc)}); check that the user may create "
                                   "tables.") from None

    def insert(self, row: tuple, stamp) -> int:
        """Insert one validated row (``COLUMNS`` without ``id`` and ``recorded_at``)."""
        names = ", ".join(COLUMNS[1:])
        values = (*row[:5], None if row[5] is None else bool(row[5]), *row[6:], stamp)
        with self._connection() as con:
            try:
                return int(con.execute(
                    f"INSERT INTO attempts ({names}) VALUES ({', '.join(['%s'] * len(values))}) "
                    "RETURNING id", values).fetchone()[0])
            except self._psycopg.Error as exc:
                raise JournalError(f"The attempt could not be written to {self.shown} "
                                   f"({_reason(exc)}); try again.") from None

    def rows(self, room: str | None = None) -> list[tuple]:
        """Every attempt as a tuple in ``COLUMNS`` order, oldest first (one room, or all)."""
        where, params = ("WHERE room = %s", (room,)) if room is not None else ("", ())
        return self._read(f"SELECT {', '.join(COLUMNS)} FROM attempts {where} ORDER BY id",
                          params)

    def count(self, room: str | None = None) -> int:
        """How many attempts (in one room, or in all)."""
        where, params = ("WHERE room = %s", (room,)) if room is not None else ("", ())
        return int(self._read(f"SELECT count(*) FROM attempts {where}", params)[0][0])

    def rooms(self) -> list[str]:
        """The rooms that have attempts, in the order they first appear."""
        return [row[0] for row in self._read(
            "SELECT room FROM attempts GROUP BY room ORDER BY min(id)", ())]

    def schema_version(self) -> int:
        """The schema version stored in the database."""
        return int(self._read("SELECT max(version) FROM okrsim_schema", ())[0][0])

    def _read(self, query: str, params: tuple) -> list[tuple]:
        with self._connection() as con:
            try:
                return con.execute(query, params).fetchall()
            except self._psycopg.Error as exc:
                raise JournalError(f"The journal {self.shown} cannot be read "
                                   f"({_reason(exc)}).") from None


def _reason(exc: Exception) -> str:
    """The driver's message on one line, without a trailing period."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return (lines[0] if lines else type(exc).__name__).rstrip(".")
