"""The trade-off figure: P(revenue target), P(profit target) and P(both) against one input.

More sellers raise the odds of the revenue target and, while they ramp, lower those of the
profit target; the curve of both shows where the plan has its best chance of hitting the two.
The rows come from :meth:`okrsim.sim.result.Result.tradeoff`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from okrsim.plots.figure import new_figure
from okrsim.sim.messages import TEXT, input_description

_REVENUE, _PROFIT, _BOTH = "#2a9d8f", "#e76f51", "#264653"


def tradeoff_figure(rows: Sequence[Mapping[str, Any]], path: str = "hiring.count",
                    lang: str = "en", ax: Any = None) -> Figure:
    """Plot the odds of each target, and of both, against the swept input.

    Parameters
    ----------
    rows : sequence of mapping
        ``value``, ``p_target``, ``p_profit``, ``p_both`` per swept value (profit ones may be
        ``None`` when the plan has no profit target: then only the revenue curve is drawn).
    path : str
        The swept model path (names the x axis), ``segments.<name>.<path>`` allowed.
    lang : {"en", "it"}
        Language of the labels.
    ax : matplotlib Axes, optional
        Draw there; otherwise on a new figure.

    Returns
    -------
    matplotlib.figure.Figure
    """
    lang = TEXT.check_lang(lang)
    if ax is None:
        fig = new_figure((7, 4.4))
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    field = path.split(".", 2)[-1] if path.startswith("segments.") else path
    field = {"existing": "reps.existing", "monthly_quota": "reps.monthly_quota"}.get(field, field)
    x = [float(r["value"]) for r in rows]
    curves = [("p_target", "tradeoff.revenue", _REVENUE, "o"),
              ("p_profit", "tradeoff.profit", _PROFIT, "s"),
              ("p_both", "tradeoff.both", _BOTH, "^")]
    for key, label, colour, marker in curves:
        if any(r.get(key) is None for r in rows):
            continue
        ax.plot(x, [r[key] for r in rows], marker=marker, color=colour, linewidth=2,
                label=TEXT.say(lang, label))
    description = input_description(field, lang)
    ax.set_xlabel(f"{description} ({path})")
    ax.set_ylabel(TEXT.say(lang, "tradeoff.ylabel"))
    ax.set_ylim(0, 1.02)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.grid(alpha=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=3, frameon=False)
    ax.set_title(textwrap.fill(TEXT.say(lang, "tradeoff.title", input=description), 80),
                 fontsize=10)
    return fig
