"""Matplotlib figures of the simulator's results and of a workshop room (no widget code here)."""

from __future__ import annotations

from okrsim.plots.figure import ShownFigure
from okrsim.plots.room import plot_missed_criteria
from okrsim.plots.simulation import (
    FIGURE_FORMATS,
    all_charts,
    contribution_waterfall,
    fan_chart,
    growth_histogram,
    overview,
    save_figure,
    short_name,
    tornado,
)
from okrsim.plots.tradeoff import tradeoff_figure
from okrsim.plots.units import Units

__all__ = [
    "FIGURE_FORMATS",
    "ShownFigure",
    "Units",
    "all_charts",
    "contribution_waterfall",
    "fan_chart",
    "growth_histogram",
    "overview",
    "plot_missed_criteria",
    "save_figure",
    "short_name",
    "tornado",
    "tradeoff_figure",
]
