"""Where a journal lives: paths and URLs, schema versions and migration, rooms, clear refusals."""

from __future__ import annotations

import socket
import sqlite3
import sys

import pytest

from okrsim.workshop import room as room_tables
from okrsim.workshop.journal import (
    APPLICATION_ID,
    ENV_VAR,
    ROOM_ENV_VAR,
    SCHEMA_VERSION,
    Journal,
    JournalError,
)
from okrsim.workshop.target import parse_target, redact

V1_SCHEMA = """
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


def _one_sentence(message: str) -> bool:
    return message.endswith(".") and ". " not in message.replace("e.g. ", "")


def test_a_version_1_journal_is_migrated_and_keeps_its_attempts(tmp_path):
    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    con.executescript(V1_SCHEMA + f"PRAGMA application_id = {APPLICATION_ID};"
                      "PRAGMA user_version = 1;")
    con.execute("INSERT INTO attempts (participant, exercise, text, score, passed, missed, lang, "
                "recorded_at) VALUES ('Ada', 'x', 'old answer', 40, 0, 'measurable', 'en', "
                "'2026-05-01T09:30:00.000000+00:00')")
    con.commit()
    con.close()
    journal = Journal(path, room="after")
    assert journal.schema_version() == SCHEMA_VERSION == 2
    journal.record(participant="Bo", exercise="x", text="new answer", score=90)
    frame = journal.attempts()
    assert frame["room"].tolist() == ["", "after"]
    assert frame["text"].tolist() == ["old answer", "new answer"]
    assert frame.loc[0, "recorded_at"].isoformat() == "2026-05-01T09:30:00+00:00"
    assert Journal(path).schema_version() == 2  # opening again migrates nothing twice


def test_a_journal_from_a_newer_okrsim_is_refused(tmp_path):
    path = tmp_path / "future.sqlite"
    Journal(path)
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(JournalError, match="newer okrsim .schema 99.; upgrade okrsim"):
        Journal(path)


def test_room_from_argument_environment_or_none(tmp_path, monkeypatch):
    path = tmp_path / "rooms.sqlite"
    monkeypatch.delenv(ROOM_ENV_VAR, raising=False)
    Journal(path).record(participant="Ada", exercise="x", text="no room", score=10)
    monkeypatch.setenv(ROOM_ENV_VAR, " Milano ")
    Journal(path).record(participant="Ada", exercise="x", text="from env", score=20)
    Journal(path, room="London").record(participant="Bo", exercise="x", text="arg", score=30)
    journal = Journal(path)
    assert journal.room == "Milano" and journal.rooms() == ["", "Milano", "London"]
    assert journal.attempts(room="London")["text"].tolist() == ["arg"]
    journal.record(participant="Cy", exercise="x", text="override", score=5, room="London")
    assert len(journal.attempts(room=" London ")) == 2
    with pytest.raises(JournalError, match="at most 100"):
        Journal(path, room="r" * 101)


def test_compare_rooms_and_filter(tmp_path):
    path = tmp_path / "rooms.sqlite"
    for name, room in (("Ada", "A"), ("Bo", "A"), ("Cy", "B")):
        Journal(path, room=room).record(participant=name, exercise="x", text="t", score=50,
                                        passed=name != "Cy", missed=["time_bound"])
    attempts = Journal(path).attempts()
    compared = room_tables.compare_rooms(attempts)
    assert compared.to_dict("index") == {
        "A": {"participants": 2, "attempts": 2, "mean_best_score": 50.0, "pass_rate": 1.0,
              "most_missed": "T"},
        "B": {"participants": 1, "attempts": 1, "mean_best_score": 50.0, "pass_rate": 0.0,
              "most_missed": "T"}}
    assert room_tables.in_room(attempts, "B")["participant"].tolist() == ["Cy"]
    assert len(room_tables.in_room(attempts, None)) == 3
    assert room_tables.compare_rooms(attempts.iloc[0:0]).empty


@pytest.mark.parametrize(("target", "kind"), [
    ("room.sqlite", "sqlite"),
    (r"C:\workshop\room.sqlite", "sqlite"),
    ("sqlite:///srv/okrsim/room.sqlite", "sqlite"),
    ("postgresql://okrsim:secret@db.example:5432/workshops", "postgresql"),
    ("postgres://db/workshops?sslmode=require", "postgresql"),
])
def test_targets_are_parsed_without_touching_anything(target, kind, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    parsed = parse_target(target)
    assert parsed.kind == kind
    assert list(tmp_path.iterdir()) == []
    assert "secret" not in parsed.shown


@pytest.mark.parametrize(("target", "words"), [
    ("mysql://db/workshops", "scheme 'mysql://'"),
    ("https://example.com/journal", "scheme 'https://'"),
    ("postgresql://okrsim:secret@db.example:5432", "names no database"),
    ("sqlite://", "names no file"),
    ("   ", "give a file path or a postgresql:// URL"),
])
def test_unusable_targets_are_one_sentence_and_create_nothing(target, words, tmp_path,
                                                              monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(JournalError) as info:
        Journal(target)
    message = str(info.value)
    assert words in message and _one_sentence(message) and "secret" not in message
    assert list(tmp_path.iterdir()) == []


def test_the_environment_variable_takes_a_url(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(ENV_VAR, "mysql://db/room")
    with pytest.raises(JournalError, match="scheme 'mysql://'"):
        Journal()
    monkeypatch.setenv(ENV_VAR, "postgresql://u@db.example/room")
    assert parse_target(None).kind == "postgresql"
    assert list(tmp_path.iterdir()) == []


def test_a_url_without_the_driver_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg raises ImportError
    with pytest.raises(JournalError) as info:
        Journal("postgresql://okrsim:secret@127.0.0.1:1/workshops")
    message = str(info.value)
    assert 'pip install "okrsim[postgres]"' in message and _one_sentence(message)
    assert "secret" not in message and list(tmp_path.iterdir()) == []


def test_an_unreachable_server_is_one_sentence(tmp_path, monkeypatch):
    pytest.importorskip("psycopg", reason="the psycopg driver (okrsim[postgres]) is not "
                        "installed")
    monkeypatch.chdir(tmp_path)
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(JournalError) as info:
        Journal(f"postgresql://okrsim:secret@127.0.0.1:{port}/workshops", timeout=2)
    message = str(info.value)
    assert "cannot be reached" in message and "check the URL" in message
    assert "secret" not in message and "\n" not in message
    assert list(tmp_path.iterdir()) == []


def test_redact_hides_only_the_password():
    assert redact("postgresql://u:pw@h:5/d") == "postgresql://u:***@h:5/d"
    assert redact("postgresql://u@h/d") == "postgresql://u@h/d"


def test_shared_journal_only_when_the_variable_names_an_existing_file(tmp_path, monkeypatch):
    from okrsim.workshop.journal import shared_journal

    monkeypatch.delenv(ENV_VAR, raising=False)
    assert shared_journal() is None
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "not-yet.sqlite"))
    assert shared_journal() is None and not (tmp_path / "not-yet.sqlite").exists()
    Journal(tmp_path / "not-yet.sqlite")
    monkeypatch.setenv(ROOM_ENV_VAR, "Milano")
    opened = shared_journal()
    assert opened.path == tmp_path / "not-yet.sqlite" and opened.room == "Milano"
    monkeypatch.setenv(ENV_VAR, "ftp://journal")
    with pytest.raises(JournalError, match="scheme 'ftp://'"):
        shared_journal()
