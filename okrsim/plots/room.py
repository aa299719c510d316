"""Matplotlib figures for the facilitator's view (no widget code, no aggregation)."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from okrsim.plots.figure import new_figure


def plot_missed_criteria(table: pd.DataFrame, ax: Axes | None = None) -> Figure:
    """Bar chart of the SMART letters the room misses most.

    Parameters
    ----------
    table : pandas.DataFrame
        The result of :func:`okrsim.workshop.room.missed_criteria`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure otherwise.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if ax is None:
        ax = new_figure((6, 3)).add_subplot()
    labels = [f"{row.letter} ({row.criterion.replace('_', '-')})" for row in table.itertuples()]
    bars = ax.barh(labels[::-1], (table["share"] * 100).to_numpy()[::-1], color="#b35900")
    ax.bar_label(bars, labels=[str(m) for m in table["misses"].to_numpy()[::-1]], padding=3)
    ax.set_xlabel("attempts missing the criterion (%)")
    ax.set_title("SMART criteria the room misses most")
    ax.set_xlim(0, max(100 * float(table["share"].max() or 0) * 1.2, 10))
    return ax.figure
