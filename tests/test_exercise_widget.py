"""The exercise widget, driven headless: set .value, click, read what it shows."""

from __future__ import annotations

import pytest

from okrsim.exercises import load_bank
from okrsim.widgets import exercise as exercise_widget
from okrsim.widgets.exercise import ExerciseWidget
from okrsim.workshop.journal import ENV_VAR, Journal

BANK = load_bank()


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    monkeypatch.setitem(exercise_widget.SESSION, "participant", None)
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_check_shows_feedback_and_unlocks_the_model_answer():
    widget = ExerciseWidget("en-feas-hiring-split")
    assert "okrsim-exercise" in widget._dom_classes  # what the browser test looks for
    assert widget.reveal_button.disabled
    widget.reveal_button.click()
    assert widget.model_html.value == ""
    widget.value = "2"
    widget.click()
    shown = widget.feedback_html.value
    assert "Not yet" in shown and "2 is not it yet" in shown
    assert not widget.reveal_button.disabled
    widget.reveal_button.click()
    assert "3, 2, 2" in widget.model_html.value
    widget.value = "3 sellers"
    widget.click()
    shown = widget.feedback_html.value
    assert "Passed" in shown and "okrsim-tone-good" in shown


def test_hints_come_one_at_a_time():
    exercise = BANK.get("en-rewrite-churn")
    widget = ExerciseWidget(exercise)
    widget.hint_button.click()
    assert exercise.hints[0] in widget.hint_html.value and exercise.hints[1] not in \
        widget.hint_html.value
    for _ in exercise.hints:
        widget.hint_button.click()
    assert widget.hint_button.disabled and "last hint" in widget.hint_html.value


def test_learner_text_is_escaped():
    widget = ExerciseWidget("en-classify-five")
    widget.value = "<blink>, outcome, outcome, activity, outcome"
    widget.click()
    shown = widget.feedback_html.value
    assert "<blink>" not in shown and "&lt;blink&gt;" in shown


def test_italian_exercise_has_italian_buttons():
    widget = ExerciseWidget("it-fattibilita-rampa")
    assert widget.check_button.description == "Verifica"
    widget.value = "75%"
    widget.click()
    shown = widget.feedback_html.value
    assert "Superato" in shown and "okrsim-tone-good" in shown


def test_an_empty_answer_is_one_sentence_not_a_traceback():
    widget = ExerciseWidget("en-rewrite-churn")
    widget.value = "   "
    widget.click()
    assert "The answer is empty" in widget.feedback_html.value


def test_journal_asks_the_name_once_and_records_each_attempt(tmp_path):
    journal = Journal(tmp_path / "room.sqlite")
    first = ExerciseWidget("en-feas-ramp-share", journal=journal)
    assert first.name_box.layout.display is None
    first.value = "50"
    first.click()
    assert "Type your name first" in first.feedback_html.value and len(journal) == 0
    first.name_box.value = "<Ada>"
    first.click()
    first.value = "75"
    first.click()
    assert "&lt;Ada&gt;" in first.feedback_html.value
    second = ExerciseWidget("en-feas-hiring-split", journal=journal)
    assert second.name_box.layout.display == "none"
    second.value = "3"
    second.click()
    frame = journal.attempts()
    assert frame["participant"].tolist() == ["<Ada>"] * 3
    assert frame["score"].tolist() == [0.0, 100.0, 100.0]
    assert frame["exercise"].tolist() == ["en-feas-ramp-share"] * 2 + ["en-feas-hiring-split"]


def test_journal_follows_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite"))
    widget = ExerciseWidget("en-feas-ramp-share", participant="Marco")
    widget.value = "75"
    widget.click()
    assert Journal(tmp_path / "env.sqlite").attempts()["participant"].tolist() == ["Marco"]
    assert ExerciseWidget("en-feas-ramp-share", journal=False).journal is None
