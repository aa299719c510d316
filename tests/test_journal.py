"""The workshop journal: round trip, bad values, foreign files, many writers, crashed writers."""

from __future__ import annotations

import multiprocessing
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from okrsim.workshop.journal import APPLICATION_ID, ENV_VAR, Journal, JournalError, default_path

WRITERS = 12
ATTEMPTS_EACH = 60


def test_record_and_read_back(tmp_path):
    journal = Journal(tmp_path / "room" / "journal.sqlite")
    first = journal.record(participant="Giulia", exercise="en-rewrite-churn",
                           text="Reduce annual churn from 10% to 8% by 31 December 2027",
                           score=100, passed=True, lang="en")
    journal.record(participant="Marco", exercise="en-rewrite-churn", text="Reduce churn.",
                   score=25.5, passed=False, missed=["measurable", "time_bound"], lang="en")
    frame = journal.attempts()
    assert first == 1 and len(journal) == 2
    assert {"participant", "exercise", "text", "score", "recorded_at"} <= set(frame.columns)
    assert frame["participant"].tolist() == ["Giulia", "Marco"]
    assert frame["score"].tolist() == [100.0, 25.5]
    assert frame["passed"].tolist() == [True, False]
    assert frame.loc[1, "missed"] == "measurable,time_bound"
    assert isinstance(frame["recorded_at"].dtype, pd.DatetimeTZDtype)
    with sqlite3.connect(journal.path) as con:
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_keeps_attempts(tmp_path):
    path = tmp_path / "journal.sqlite"
    Journal(path).record(participant="Ada", exercise="x", text="7", score=50)
    assert Journal(path).attempts()["text"].tolist() == ["7"]


def test_path_from_environment_then_home(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "shared.sqlite"))
    assert Journal().path == tmp_path / "shared.sqlite"
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_path() == tmp_path / "home" / ".okrsim" / "journal.sqlite"


@pytest.mark.parametrize(("values", "words"), [
    ({"participant": "  "}, "participant name is empty"),
    ({"participant": "x" * 101}, "participant name has 101 characters"),
    ({"exercise": ""}, "exercise id is empty"),
    ({"score": 101}, "from 0 to 100"),
    ({"score": -0.5}, "from 0 to 100"),
    ({"score": float("nan")}, "from 0 to 100"),
    ({"score": True}, "from 0 to 100"),
    ({"score": "90"}, "from 0 to 100"),
    ({"text": "x" * 20_001}, "at most 20,000"),
    ({"text": ""}, "text is empty"),
    ({"missed": ["speedy"]}, "SMART criteria"),
    ({"lang": "fr"}, "'en' or 'it'"),
])
def test_bad_values_are_one_sentence(tmp_path, values, words):
    journal = Journal(tmp_path / "journal.sqlite")
    attempt = {"participant": "Ada", "exercise": "x", "text": "an answer", "score": 50, **values}
    with pytest.raises(JournalError) as info:
        journal.record(**attempt)
    message = str(info.value)
    assert words in message and message.count(". ") == 0 and message.endswith(".")
    assert len(journal) == 0


def test_a_file_that_is_not_sqlite_is_reported_and_left_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    content = b"These are my workshop notes, not a database.\n" * 20
    path.write_bytes(content)
    with pytest.raises(JournalError, match="not an okrsim journal .*not an SQLite file"):
        Journal(path)
    assert path.read_bytes() == content


def test_a_foreign_sqlite_database_is_reported_and_left_untouched(tmp_path):
    path = tmp_path / "crm.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE customers (name TEXT)")
        con.execute("INSERT INTO customers VALUES ('ACME')")
    con.close()
    before = path.read_bytes()
    with pytest.raises(JournalError, match="SQLite database but not an okrsim journal"):
        Journal(path)
    assert path.read_bytes() == before


def test_a_truncated_sqlite_file_is_reported_and_left_untouched(tmp_path):
    path = tmp_path / "broken.sqlite"
    journal = Journal(path)
    journal.record(participant="Ada", exercise="x", text="an answer", score=50)
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    damaged = path.read_bytes()[:100] + b"\xff" * 3000
    path.write_bytes(damaged)
    with pytest.raises(JournalError, match="left untouched|cannot be"):
        Journal(path).attempts()
    assert path.read_bytes() == damaged


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(JournalError, match="is a folder"):
        Journal(tmp_path)


def _write_many(path: str, writer: int) -> None:
    journal = Journal(path)
    for n in range(ATTEMPTS_EACH):
        journal.record(participant=f"writer-{writer}", exercise=f"ex-{n % 5}",
                       text=f"answer {n} of writer {writer}", score=n % 101)


def test_many_writers_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "room.sqlite")
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    workers = [context.Process(target=_write_many, args=(path, w)) for w in range(WRITERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    frame = Journal(path).attempts()
    assert len(frame) == WRITERS * ATTEMPTS_EACH
    counts = frame.groupby("participant").size()
    assert (counts == ATTEMPTS_EACH).all() and len(counts) == WRITERS
    assert frame["id"].is_unique


CRASHING_WRITER = textwrap.dedent("""
    import sys, time
    from okrsim.workshop.journal import Journal
    journal = Journal(sys.argv[1])
    with journal._transaction() as con:
        for n in range(500):
            con.execute("INSERT INTO attempts (participant, exercise, text, score, missed, "
                        "recorded_at) VALUES ('crasher', 'x', ?, 50, '', '2027-01-01')",
                        (f"unfinished {n}",))
        print("inside the transaction", flush=True)
        time.sleep(60)
""")


def test_a_writer_killed_mid_transaction_leaves_the_journal_readable(tmp_path):
    path = tmp_path / "room.sqlite"
    journal = Journal(path)
    for n in range(3):
        journal.record(participant="Ada", exercise="x", text=f"kept {n}", score=70)
    writer = subprocess.Popen([sys.executable, "-c", CRASHING_WRITER, str(path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "inside the transaction"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(30)
        writer.stdout.close()
    reopened = Journal(path)
    assert reopened.attempts()["text"].tolist() == ["kept 0", "kept 1", "kept 2"]
    reopened.record(participant="Ada", exercise="x", text="after the crash", score=80)
    assert len(reopened) == 4
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
