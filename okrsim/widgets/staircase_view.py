"""``StaircaseScores``: the grader's score at each step of the SMART staircase, side by side.

A notebook shows it as a small table with one coloured score per letter (instead of a raw
``{"S": 20, ...}`` dict); its plain-text form (``S 20 → M 45 → ...``) is what a terminal or a
test reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from okrsim.grading import grade
from okrsim.widgets.render import badge, card, esc, score_tone, table
from okrsim.widgets.strings import check_lang, ui_text


@dataclass(frozen=True)
class StaircaseScores:
    """The score of each step's text, in staircase order.

    Attributes
    ----------
    scores : dict
        ``{step letter: score}``.
    texts : dict
        ``{step letter: the text graded}``.
    lang : str
        Language of the labels.
    """

    scores: dict[str, int]
    texts: dict[str, str]
    lang: str = "en"

    @classmethod
    def of(cls, steps: Mapping[str, str], lang: str = "en") -> StaircaseScores:
        """Grade every step of a staircase (e.g. :func:`okrsim.grading.staircase`)."""
        check_lang(lang)
        return cls({s: grade(t).score for s, t in steps.items()}, dict(steps), lang)

    def __repr__(self) -> str:
        return " → ".join(f"{step} {score}" for step, score in self.scores.items())

    def _repr_html_(self) -> str:
        rows = [(esc(step), badge(f"{score}/100", score_tone(score)),
                 f'<span style="color:#3c4043">{esc(self.texts[step])}</span>')
                for step, score in self.scores.items()]
        heads = [ui_text("staircase.step", self.lang), ui_text("staircase.score", self.lang), ""]
        return card(ui_text("staircase.title", self.lang),
                    table(heads, rows, "okrsim-staircase"), "okrsim-staircase-scores")
