"""``Quiz``: sort a few statements into categories and get feedback on each one.

Used for classification exercises (objective, outcome key result or activity; committed or
aspirational). The questions live in a small YAML file next to the notebook::

    choices: {objective: Objective, outcome: Key result (outcome), activity: Activity}
    items:
      - statement: Run 40 discovery calls a week
        answer: activity
        why: It counts work done, not a change in the business.
"""

from __future__ import annotations

import random
import secrets
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import yaml

from okrsim.errors import OkrsimError
from okrsim.widgets.render import Point, esc, feedback, fitted
from okrsim.widgets.strings import check_lang, ui_text

#: The picker value of a statement not answered yet.
UNANSWERED = ""
#: Largest quiz version drawn when none is given (small enough to read out in a room).
MAX_VERSION = 9999


def quiz_seed(seed: int | str | None) -> int:
    """The version number of a shuffled quiz: ``seed`` itself, a stable number for a name, or a
    fresh random one when ``None``.

    A facilitator who knows a participant's version (shown under the quiz) or name rebuilds the
    same screen with ``Quiz.from_file(path, seed=...)``.
    """
    if seed is None:
        return secrets.randbelow(MAX_VERSION) + 1
    if isinstance(seed, bool) or not isinstance(seed, (int, str)):
        raise OkrsimError(f"A quiz seed is a whole number or a participant's name; got "
                          f"{type(seed).__name__}.")
    if isinstance(seed, str):
        return zlib.crc32(seed.strip().casefold().encode("utf-8")) % MAX_VERSION + 1
    return seed


@dataclass(frozen=True)
class QuizItem:
    """One statement to classify, its right answer (a choice key) and why."""

    statement: str
    answer: str
    why: str = ""


def parse_quiz(data: Any, source: str = "<quiz>") -> tuple[dict[str, str], list[QuizItem]]:
    """Validate quiz data (``choices`` mapping and ``items`` list) and return them typed.

    Raises
    ------
    OkrsimError
        One sentence naming the source and what is wrong.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("choices"), Mapping):
        raise OkrsimError(f"{source}: a quiz needs 'choices', a mapping of key to label.")
    choices = {str(k): str(v) for k, v in data["choices"].items()}
    if len(choices) < 2:
        raise OkrsimError(f"{source}: a quiz needs at least 2 choices; got {len(choices)}.")
    if not all(key.strip() for key in choices):
        raise OkrsimError(f"{source}: every choice needs a non-blank key (like 'outcome').")
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise OkrsimError(f"{source}: a quiz needs 'items', a non-empty list of statements.")
    items = []
    for i, raw in enumerate(raw_items, start=1):
        if not isinstance(raw, Mapping) or not str(raw.get("statement", "")).strip():
            raise OkrsimError(f"{source}: item {i} needs a 'statement'.")
        answer = str(raw.get("answer"))
        if answer not in choices:
            allowed = ", ".join(choices)
            raise OkrsimError(f"{source}: item {i} has answer {answer!r}; use one of {allowed}.")
        items.append(QuizItem(str(raw["statement"]), answer, str(raw.get("why", ""))))
    return choices, items


class Quiz(widgets.VBox):
    """A list of statements, a dropdown for each, and a *Check* button.

    Parameters
    ----------
    items : sequence of QuizItem
        The statements with their answers.
    choices : mapping of str to str
        Choice key to the label shown.
    lang : str
        Language of the buttons and feedback.
    shuffle : bool
        Put the statements and the options in an order of their own (so the answers follow no
        pattern a learner can guess by cycling through the options).
    seed : int, str or None
        With ``shuffle``: the quiz version (a number, or a participant's name); ``None`` draws
        one. The version is shown under the quiz so a facilitator can rebuild the same screen.

    Attributes
    ----------
    score : int or None
        Right answers at the last check.
    seed : int or None
        The version of the order (``None`` when not shuffled).
    items : list of QuizItem
        The statements in the order shown.
    """

    def __init__(self, items: Sequence[QuizItem], choices: Mapping[str, str], lang: str = "en",
                 *, shuffle: bool = False, seed: int | str | None = None):
        self.lang = check_lang(lang)
        self.choices, self.items = parse_quiz(
            {"choices": dict(choices), "items": [vars(i) for i in items]}
        )
        self.seed = quiz_seed(seed) if shuffle else None
        if self.seed is not None:
            rng = random.Random(self.seed)
            rng.shuffle(self.items)
            order = list(self.choices)
            rng.shuffle(order)
            self.choices = {key: self.choices[key] for key in order}
        # "Not answered" is a real option: a dropdown holding None shows an empty box.
        options = [(ui_text("quiz.pick", lang), UNANSWERED)]
        options += [(v, k) for k, v in self.choices.items()]
        self.pickers = [
            widgets.Dropdown(options=options, value=UNANSWERED,
                             layout=widgets.Layout(width="260px"))
            for _ in self.items
        ]
        rows = [
            widgets.HBox([picker, widgets.HTML(esc(item.statement))])
            for picker, item in zip(self.pickers, self.items, strict=True)
        ]
        self.button = widgets.Button(description=ui_text("quiz.check", lang),
                                     button_style="primary",
                                     layout=fitted())
        self.button.on_click(lambda _: self.click())
        self.output = widgets.HTML()
        self.score: int | None = None
        version = widgets.HTML(
            f'<span style="font-size:0.8em;color:#4a4f55">'
            f"{esc(ui_text('quiz.version', lang, seed=self.seed))}</span>"
            if self.seed is not None else "")
        super().__init__(children=[*rows, widgets.HBox([self.button, version]), self.output])
        self.add_class("okrsim-quiz-widget")

    @classmethod
    def from_file(cls, path: str | PathLike, lang: str = "en", *, shuffle: bool = True,
                  seed: int | str | None = None) -> Quiz:
        """Build a quiz from a YAML file with ``choices`` and ``items``, shuffled by default.

        ``seed`` is the quiz version or a participant's name (see :func:`quiz_seed`).
        """
        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise OkrsimError(f"{path} cannot be read ({exc.strerror or exc}).") from None
        except yaml.YAMLError as exc:
            raise OkrsimError(f"{path} is not valid YAML ({exc}).") from None
        choices, items = parse_quiz(data, str(path))
        return cls(items, choices, lang, shuffle=shuffle, seed=seed)

    @property
    def value(self) -> tuple[str | None, ...]:
        """The chosen answer keys, one per statement (``None`` when not answered)."""
        return tuple(p.value if p.value != UNANSWERED else None for p in self.pickers)

    @value.setter
    def value(self, answers: Sequence[str | None]) -> None:
        if len(answers) != len(self.items):
            raise OkrsimError(f"Give {len(self.items)} answers, one per statement; "
                              f"got {len(answers)}.")
        for picker, answer in zip(self.pickers, answers, strict=True):
            if answer is not None and answer not in self.choices:
                raise OkrsimError(f"{answer!r} is not a choice; use one of "
                                  f"{', '.join(self.choices)}.")
            picker.value = UNANSWERED if answer is None else answer

    @property
    def output_html(self) -> str:
        """The feedback shown after the last check."""
        return self.output.value

    def click(self) -> int:
        """Check every answer, show feedback per statement and return the number right."""
        shown, right = [], 0
        for item, answer in zip(self.items, self.value, strict=True):
            why = item.why if answer is not None else ""
            if answer is None:
                shown.append(Point("muted", ui_text("quiz.unanswered", self.lang),
                                   item.statement))
            elif answer == item.answer:
                right += 1
                shown.append(Point("good", ui_text("quiz.right", self.lang), item.statement, why))
            else:
                label = ui_text("quiz.wrong", self.lang, answer=self.choices[item.answer])
                shown.append(Point("bad", label, item.statement, why))
        self.score = right
        total = len(self.items)
        key = "all_right" if right == total else "none_right" if right == 0 else "some_right"
        tone = "good" if right == total else "bad" if right == 0 else "warn"
        self.output.value = feedback(tone, ui_text(f"quiz.{key}", self.lang, right=right,
                                                   total=total), shown, "okrsim-quiz")
        return right
