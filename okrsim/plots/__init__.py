"""Matplotlib figures of the simulator's results and of a workshop room (no widget code here)."""

from __future__ import annotations

from okrsim.plots.room import plot_missed_criteria
from okrsim.plots.simulation import (
    FIGURE_FORMATS,
    contribution_waterfall,
    fan_chart,
    growth_histogram,
    overview,
    save_figure,
    tornado,
)
from okrsim.plots.tradeoff import tradeoff_figure

__all__ = [
    "FIGURE_FORMATS",
    "contribution_waterfall",
    "fan_chart",
    "growth_histogram",
    "overview",
    "plot_missed_criteria",
    "save_figure",
    "tornado",
    "tradeoff_figure",
]
