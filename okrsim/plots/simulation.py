"""Matplotlib figures of simulation results (no widget code).

Each function draws on ``ax`` when given (and returns its figure) or on a new
:class:`~okrsim.plots.figure.ShownFigure`, which displays as an image in every notebook front end.
Money is written with the plan's currency and months with the calendar names of its period when
``units`` (:class:`~okrsim.plots.units.Units`) is given. Legends sit outside the plotting area,
so they never cover the target line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from okrsim.errors import OkrsimError
from okrsim.i18n import format_percent
from okrsim.plan import schema
from okrsim.plan.finance import split_segment_path
from okrsim.plan.input_names import short_name
from okrsim.plots.figure import new_figure
from okrsim.plots.series import (
    monthly_bands,
    on_paper_monthly_value,
    revenue_bridge,
)
from okrsim.plots.units import WORDS, Units

FIGURE_FORMATS = (".png", ".svg", ".pdf")
_HIT, _MISS, _TARGET, _PAPER = "#2a9d8f", "#e76f51", "#264653", "#e9c46a"
_LOSS = "#c0392b"

#: The words on the charts, per language (from ``okrsim/i18n/<lang>/charts.toml``).
LABELS: dict[str, dict[str, str]] = {lang: dict(WORDS.tables[lang]) for lang in WORDS.langs}


def _words(lang: str) -> dict[str, str]:
    """The chart labels in ``lang``; a one-sentence error for a language the charts lack."""
    return LABELS[WORDS.check_lang(lang)]


def _axes(ax: Any, size: tuple[float, float] = (7, 4)) -> tuple[Figure, Any]:
    if ax is not None:
        return ax.figure, ax
    fig = new_figure(size)
    return fig, fig.add_subplot()


def _legend_below(ax: Any, columns: int = 3, below: float = 0.16) -> None:
    """The axes' legend under the x axis label, outside the data (never over a line).

    ``below`` is the gap in axes heights; the figure's constrained layout makes room for it.
    A figure with fixed margins (no layout engine, e.g. one a dashboard redraws) gets the legend
    in one row at the bottom edge of the figure: its bottom margin must leave that room.
    """
    if ax.figure.get_layout_engine() is None:
        entries = len(ax.get_legend_handles_labels()[0])
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 0.0),
                  bbox_transform=ax.figure.transFigure, ncols=max(entries, 1), frameon=False,
                  fontsize="small")
        return
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -below), ncols=columns, frameon=False,
              fontsize="small")


def _pct(lang: str, digits: int = 1, signed: bool = True):
    def fmt(x: float) -> str:
        text = format_percent(x, lang, digits)
        return ("+" + text) if signed and x > 0 else text
    return fmt


def _tick_percent(lang: str):
    """A tick formatter for shares: ``10%``, ``12.5%`` (a decimal only where the tick has one)."""
    def fmt(x: float, _pos: Any = None) -> str:
        whole = abs(x * 100 - round(x * 100)) < 1e-6
        return format_percent(x, lang, 0 if whole else 1)
    return FuncFormatter(fmt)


def _money_axis(axis: Any, units: Units, lang: str) -> None:
    axis.set_major_formatter(FuncFormatter(lambda x, _pos: units.money(x, lang, precise=True)))


def growth_histogram(result: Any, ax: Any = None, lang: str = "en",
                     units: Units | None = None) -> Figure:
    """Histogram of growth per trial, coloured by hit/miss, with the target and on-paper lines.

    Parameters
    ----------
    result : Result
    ax : matplotlib Axes, optional
    lang : {"en", "it"}
        Language of the labels, as in the other charts.
    units : Units, optional
        Currency of the ARR axis drawn on top (ARR basis, on a figure with a layout engine:
        a figure with fixed margins has no room for it above the title).

    Returns
    -------
    matplotlib.figure.Figure
    """
    words = _words(lang)
    units = units or Units()
    pct = _pct(lang)
    fig, ax = _axes(ax)
    growth = result.growth
    bins = np.histogram_bin_edges(growth, bins=60)
    ax.hist(growth[growth < result.target_growth], bins=bins, color=_MISS,
            label=words["misses"], histtype="stepfilled")
    ax.hist(growth[growth >= result.target_growth], bins=bins, color=_HIT,
            label=words["hits"], histtype="stepfilled")
    ax.axvline(result.target_growth, color=_TARGET, lw=2,
               label=words["target"].format(x=pct(result.target_growth)))
    ax.axvline(result.on_paper_growth, color=_PAPER, lw=2, ls="--",
               label=words["on_paper_at"].format(x=pct(result.on_paper_growth)))
    ax.xaxis.set_major_formatter(_tick_percent(lang))
    ax.set_xlabel(words["growth"])
    ax.set_ylabel(words["trials"])
    for child in list(ax.child_axes):  # redrawn on the same axes (the dashboard): one ARR axis
        child.remove()
    room = fig.get_layout_engine() is not None  # fixed margins leave no room above the title
    if result.basis == "arr" and result.baseline > 0 and room:
        base = result.baseline
        top = ax.secondary_xaxis("top", functions=(lambda g: base * (1 + g),
                                                   lambda v: v / base - 1))
        top.xaxis.set_major_locator(MaxNLocator(nbins=6))
        _money_axis(top.xaxis, units, lang)
        top.set_xlabel(words["arr"])
    ax.set_title(words["title_odds"].format(p=format_percent(result.p_target, lang, 0),
                                            se=format_percent(result.p_target_se, lang, 1)[:-1]))
    _legend_below(ax, 2)
    return fig


def fan_chart(result: Any, ax: Any = None, lang: str = "en", units: Units | None = None,
              arr: bool | None = None) -> Figure:
    """Month by month: P10-P90 and P25-P75 bands, the median and the on-paper line.

    Parameters
    ----------
    result : Result
    ax : matplotlib Axes, optional
    lang : {"en", "it"}
    units : Units, optional
        Currency and calendar months of the plan.
    arr : bool, optional
        Show ARR (retained base plus new revenue) against the target, or (``False``) the
        cumulative new revenue against the new revenue needed. Default: ARR on an ARR basis.

    Returns
    -------
    matplotlib.figure.Figure
    """
    words = _words(lang)
    units = units or Units()
    arr = result.basis == "arr" if arr is None else bool(arr and result.basis == "arr")
    fig, ax = _axes(ax)
    months = np.arange(1, result.months + 1)
    bands = monthly_bands(result, arr=arr)
    ax.fill_between(months, bands["p10"], bands["p90"], color=_HIT, alpha=0.2, label="P10-P90")
    ax.fill_between(months, bands["p25"], bands["p75"], color=_HIT, alpha=0.4, label="P25-P75")
    ax.plot(months, bands["p50"], color=_HIT, lw=2, label=words["median"])
    paper = on_paper_monthly_value(result) if arr else result.on_paper_monthly_new
    if len(paper):
        ax.plot(months, paper, color=_PAPER, lw=2, ls="--", label=words["on_paper"])
    if arr:
        ax.axhline(result.target, color=_TARGET, lw=1.5, ls=":",
                   label=words["arr_target"].format(x=units.money(result.target, lang)))
    else:
        needed = result.target - result.contributions["retained_base"]
        ax.axhline(needed, color=_TARGET, lw=1, ls=":", label=words["needed"])
    _money_axis(ax.yaxis, units, lang)
    names = units.month_names(result.months, lang)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=min(result.months, 12), integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda x, _pos: names[int(x) - 1] if 1 <= x <= len(names) and x == int(x) else ""))
    ax.set_xlim(1, max(result.months, 2))
    ax.set_xlabel(words["month"])
    ax.set_ylabel(words["arr"] if arr else words["cumulative"])
    ax.set_title(words["arr_title"] if arr else words["booked"])
    _legend_below(ax, 5)
    return fig


def tornado(sens: Any, ax: Any = None, lang: str = "en") -> Figure:
    """Tornado of P(target), each uncertain input held at its worse and its better value.

    "Worse" and "better" follow each input's own direction (more hires is better, a longer ramp
    is worse), so red always means "this input going wrong" and green "going right". Each input
    is labelled with one short line, the name of its dashboard slider.

    Returns
    -------
    matplotlib.figure.Figure
    """
    words = _words(lang)
    table = sens.table.iloc[::-1]
    fig, ax = _axes(ax, (7, 0.4 * len(table) + 1.6))
    base = sens.base.p_target
    y = np.arange(len(table))
    worse, better = [], []
    for row in table.itertuples():
        segment = split_segment_path(row.input)
        field = schema.MODEL_FIELDS[segment[1] if segment else row.input]
        lower_is_better = field.better == schema.LOWER
        pair = (row.p_high, row.p_low) if lower_is_better else (row.p_low, row.p_high)
        worse.append(pair[0])
        better.append(pair[1])
    ax.barh(y, np.asarray(worse) - base, left=base, color=_MISS, label=words["worse"])
    ax.barh(y, np.asarray(better) - base, left=base, color=_HIT, label=words["better"])
    ax.axvline(base, color=_TARGET, lw=1)
    ax.set_yticks(y, [short_name(path, lang) for path in table["input"]])
    ax.xaxis.set_major_formatter(_tick_percent(lang))
    ax.set_xlabel(words["p_target"])
    ax.set_title(words["moves"].format(x=format_percent(base, lang, 0)))
    _legend_below(ax, 2, below=0.7 / (0.4 * len(table) + 0.6))
    return fig



def contribution_waterfall(result: Any, ax: Any = None, lang: str = "en",
                           units: Units | None = None) -> Figure:
    """Mean ending revenue built step by step: starting ARR, churn, expansion, sellers' parts.

    Returns
    -------
    matplotlib.figure.Figure
    """
    words = _words(lang)
    units = units or Units()
    fig, ax = _axes(ax, (7.5, 4))
    steps = revenue_bridge(result)
    labels = [words[f"bridge.{key}"] for key, _ in steps] + [words["bridge.total"]]
    values = np.array([v for _, v in steps])
    ends = np.cumsum(values)
    bottoms = ends - values
    colours = [_TARGET if k == "start" else (_LOSS if v < 0 else _HIT) for k, v in steps]
    x = np.arange(len(labels))
    ax.bar(x[:-1], values, bottom=bottoms, color=colours)
    total = float(ends[-1]) if len(ends) else 0.0
    ax.bar(x[-1], total, color=_PAPER)
    ax.axhline(result.target, color=_TARGET, lw=2, ls="--",
               label=words["bridge.target"].format(x=units.money(result.target, lang)))
    for xi, value, top in zip(x, [*values, total], [*ends, total], strict=True):
        ax.annotate(units.money(value, lang), (xi, max(top, top - value)), ha="center",
                    va="bottom", fontsize="x-small", xytext=(0, 2), textcoords="offset points",
                    bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none"},
                    zorder=3)  # readable where the target line crosses it
    ax.set_xticks(x, labels, rotation=20, ha="right", fontsize="small")
    floor = min([result.target, *bottoms[1:], *(ends if len(ends) else [0])]) if len(ends) else 0
    if steps and steps[0][0] == "start":
        ax.set_ylim(bottom=floor * 0.9, top=max(total, result.target, *ends) * 1.06)
    _money_axis(ax.yaxis, units, lang)
    ax.set_title(words["bridge.title"])
    ax.legend(loc="upper left", bbox_to_anchor=(0, 1), frameon=False, fontsize="small")
    return fig


def overview(result: Any, lang: str = "en", units: Units | None = None) -> Figure:
    """Growth histogram and fan chart side by side (what ``simulate --plot`` saves)."""
    fig = new_figure((13, 4.8))
    left, right = fig.subplots(1, 2)
    growth_histogram(result, left, lang, units)
    fan_chart(result, right, lang, units)
    fig.suptitle(result.plan)
    return fig


def all_charts(result: Any, sens: Any = None, lang: str = "en",
               units: Units | None = None) -> dict[str, Figure]:
    """Every chart of a result, by file stem: histogram, fan chart, waterfall (and tornado).

    Parameters
    ----------
    result : Result
    sens : Sensitivity, optional
        Adds the tornado (when the plan has an uncertain input).
    lang, units
        As in the single charts.

    Returns
    -------
    dict
        ``{"growth_histogram": fig, "fan_chart": fig, "waterfall": fig, "tornado": fig}``.
    """
    charts = {
        "growth_histogram": growth_histogram(result, lang=lang, units=units),
        "fan_chart": fan_chart(result, lang=lang, units=units),
        "waterfall": contribution_waterfall(result, lang=lang, units=units),
    }
    if sens is not None and len(sens.table):  # no uncertain input: nothing to rank
        charts["tornado"] = tornado(sens, lang=lang)
    return charts


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
