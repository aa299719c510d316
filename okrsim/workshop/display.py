"""The room as a facilitator reads it: who, how far, hardest exercises, missed letters, rewrites.

:class:`RoomSummary` holds the tables of :mod:`okrsim.workshop.room` for one moment and shows
them (``_repr_html_``) with people's words: timestamps to the minute, scores rounded, shares as
percentages, SMART letters by their glossary names, answers whole and escaped (never cut with
"…", never HTML). The tables stay pandas DataFrames for code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import pandas as pd

from okrsim.errors import OkrsimError
from okrsim.i18n import catalog, format_number, format_percent, term
from okrsim.i18n.look import card, esc, feedback, table
from okrsim.workshop import room

WORDS = catalog("display", "The room summary speaks")
#: How a moment is written: to the minute, in the room's (UTC) clock.
MINUTE = "%Y-%m-%d %H:%M"


def minute(moment: Any) -> str:
    """A timestamp to the minute (``2027-03-02 10:41``); a dash for a missing one."""
    if moment is None or pd.isna(moment):
        return "–"
    return pd.Timestamp(moment).strftime(MINUTE)


@dataclass(frozen=True)
class Part:
    """One table of a room summary as a notebook shows it."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


@dataclass
class RoomSummary:
    """The room's tables at one moment, ready to show.

    Parameters
    ----------
    attempts : pandas.DataFrame
        What :meth:`~okrsim.workshop.journal.Journal.attempts` returned.
    lang : str
        Language of the labels.
    rewrites : int
        How many rewrites worth discussing to show.
    at : datetime, optional
        The moment of the summary (now by default).
    """

    attempts: pd.DataFrame
    lang: str = "en"
    rewrites: int = 5
    at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def participation(self) -> pd.DataFrame:
        """Per participant: attempts, exercises tried and passed, mean best score, last seen."""
        return room.participation(self.attempts)

    @property
    def exercises(self) -> pd.DataFrame:
        """Per exercise, hardest first."""
        return room.scores_per_exercise(self.attempts)

    @property
    def missed(self) -> pd.DataFrame:
        """Misses per SMART letter, most missed first."""
        return room.missed_criteria(self.attempts)

    @property
    def best(self) -> pd.DataFrame:
        """The best distinct rewrites."""
        return room.best_rewrites(self.attempts, n=self.rewrites)

    def headline(self) -> str:
        """One sentence: people, attempts and exercises passed."""
        a = self.attempts
        passed = int(room.participation(a)["passed"].sum()) if len(a) else 0
        return WORDS.say(self.lang, "room.people",
                         people=format_number(a["participant"].nunique() if len(a) else 0,
                                              self.lang),
                         attempts=format_number(len(a), self.lang),
                         passed=format_number(passed, self.lang))

    def sections(self) -> dict[str, str]:
        """The HTML of each table, by name (``participation``, ``exercises``, ``missed``,
        ``rewrites``)."""
        say = WORDS.say
        lang = self.lang
        people = self.participation
        exercises = self.exercises
        return {
            "participation": table(
                [say(lang, f"room.{k}") for k in
                 ("participant", "attempts", "exercises", "passed", "best", "last_seen")],
                [(esc(name), esc(row.attempts), esc(row.exercises), esc(row.passed),
                  esc(format_number(row.mean_best_score, lang)), esc(minute(row.last_seen)))
                 for name, row in people.iterrows()], "okrsim-room-participation"),
            "exercises": table(
                [say(lang, f"room.{k}") for k in ("exercise", "first", "best", "pass_rate")],
                [(esc(row.title if isinstance(row.title, str) else name),
                  esc(format_number(row.mean_first_score, lang)),
                  esc(format_number(row.mean_best_score, lang)),
                  esc(format_percent(row.pass_rate, lang, 0)))
                 for name, row in exercises.iterrows()], "okrsim-room-exercises"),
            "missed": table(
                [say(lang, f"room.{k}") for k in ("criterion", "misses", "share")],
                [(esc(term(lang, f"criterion.{row.criterion}")), esc(row.misses),
                  esc(format_percent(row.share, lang, 0)))
                 for row in self.missed.itertuples()], "okrsim-room-missed"),
            "rewrites": table(
                [say(lang, f"room.{k}") for k in ("rewrite", "score", "who")],
                [(f'<div style="white-space:pre-wrap">{esc(row.text)}</div>',
                  esc(format_number(row.score, lang)), esc(row.participant))
                 for row in self.best.itertuples()], "okrsim-room-rewrites"),
        }

    def part(self, name: str) -> Part:
        """One table of the summary, ready to display (``"participation"``, ``"exercises"``,
        ``"missed"`` or ``"rewrites"``)."""
        sections = self.sections()
        if name not in sections:
            raise OkrsimError(f"The room summary has no part {name!r}; use one of "
                              f"{', '.join(sections)}.")
        return Part(sections[name])

    def _repr_html_(self) -> str:
        title = WORDS.say(self.lang, "room.title", time=minute(self.at))
        if self.attempts.empty:
            return card(title, feedback("muted", WORDS.say(self.lang, "room.empty")),
                        "okrsim-room")
        parts = self.sections()
        return card(title, feedback("info", self.headline()) + parts["participation"],
                    "okrsim-room")
