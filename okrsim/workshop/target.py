"""Where a journal lives: a file path (SQLite) or a ``postgresql://`` URL (PostgreSQL).

:func:`parse_target` reads what a user gives (``Journal(target)`` or ``$OKRSIM_JOURNAL``) without
touching the disk or the network, so a mistyped URL is refused before any file is created.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from okrsim.errors import OkrsimError

ENV_VAR = "OKRSIM_JOURNAL"
ROOM_ENV_VAR = "OKRSIM_ROOM"
POSTGRES_SCHEMES = ("postgresql", "postgres")
#: "scheme://" at the start; two letters at least, so that "C:\\room.sqlite" stays a path.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://")


class JournalError(OkrsimError):
    """A journal that cannot be used, or an attempt with bad values (one plain sentence)."""


@dataclass(frozen=True)
class JournalTarget:
    """A parsed journal location.

    Attributes
    ----------
    kind : str
        ``"sqlite"`` or ``"postgresql"``.
    path : Path or None
        The SQLite file.
    url : str or None
        The PostgreSQL URL, as given (with its password, if any).
    """

    kind: str
    path: Path | None = None
    url: str | None = None

    @property
    def shown(self) -> str:
        """The location to show in messages: the path, or the URL without its password."""
        return str(self.path) if self.kind == "sqlite" else redact(self.url or "")


def default_sqlite_path() -> Path:
    """The journal used when nothing is set: ``~/.okrsim/journal.sqlite``."""
    return Path.home() / ".okrsim" / "journal.sqlite"


def parse_target(target: str | os.PathLike | None = None) -> JournalTarget:
    """Parse a journal location.

    Parameters
    ----------
    target : str or path-like, optional
        A file path, ``sqlite:///absolute/path``, or ``postgresql://user@host:port/database``;
        ``$OKRSIM_JOURNAL`` when not given, else ``~/.okrsim/journal.sqlite``.

    Returns
    -------
    JournalTarget

    Raises
    ------
    JournalError
        When the text names a scheme other than ``postgresql://`` or ``sqlite://``.
    """
    if target is None:
        target = os.environ.get(ENV_VAR, "").strip() or default_sqlite_path()
    if isinstance(target, os.PathLike):
        return JournalTarget("sqlite", path=Path(target).expanduser())
    if not isinstance(target, str) or not target.strip():
        raise JournalError(f"The journal location is {target!r}; give a file path or a "
                           "postgresql:// URL.")
    text = target.strip()
    match = _SCHEME.match(text)
    if not match:
        return JournalTarget("sqlite", path=Path(text).expanduser())
    scheme = match.group(1).lower()
    if scheme in POSTGRES_SCHEMES:
        parts = urlsplit(text)
        database = parts.path.lstrip("/")
        if not database:
            raise JournalError(f"The journal URL {redact(text)} names no database; write it as "
                               "postgresql://user@host:5432/database.")
        return JournalTarget("postgresql", url=text)
    if scheme == "sqlite":
        path = unquote(urlsplit(text).path)
        if not path or path == "/":
            raise JournalError(f"The journal URL {text} names no file; write it as "
                               "sqlite:///absolute/path/journal.sqlite.")
        return JournalTarget("sqlite", path=Path(path).expanduser())
    raise JournalError(f"The journal location {redact(text)} uses the scheme '{scheme}://', "
                       "which okrsim cannot store to; give a file path (SQLite) or a "
                       "postgresql:// URL.")


def redact(url: str) -> str:
    """The URL with its password replaced by ``***`` (for messages and logs)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<the journal URL>"
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


def default_room(room: str | None = None) -> str:
    """The workshop room: ``room`` when given, else ``$OKRSIM_ROOM``, else ``""`` (no room)."""
    if room is None:
        room = os.environ.get(ROOM_ENV_VAR, "")
    if not isinstance(room, str):
        raise JournalError(f"The room is {room!r}; give a name of at most 100 characters.")
    room = room.strip()
    if len(room) > 100:
        raise JournalError(f"The room name has {len(room)} characters; at most 100 are "
                           "allowed.")
    return room
