"""SMARTGrader and OKRBuilder record each graded click in the workshop journal, like exercises."""

from __future__ import annotations

import pytest

from okrsim.errors import OkrsimError
from okrsim.grading import grade
from okrsim.widgets import ExerciseWidget, OKRBuilder, SMARTGrader
from okrsim.widgets import exercise as exercise_widget
from okrsim.widgets.journaling import missed_criteria, okr_text, passes_bar, set_attempt
from okrsim.workshop import room
from okrsim.workshop.journal import ENV_VAR, Journal

GOOD_KR = "Reduce monthly churn from 2.0% to 1.5% by 31 December 2027"
VAGUE = "Improve customer satisfaction"


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    monkeypatch.setitem(exercise_widget.SESSION, "participant", None)
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_grader_records_nothing_without_a_journal(tmp_path):
    grader = SMARTGrader(GOOD_KR)
    assert grader.journaling.journal is None
    assert grader.journaling.name_box.layout.display == "none"
    assert grader.click() is not None
    assert "journal" not in grader.output_html


def test_grader_asks_the_name_once_and_records_each_click(tmp_path):
    journal = Journal(tmp_path / "room.sqlite")
    grader = SMARTGrader(GOOD_KR, journal=journal)
    assert len(journal) == 0  # the starting text is graded, never recorded
    assert grader.journaling.name_box.layout.display is None
    grader.click()
    assert "Type your name first" in grader.output_html and len(journal) == 0
    assert grader.result is not None  # grading is never blocked by the journal
    grader.journaling.name_box.value = "  Giulia  "
    grader.click()
    assert "Recorded in the workshop journal as Giulia" in grader.output_html
    assert grader.journaling.name_box.layout.display == "none"
    grader.value = VAGUE
    grader.click()
    frame = journal.attempts()
    assert list(frame["participant"]) == ["Giulia", "Giulia"]
    assert list(frame["exercise"]) == ["smart-grader", "smart-grader"]
    assert list(frame["text"]) == [GOOD_KR, VAGUE]
    good, vague = grade(GOOD_KR), grade(VAGUE)
    assert list(frame["score"]) == [good.score, vague.score]
    assert list(frame["passed"]) == [passes_bar(good), passes_bar(vague)]
    assert frame["missed"].iloc[1] == ",".join(missed_criteria(vague))
    assert "measurable" in frame["missed"].iloc[1]


def test_the_name_is_shared_with_exercise_widgets(tmp_path):
    journal = Journal(tmp_path / "room.sqlite")
    first = ExerciseWidget("en-feas-ramp-share", journal=journal)
    first.name_box.value = "Marco"
    first.value = "x"
    first.click()
    grader = SMARTGrader(journal=journal, ui="it", exercise="02-rewrite")
    assert grader.journaling.name_box.layout.display == "none"
    grader.value = GOOD_KR
    grader.click()
    assert "Registrato nel diario del workshop come Marco" in grader.output_html
    assert journal.attempts()["exercise"].iloc[-1] == "02-rewrite"


def test_grader_follows_the_environment_variable(tmp_path, monkeypatch):
    path = tmp_path / "env.sqlite"
    monkeypatch.setenv(ENV_VAR, str(path))
    grader = SMARTGrader(participant="Sofia")
    grader.value = GOOD_KR
    grader.click()
    assert len(Journal(path)) == 1
    assert SMARTGrader(journal=False).journaling.journal is None


def test_refused_text_is_not_recorded(tmp_path):
    journal = Journal(tmp_path / "room.sqlite")
    grader = SMARTGrader(journal=journal, participant="Luca")
    grader.value = "   "
    assert grader.click() is None
    assert len(journal) == 0


def test_bad_journal_arguments_are_one_sentence(tmp_path):
    with pytest.raises(OkrsimError, match="give a Journal, a path"):
        SMARTGrader(journal=42)
    with pytest.raises(OkrsimError, match="indica un Journal"):
        OKRBuilder(journal=3.5, ui="it")
    with pytest.raises(OkrsimError, match="1 to 100 characters"):
        SMARTGrader(journal=False, exercise="")
    not_a_journal = tmp_path / "notes.txt"
    not_a_journal.write_text("my notes")
    with pytest.raises(OkrsimError, match="not an okrsim journal"):
        SMARTGrader(journal=not_a_journal)
    assert not_a_journal.read_text() == "my notes"  # stored data intact


def test_a_journal_that_fails_is_a_note_not_a_crash(tmp_path):
    journal = Journal(tmp_path / "room.sqlite")
    grader = SMARTGrader(journal=journal, participant="x" * 101)
    grader.value = GOOD_KR
    assert grader.click() is not None
    assert "Not recorded in the journal" in grader.output_html and len(journal) == 0


def test_builder_records_one_attempt_per_click(tmp_path):
    journal = Journal(tmp_path / "room.sqlite")
    krs = [GOOD_KR, "Raise net revenue retention from 105% to 110% by 31 December 2027",
           "Run 40 discovery calls"]
    builder = OKRBuilder("Keep the customers we win", krs, journal=journal, participant="Chiara")
    builder.click()
    assert "Recorded in the workshop journal as Chiara" in builder.output_html
    row = journal.attempts().iloc[0]
    assert row["exercise"] == "okr-builder" and row["participant"] == "Chiara"
    assert row["text"] == okr_text("Keep the customers we win", krs)
    assert row["text"].splitlines()[1:] == [f"- {kr}" for kr in krs]
    expected = set_attempt(builder.results, all(c.ok for c in builder.set_checks))
    assert row["score"] == expected["score"]
    assert not row["passed"]  # an activity is in the set


def test_set_attempt_scores_the_mean_and_fails_on_any_weak_key_result():
    good, vague = grade(GOOD_KR), grade(VAGUE)
    both = set_attempt([good, vague], set_ok=True)
    assert both["score"] == round((good.score + vague.score) / 2, 1)
    assert both["passed"] is False
    assert set(missed_criteria(vague)) <= set(both["missed"])
    assert set_attempt([good], set_ok=False)["passed"] is False
    assert set_attempt([], set_ok=True) == {"score": 0.0, "passed": False, "missed": []}


def test_the_dashboard_tables_show_grader_attempts(tmp_path):
    journal = Journal(tmp_path / "room.sqlite")
    for name in ("Aisha", "Tom"):
        exercise_widget.SESSION["participant"] = None
        grader = SMARTGrader(journal=journal, participant=name)
        grader.value = VAGUE
        grader.click()
    attempts = journal.attempts()
    assert set(room.participation(attempts).index) == {"Aisha", "Tom"}
    assert "smart-grader" in room.scores_per_exercise(attempts).index
    missed = room.missed_criteria(attempts)
    assert len(missed) > 0
