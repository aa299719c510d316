"""The workshop journal for the SMART grader and the OKR builder: one graded attempt per click.

:class:`JournalHook` holds what a widget needs to record attempts the way the exercise widget does:
the journal (on when a :class:`~okrsim.workshop.journal.Journal` or a path is given, or when the
``OKRSIM_JOURNAL`` environment variable is set), the participant's name (asked once per session
and shared with every exercise widget) and a journal id for the widget (``smart-grader`` and
``okr-builder`` unless a notebook names its activity). The pure functions turn an assessment, or
an objective with its key results, into the journal's ``score``, ``passed`` and ``missed``.
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from okrsim.errors import OkrsimError
from okrsim.grading import CRITERIA, passes_bar
from okrsim.i18n import catalog
from okrsim.workshop.journal import ENV_VAR, MAX_NAME_CHARS, Journal

#: The participant's name, asked once per session and shared by every journaled widget.
SESSION: dict[str, str | None] = {"participant": None}
#: Verdicts that count as a missed SMART letter in the journal.
MISSED_VERDICTS = ("missing", "partial")

_SAY = catalog("journaling", "The workshop journal speaks")


def open_journal(journal: Any, lang: str = "en") -> Journal | None:
    """The journal a widget records to, or ``None`` when journaling is off.

    Parameters
    ----------
    journal : Journal, str, Path, bool or None
        A journal or its path; ``False`` never records; ``None`` records when the
        ``OKRSIM_JOURNAL`` environment variable is set.
    lang : str
        Language of the error sentence.

    Raises
    ------
    OkrsimError
        When ``journal`` is of another type, or the journal file cannot be used.
    """
    if journal is False:
        return None
    if journal is None:
        return Journal() if os.environ.get(ENV_VAR, "").strip() else None
    if isinstance(journal, Journal):
        return journal
    if isinstance(journal, (str, Path)) and str(journal).strip():
        return Journal(journal)
    raise OkrsimError(_SAY.say(lang, "bad_journal", kind=type(journal).__name__))


def missed_criteria(assessment) -> list[str]:
    """The SMART letters an assessment did not meet (verdict *missing* or *partial*), in order."""
    return [c for c in CRITERIA if assessment.criteria[c].verdict in MISSED_VERDICTS]


def okr_text(objective: str, key_results: Sequence[str]) -> str:
    """An objective and its key results as one journal text: the objective, then ``- KR`` lines."""
    lines = [objective.strip()] + [f"- {kr.strip()}" for kr in key_results if kr.strip()]
    return "\n".join(line for line in lines if line)


def set_attempt(key_results: Sequence, set_ok: bool) -> dict[str, Any]:
    """The journal's ``score``, ``passed`` and ``missed`` for a set of graded key results.

    Parameters
    ----------
    key_results : sequence of Assessment
        Each key result's assessment.
    set_ok : bool
        Whether the set checks passed and every box could be graded.

    Returns
    -------
    dict
        ``score``: the mean SMART score of the key results (0 when there are none);
        ``passed``: every key result passes the bar and the set is fine; ``missed``: every SMART
        letter missed by at least one key result.
    """
    if not key_results:
        return {"score": 0.0, "passed": False, "missed": []}
    score = round(sum(a.score for a in key_results) / len(key_results), 1)
    missed = {c for a in key_results for c in missed_criteria(a)}
    return {"score": score, "passed": bool(set_ok and all(passes_bar(a) for a in key_results)),
            "missed": [c for c in CRITERIA if c in missed]}


def _note(text: str) -> str:
    return f"<p class='okrsim-journal-note' style='margin:4px 0'><i>{html.escape(text)}</i></p>"


class JournalHook:
    """Records a widget's graded attempts in the workshop journal, asking the name once.

    Parameters
    ----------
    journal : Journal, str, Path, bool or None
        See :func:`open_journal`.
    exercise : str
        The id the attempts are recorded under (1 to 100 characters).
    participant : str, optional
        The participant's name; when given it is shared with every widget of the session.
    ui : str
        Language of the name box and the notes.

    Attributes
    ----------
    journal : Journal or None
        ``None`` when journaling is off.
    name_box : ipywidgets.Text
        Shown only while the journal is on and no name is known.
    """

    def __init__(self, journal: Any = None, *, exercise: str, participant: str | None = None,
                 ui: str = "en"):
        self.ui = ui
        if not isinstance(exercise, str) or not exercise.strip() \
                or len(exercise.strip()) > MAX_NAME_CHARS:
            raise OkrsimError(_SAY.say(ui, "bad_exercise", value=exercise))
        self.exercise = exercise.strip()
        self.journal = open_journal(journal, ui)
        if isinstance(participant, str) and participant.strip():
            SESSION["participant"] = participant.strip()
        self.name_box = widgets.Text(description=_SAY.say(ui, "name"),
                                     placeholder=_SAY.say(ui, "name_placeholder"),
                                     style={"description_width": "initial"})
        self.name_box.add_class("okrsim-journal-name")
        self.sync()

    def needs_name(self) -> bool:
        """Whether the journal is on and nobody has given a name yet."""
        return self.journal is not None and not SESSION["participant"]

    def sync(self) -> None:
        """Show the name box only while a name is needed."""
        self.name_box.layout.display = None if self.needs_name() else "none"

    def record(self, *, text: str, score: float, passed: bool, missed: Sequence[str],
               lang: str | None) -> str:
        """Record one attempt; return the HTML note to show under the result ("" when off).

        The name typed in :attr:`name_box` is taken first; without a name nothing is recorded
        and the note asks for one. A journal that refuses the attempt is reported in the note and
        never breaks the widget.
        """
        if self.journal is None:
            return ""
        if self.needs_name():
            name = self.name_box.value.strip()
            if not name:
                return _note(_SAY.say(self.ui, "name_needed"))
            SESSION["participant"] = name
            self.sync()
        name = SESSION["participant"] or ""
        try:
            self.journal.record(participant=name, exercise=self.exercise, text=text, score=score,
                                passed=passed, missed=list(missed),
                                lang=lang if lang in ("en", "it") else None)
        except OkrsimError as exc:
            return _note(_SAY.say(self.ui, "not_recorded", error=str(exc)))
        return _note(_SAY.say(self.ui, "recorded", name=name))
