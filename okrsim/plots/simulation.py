"""Matplotlib figures of simulation results (no widget code).

Each function draws on ``ax`` when given (and returns its figure) or on a new figure.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, PercentFormatter

from okrsim.errors import OkrsimError
from okrsim.sim.messages import input_description

FIGURE_FORMATS = (".png", ".svg", ".pdf")
_HIT, _MISS, _TARGET, _PAPER = "#2a9d8f", "#e76f51", "#264653", "#e9c46a"

#: The words on the dashboard's charts, per language (the same keys in each).
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "misses": "misses target", "hits": "hits target", "target": "target {x}",
        "on_paper_at": "on paper {x}", "growth": "growth over the period", "trials": "trials",
        "p_target": "P(target)", "median": "median", "on_paper": "on paper",
        "needed": "new revenue needed (mean)", "month": "month",
        "cumulative": "cumulative new revenue", "booked": "New revenue booked",
        "low": "input at P10", "high": "input at P90", "moves": "What moves P(target) (base {x})",
        "retained_base": "retained base", "existing_reps": "existing reps",
        "new_hires": "new hires", "backfills": "backfills", "mean_total": "mean total",
        "target_line": "target", "baseline": "baseline",
        "sources": "Where the revenue comes from (means)",
    },
    "it": {
        "misses": "sotto l'obiettivo", "hits": "obiettivo raggiunto", "target": "obiettivo {x}",
        "on_paper_at": "sulla carta {x}", "growth": "crescita nel periodo",
        "trials": "simulazioni", "p_target": "P(obiettivo)", "median": "mediana",
        "on_paper": "sulla carta", "needed": "nuovi ricavi necessari (media)", "month": "mese",
        "cumulative": "nuovi ricavi cumulati", "booked": "Nuovi ricavi acquisiti",
        "low": "input al P10", "high": "input al P90",
        "moves": "Cosa sposta P(obiettivo) (base {x})",
        "retained_base": "base clienti mantenuta", "existing_reps": "venditori in forza",
        "new_hires": "nuovi assunti", "backfills": "sostituti", "mean_total": "totale medio",
        "target_line": "obiettivo", "baseline": "punto di partenza",
        "sources": "Da dove arrivano i ricavi (medie)",
    },
}


def _words(lang: str) -> dict[str, str]:
    """The chart labels in ``lang``; a one-sentence error for a language the charts lack."""
    if lang not in LABELS:
        raise OkrsimError(f"The charts speak {' or '.join(map(repr, LABELS))}; got {lang!r}.")
    return LABELS[lang]


def _axes(ax: Any, size: tuple[float, float] = (7, 4)) -> tuple[Figure, Any]:
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def _money(x: float, _pos: Any = None) -> str:
    for unit, size in (("M", 1e6), ("k", 1e3)):
        if abs(x) >= size:
            return f"{x / size:,.1f}{unit}"
    return f"{x:,.0f}"


def growth_histogram(result: Any, ax: Any = None, lang: str = "en") -> Figure:
    """Histogram of growth per trial, coloured by hit/miss, with the target and on-paper lines.

    ``lang`` (``"en"`` or ``"it"``) is the language of the labels, as in the other charts.
    """
    words = _words(lang)
    fig, ax = _axes(ax)
    growth = result.growth
    bins = np.histogram_bin_edges(growth, bins=60)
    ax.hist(growth[growth < result.target_growth], bins=bins, color=_MISS,
            label=words["misses"], histtype="stepfilled")
    ax.hist(growth[growth >= result.target_growth], bins=bins, color=_HIT,
            label=words["hits"], histtype="stepfilled")
    ax.axvline(result.target_growth, color=_TARGET, lw=2,
               label=words["target"].format(x=f"{result.target_growth:+.1%}"))
    ax.axvline(result.on_paper_growth, color=_PAPER, lw=2, ls="--",
               label=words["on_paper_at"].format(x=f"{result.on_paper_growth:+.1%}"))
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(words["growth"])
    ax.set_ylabel(words["trials"])
    ax.set_title(f"{words['p_target']} = {result.p_target:.0%} ± {result.p_target_se:.1%}")
    ax.legend(loc="upper left", fontsize="small")
    return fig


def fan_chart(result: Any, ax: Any = None, lang: str = "en") -> Figure:
    """Cumulative new revenue by month: P10-P90 and P25-P75 bands, median and on-paper line."""
    words = _words(lang)
    fig, ax = _axes(ax)
    months = np.arange(1, result.months + 1)
    p10, p25, p50, p75, p90 = np.percentile(result.monthly_new, [10, 25, 50, 75, 90], axis=0)
    ax.fill_between(months, p10, p90, color=_HIT, alpha=0.2, label="P10-P90")
    ax.fill_between(months, p25, p75, color=_HIT, alpha=0.4, label="P25-P75")
    ax.plot(months, p50, color=_HIT, lw=2, label=words["median"])
    if len(result.on_paper_monthly_new):
        ax.plot(months, result.on_paper_monthly_new, color=_PAPER, lw=2, ls="--",
                label=words["on_paper"])
    needed = result.target - result.contributions["retained_base"]
    ax.axhline(needed, color=_TARGET, lw=1, ls=":", label=words["needed"])
    ax.yaxis.set_major_formatter(FuncFormatter(_money))
    ax.set_xlabel(words["month"])
    ax.set_ylabel(words["cumulative"])
    ax.set_title(words["booked"])
    ax.legend(loc="upper left", fontsize="small")
    return fig


def tornado(sens: Any, ax: Any = None, lang: str = "en") -> Figure:
    """Tornado of P(target) with each uncertain input held at its P10 and P90."""
    words = _words(lang)
    table = sens.table.iloc[::-1]
    fig, ax = _axes(ax, (7, 0.45 * len(table) + 1.5))
    base = sens.base.p_target
    y = np.arange(len(table))
    ax.barh(y, table["p_low"] - base, left=base, color=_MISS, label=words["low"])
    ax.barh(y, table["p_high"] - base, left=base, color=_HIT, label=words["high"])
    ax.axvline(base, color=_TARGET, lw=1)
    ax.set_yticks(y, [_input_label(path, lang) for path in table["input"]])
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(words["p_target"])
    ax.set_title(words["moves"].format(x=f"{base:.0%}"))
    ax.legend(loc="lower right", fontsize="small")
    return fig


def _input_label(path: str, lang: str) -> str:
    """A model input as people say it ("Market factor common to every seller"), wrapped."""
    try:
        text = input_description(path, lang)
    except KeyError:  # not a model field (should not happen): show the path itself
        return path
    return "\n".join(textwrap.wrap(text[:1].upper() + text[1:], 34))


def contribution_waterfall(result: Any, ax: Any = None, lang: str = "en") -> Figure:
    """Mean ending revenue built up from its parts, against the baseline and the target.

    ``lang`` (``"en"`` or ``"it"``) is the language of the labels, as in the other charts.
    """
    words = _words(lang)
    fig, ax = _axes(ax)
    parts = ("retained_base", "existing_reps", "new_hires", "backfills")
    labels = [words[k] for k in parts]
    values = [result.contributions[k] for k in parts]
    bottoms = np.r_[0.0, np.cumsum(values)[:-1]]
    ax.bar(labels, values, bottom=bottoms, color=[_TARGET, _HIT, _HIT, _HIT])
    ax.bar(words["mean_total"], sum(values), color=_PAPER)
    ax.axhline(result.target, color=_MISS, lw=2, ls="--", label=words["target_line"])
    ax.axhline(result.baseline, color=_TARGET, lw=1, ls=":", label=words["baseline"])
    low = min(result.baseline, values[0]) * 0.9 if values[0] else 0
    ax.set_ylim(bottom=low)
    ax.yaxis.set_major_formatter(FuncFormatter(_money))
    ax.set_title(words["sources"])
    ax.legend(loc="upper left", fontsize="small")
    return fig


def overview(result: Any) -> Figure:
    """Growth histogram and fan chart side by side (what ``simulate --plot`` saves)."""
    fig = Figure(figsize=(13, 4.5), layout="constrained")
    left, right = fig.subplots(1, 2)
    growth_histogram(result, left)
    fan_chart(result, right)
    fig.suptitle(result.plan)
    return fig


def save_figure(fig: Figure, path: str | Path) -> Path:
    """Save a figure (PNG, SVG or PDF by the file's extension), with a plain error on failure."""
    path = Path(path)
    if path.suffix.lower() not in FIGURE_FORMATS:
        raise OkrsimError(f"{path}: the figure file must end in {', '.join(FIGURE_FORMATS)}; "
                          f"got {path.suffix or 'no extension'!r}.")
    try:
        fig.savefig(path, dpi=120)
    except OSError as exc:
        raise OkrsimError(f"{path} cannot be written ({exc.strerror or exc}).") from None
    return path
