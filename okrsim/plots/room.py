"""Matplotlib figures for the facilitator's view (no widget code, no aggregation)."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from okrsim.i18n import format_percent, term
from okrsim.plots.figure import new_figure
from okrsim.plots.units import WORDS

#: Bars of the letters the room misses (dark orange, AA contrast on white with its labels).
MISSED_COLOUR = "#b35900"


def missed_label(letter: str, criterion: str, lang: str = "en") -> str:
    """One letter's label on the chart, as the grader's badges name it: ``T · Time-bound``."""
    return f"{letter} · {term(lang, f'criterion.{criterion}')}"


def plot_missed_criteria(table: pd.DataFrame, ax: Axes | None = None,
                         lang: str = "en") -> Figure:
    """Bar chart of the SMART letters the room misses most, as shares of its attempts.

    The axis, the bars and their labels are all shares in % (the counts are in the table
    beside the chart), in the chart's language.

    Parameters
    ----------
    table : pandas.DataFrame
        The result of :func:`okrsim.workshop.room.missed_criteria`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure otherwise.
    lang : str
        Language of the labels and of the numbers (decimal comma in Italian).

    Returns
    -------
    matplotlib.figure.Figure
    """
    if ax is None:
        ax = new_figure((6, 3)).add_subplot()
    labels = [missed_label(row.letter, row.criterion, lang) for row in table.itertuples()]
    shares = table["share"].to_numpy(dtype=float)
    bars = ax.barh(labels[::-1], shares[::-1], color=MISSED_COLOUR)
    ax.bar_label(bars, labels=[format_percent(s, lang, 0) for s in shares[::-1]], padding=3)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: format_percent(x, lang, 0)))
    ax.set_xlabel(WORDS.say(lang, "room.share"))
    ax.set_title(WORDS.say(lang, "room.title"))
    ax.set_xlim(0, max(float(shares.max(initial=0.0)) * 1.2, 0.1))
    return ax.figure
