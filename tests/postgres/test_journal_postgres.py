"""The journal on a real PostgreSQL server: same API and DataFrame as SQLite, many writers, killed
writers, rooms read back by the facilitator's tables."""

from __future__ import annotations

import multiprocessing
import signal
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from okrsim.workshop import room
from okrsim.workshop.journal import SCHEMA_VERSION, Journal, JournalError

WRITERS = 12
ATTEMPTS_EACH = 60
ROWS = [
    ("Giulia", "en-rewrite-churn", "Ridurre il churn dal 10% all'8% entro il 31/12/2027 — ✓",
     100, True, [], "it"),
    ("Marco", "en-rewrite-churn", "Reduce churn.", 25.5, False, ["measurable", "time_bound"],
     "en"),
    ("Zoë", "en-feas-ramp-share", "75", 60, None, ["achievable"], None),
]


def _fill(journal: Journal) -> None:
    for name, exercise, text, score, passed, missed, lang in ROWS:
        journal.record(participant=name, exercise=exercise, text=text, score=score,
                       passed=passed, missed=missed, lang=lang)


def test_record_and_read_back_with_types(pg_url):
    journal = Journal(pg_url, room="Milano, 3 marzo")
    assert journal.kind == "postgresql" and journal.path is None
    _fill(journal)
    frame = journal.attempts()
    assert len(journal) == 3 and frame["id"].tolist() == [1, 2, 3]
    assert frame["room"].unique().tolist() == ["Milano, 3 marzo"]
    assert frame.loc[0, "text"] == ROWS[0][2]
    assert frame["passed"].tolist()[:2] == [True, False] and frame["passed"].isna()[2]
    assert frame.loc[1, "missed"] == "measurable,time_bound"
    assert isinstance(frame["recorded_at"].dtype, pd.DatetimeTZDtype)
    assert str(frame["recorded_at"].dt.tz) == "UTC"
    assert journal.schema_version() == SCHEMA_VERSION


def test_both_back_ends_give_the_same_dataframe(pg_url, tmp_path):
    frames = []
    for target in (tmp_path / "room.sqlite", pg_url):
        journal = Journal(target, room="Roma")
        _fill(journal)
        journal.record(participant="Ada", exercise="x", text="another room", score=0,
                       room="Torino")
        frames.append(journal.attempts())
    sqlite_frame, pg_frame = frames
    pd.testing.assert_series_equal(sqlite_frame.dtypes, pg_frame.dtypes)
    same = [c for c in sqlite_frame.columns if c != "recorded_at"]
    pd.testing.assert_frame_equal(sqlite_frame[same], pg_frame[same])
    assert (pg_frame["recorded_at"] - sqlite_frame["recorded_at"]).abs().max() \
        < pd.Timedelta(minutes=5)


def test_reopening_keeps_the_schema_and_the_attempts(pg_url):
    _fill(Journal(pg_url))
    again = Journal(pg_url)
    assert len(again) == 3 and again.schema_version() == SCHEMA_VERSION


def test_a_database_with_someone_elses_attempts_table_is_left_untouched(pg_url):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute("CREATE TABLE attempts (who text)")
        con.execute("INSERT INTO attempts VALUES ('not ours')")
    with pytest.raises(JournalError, match="not an okrsim journal; it was left untouched"):
        Journal(pg_url)
    with psycopg.connect(pg_url) as con:
        assert con.execute("SELECT who FROM attempts").fetchall() == [("not ours",)]
        assert con.execute("SELECT to_regclass('okrsim_schema')").fetchone()[0] is None


def _write_many(url: str, writer: int) -> None:
    journal = Journal(url, room=f"room-{writer % 3}")
    for n in range(ATTEMPTS_EACH):
        journal.record(participant=f"writer-{writer}", exercise=f"ex-{n % 5}",
                       text=f"answer {n} of writer {writer}", score=n % 101)


def test_many_writers_at_once_lose_nothing(pg_url):
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(pg_url, w)) for w in range(WRITERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(180)
        assert worker.exitcode == 0
    frame = Journal(pg_url).attempts()
    assert len(frame) == WRITERS * ATTEMPTS_EACH and frame["id"].is_unique
    counts = frame.groupby("participant").size()
    assert (counts == ATTEMPTS_EACH).all() and len(counts) == WRITERS
    assert sorted(frame["room"].unique()) == ["room-0", "room-1", "room-2"]


KILLED_WRITER = textwrap.dedent("""
    import sys, time
    import psycopg
    from okrsim.workshop.journal import Journal
    url = sys.argv[1]
    journal = Journal(url, room="killed")
    for n in range(5):
        print(journal.record(participant="writer", exercise="x", text=f"kept {n}", score=70),
              flush=True)
    with psycopg.connect(url) as con:
        for n in range(200):
            con.execute("INSERT INTO attempts (participant, exercise, text, score, "
                        "recorded_at) VALUES ('writer', 'x', %s, 50, now())", (f"open {n}",))
        print("inside the transaction", flush=True)
        time.sleep(60)
""")


def test_a_killed_writer_loses_nothing_committed(pg_url):
    Journal(pg_url)
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, pg_url],
                              stdout=subprocess.PIPE, text=True)
    try:
        lines = [writer.stdout.readline().strip() for _ in range(6)]
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(30)
        writer.stdout.close()
    assert lines[-1] == "inside the transaction"
    committed = [int(line) for line in lines[:-1]]
    reopened = Journal(pg_url)
    frame = reopened.attempts()
    assert frame["id"].tolist() == committed
    assert frame["text"].tolist() == [f"kept {n}" for n in range(5)]
    reopened.record(participant="writer", exercise="x", text="after the kill", score=80)
    assert len(reopened) == 6


def test_the_facilitator_tables_read_each_room_back(pg_url):
    room.demo_room(pg_url, seed=5, participants=6, room="Milano")
    room.demo_room(pg_url, seed=6, participants=4, room="London")
    journal = Journal(pg_url)
    attempts = journal.attempts()
    assert journal.rooms() == ["Milano", "London"]
    milano = room.in_room(attempts, "Milano")
    assert milano["participant"].nunique() == 6
    assert journal.attempts(room="London")["participant"].nunique() == 4
    pd.testing.assert_frame_equal(milano, journal.attempts(room="Milano"))
    compared = room.compare_rooms(attempts)
    assert compared.index.tolist() == ["Milano", "London"]
    assert compared.loc["Milano", "participants"] == 6
    assert compared.loc["London", "attempts"] == len(journal.attempts(room="London"))
    assert room.participation(milano).shape[0] == 6


def test_a_journal_from_a_newer_okrsim_is_refused(pg_url):
    import psycopg

    Journal(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute("INSERT INTO okrsim_schema (version) VALUES (99)")
    with pytest.raises(JournalError, match=r"newer okrsim \(schema 99\); upgrade okrsim"):
        Journal(pg_url)
