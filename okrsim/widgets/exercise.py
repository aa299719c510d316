"""An ipywidgets front-end for one exercise: prompt, answer box, check, hints, model answer.

All logic lives in :mod:`okrsim.exercises` and :mod:`okrsim.workshop.journal`; this module only
lays out widgets and escapes every piece of text (learner text is never HTML). Drive it headless
in tests: set ``widget.value``, call ``widget.click()`` (or ``hint_button.click()``) and read
``feedback_html.value``.

When the journal is on (a :class:`~okrsim.workshop.journal.Journal` or path is given, or the
``OKRSIM_JOURNAL`` environment variable is set), each graded attempt is recorded; the participant's
name is asked once per session and shared by every exercise widget.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from okrsim.errors import OkrsimError
from okrsim.exercises import Exercise, ExerciseResult, load_bank
from okrsim.exercises.display import render_result
from okrsim.i18n import languages
from okrsim.widgets.journaling import SESSION, open_journal
from okrsim.widgets.render import CONTENT_WIDTH, feedback, fitted
from okrsim.widgets.strings import ui_text


def _text_html(text: str) -> str:
    """Escape text and keep its line breaks."""
    return f'<div style="white-space:pre-wrap;margin-bottom:4px">{html.escape(text)}</div>'


def _readable(inner_html: str) -> str:
    """Wrap built HTML in normal line spacing (an HTML widget spaces lines as tall as a button)."""
    return f'<div style="line-height:1.45">{inner_html}</div>' if inner_html else ""


class ExerciseWidget(widgets.VBox):
    """One exercise, ready to display in a notebook.

    Parameters
    ----------
    exercise : Exercise or str
        The exercise, or its id in the default bank.
    journal : Journal, str, Path, bool or None
        Where to record graded attempts: a journal or a path; ``False`` never records; ``None``
        (the default) records when the ``OKRSIM_JOURNAL`` environment variable is set.
    participant : str, optional
        The participant's name; when the journal is on and no name is known yet, the widget asks
        for it once.
    """

    def __init__(self, exercise: Exercise | str, journal: Any = None,
                 participant: str | None = None):
        if isinstance(exercise, str):
            exercise = load_bank().get(exercise)
        if not isinstance(exercise, Exercise):
            raise OkrsimError(f"exercise is {type(exercise).__name__}; give an Exercise or an "
                              "exercise id.")
        self.exercise = exercise
        self.lang = exercise.lang if exercise.lang in languages() else "en"
        self.journal = open_journal(journal, self.lang)
        if participant is not None and participant.strip():
            SESSION["participant"] = participant.strip()
        self.ui = {key: ui_text(f"exercise.{key}", self.lang) for key in _KEYS}
        self.hints_shown = 0
        self.last_result: ExerciseResult | None = None

        self.prompt_html = widgets.HTML(_readable(
            f'<h4 style="margin:4px 0">{html.escape(exercise.title)}</h4>'
            f"{_text_html(exercise.prompt)}"))
        self.name_box = widgets.Text(description=self.ui["name"],
                                     placeholder=self.ui["name_placeholder"],
                                     style={"description_width": "initial"})
        self.answer = widgets.Textarea(value=exercise.starter, rows=_rows(exercise),
                                       placeholder=self.ui["answer_placeholder"],
                                       layout=widgets.Layout(width="100%", max_width=CONTENT_WIDTH))
        self.check_button = widgets.Button(description=self.ui["check"], button_style="primary",
                                           layout=fitted())
        self.hint_button = widgets.Button(description=self.ui["hint"], layout=fitted())
        self.reveal_button = widgets.Button(description=self.ui["reveal"], disabled=True,
                                            layout=fitted())
        self.feedback_html = widgets.HTML()
        self.hint_html = widgets.HTML()
        self.model_html = widgets.HTML()
        self.check_button.on_click(self._on_check)
        self.hint_button.on_click(self._on_hint)
        self.reveal_button.on_click(self._on_reveal)
        self._sync_name_box()
        buttons = widgets.HBox([self.check_button, self.hint_button, self.reveal_button])
        super().__init__([self.prompt_html, self.name_box, self.answer, buttons,
                          self.feedback_html, self.hint_html, self.model_html])
        self.add_class("okrsim-exercise")

    # -- what tests and notebooks drive ------------------------------------------------------------

    @property
    def value(self) -> str:
        """The answer as typed."""
        return self.answer.value

    @value.setter
    def value(self, text: str) -> None:
        self.answer.value = text

    def click(self) -> None:
        """Press the check button."""
        self.check_button.click()

    # -- callbacks -------------------------------------------------------------------------------

    def _needs_name(self) -> bool:
        return self.journal is not None and not SESSION["participant"]

    def _sync_name_box(self) -> None:
        self.name_box.layout.display = None if self._needs_name() else "none"

    def _on_check(self, _button: Any = None) -> None:
        if self._needs_name():
            name = self.name_box.value.strip()
            if not name:
                self.feedback_html.value = feedback("warn", self.ui["name_needed"], (),
                                                    "okrsim-exercise-feedback")
                return
            SESSION["participant"] = name
            self._sync_name_box()
        try:
            result = self.exercise.check(self.answer.value)
        except OkrsimError as exc:
            self.feedback_html.value = feedback("bad", str(exc), (), "okrsim-error")
            return
        self.last_result = result
        self.reveal_button.disabled = False
        self.feedback_html.value = render_result(result, self._record(result))

    def _record(self, result: ExerciseResult) -> str:
        """Record the attempt; return the sentence saying so (empty when the journal is off)."""
        if self.journal is None:
            return ""
        name = SESSION["participant"] or ""
        try:
            self.journal.record_result(name, self.answer.value, result)
        except OkrsimError as exc:
            return ui_text("exercise.not_recorded", self.lang, error=exc)
        return ui_text("exercise.recorded", self.lang, name=name)

    def _on_hint(self, _button: Any = None) -> None:
        hints = self.exercise.hints
        if self.hints_shown < len(hints):
            self.hints_shown += 1
        shown = "".join(
            f"<p style='margin:4px 0'>"
            f"<b>{ui_text('exercise.hint_n', self.lang, n=i + 1, total=len(hints))}:</b> "
            f"{html.escape(h)}</p>" for i, h in enumerate(hints[:self.hints_shown]))
        if self.hints_shown == len(hints):
            self.hint_button.disabled = True
            shown += _note(self.ui["no_more_hints"])
        self.hint_html.value = _readable(shown)

    def _on_reveal(self, _button: Any = None) -> None:
        if self.last_result is None:
            return
        model, why = self.exercise.model_answer, self.exercise.explanation
        self.model_html.value = _readable(f"<b>{self.ui['model']}</b>{_text_html(model)}"
                                          f"<b>{self.ui['why']}</b>{_text_html(why)}")


#: The words an exercise widget shows, from ``widgets.toml`` (section ``exercise``).
_KEYS = ("check", "hint", "reveal", "name", "name_placeholder", "name_needed", "no_more_hints",
         "model", "why", "answer_placeholder")


def _note(text: str) -> str:
    return f"<p style='margin:4px 0'><i>{html.escape(text)}</i></p>"


def _rows(exercise: Exercise) -> int:
    lines = max(exercise.starter.count("\n"), exercise.model_answer.count("\n")) + 2
    return max(3, min(lines, 30))
