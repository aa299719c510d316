"""The answer of a simulation: on paper, Monte Carlo, contributions and the gap to target."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from okrsim.errors import OkrsimError
from okrsim.i18n import format_number, format_percent
from okrsim.sim.messages import TEXT, number
from okrsim.sim.model import CATEGORIES

if TYPE_CHECKING:
    from okrsim.sim.kr_odds import KeyResultOdds


def summarize(growth: np.ndarray) -> dict[str, float]:
    """Mean and 10th / 50th / 90th percentiles of per-trial growth."""
    p10, p50, p90 = np.percentile(growth, [10, 50, 90])
    return {"mean": float(growth.mean()), "p10": float(p10), "p50": float(p50),
            "p90": float(p90)}


@dataclass
class Result:
    """Feasibility of a plan: on-paper roll-up and Monte Carlo distribution of growth.

    Attributes
    ----------
    trials, seed : int
        Number of trials and the seed used (``None``: fresh entropy).
    target_growth, on_paper_growth : float
        Company target growth and the growth with every key result at its target.
    adds_up : bool
        Whether ``on_paper_growth >= target_growth``.
    p_target, p_target_se : float
        Share of trials reaching the target, and its standard error sqrt(p (1 - p) / n).
    growth : numpy.ndarray
        Growth of each trial.
    growth_summary : dict
        ``mean``, ``p10``, ``p50``, ``p90`` of growth.
    months : int
        Length of the period.
    monthly_new : numpy.ndarray
        Cumulative new revenue booked by the end of each month, shape (trials, months).
    contributions : dict
        Mean ``retained_base``, ``existing_reps``, ``new_hires``, ``backfills`` (revenue).
    gap : dict
        Shortfall against the target of the on-paper plan and of the median trial, in revenue
        and in hires-equivalent (positive: short; negative: ahead).
    key_results : dict
        Key result id -> :class:`~okrsim.sim.kr_odds.KeyResultOdds`: how often each key
        result's forecast meets its own target (filled by :func:`~okrsim.sim.simulate`).
    on_paper_profit, profit, profit_summary : float, numpy.ndarray, dict or None
        With costs: the on-paper profit, each trial's profit and its mean / P10 / P50 / P90.
    profit_target, p_profit, p_profit_se, p_both, p_both_se : float or None
        With a ``drives: profit`` key result: its target, P(profit >= target) and
        P(growth >= target and profit >= profit target), each with its standard error.
    revenue, seller_months, starts : numpy.ndarray or None
        With costs: each trial's recognised revenue, seller-months and starts.
    segments : dict
        Segment name -> mean ``new_revenue`` and ``on_paper_new_revenue`` (empty without
        segments); ``segment_new`` holds each trial's new revenue per segment.
    stretch : list of str
        Ids of the aspirational key results (stretch goals), counted at 0.7 of their stretch.
    """

    trials: int
    seed: int | None
    target_growth: float
    on_paper_growth: float
    adds_up: bool
    p_target: float
    p_target_se: float
    growth: np.ndarray
    growth_summary: dict[str, float]
    months: int
    monthly_new: np.ndarray
    contributions: dict[str, float]
    gap: dict[str, float | None]
    plan: str = ""
    basis: str = "arr"
    baseline: float = 0.0
    target: float = 0.0
    on_paper_contributions: dict[str, float] = field(default_factory=dict)
    on_paper_monthly_new: np.ndarray = field(default_factory=lambda: np.zeros(0))
    parts: np.ndarray = field(default_factory=lambda: np.zeros((0, 3)))
    retained: np.ndarray = field(default_factory=lambda: np.zeros(0))
    draws: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    key_results: dict[str, KeyResultOdds] = field(default_factory=dict)
    on_paper_profit: float | None = None
    on_paper_revenue: float | None = None
    profit: np.ndarray | None = field(default=None, repr=False)
    profit_summary: dict[str, float] | None = None
    profit_target: float | None = None
    p_profit: float | None = None
    p_profit_se: float | None = None
    p_both: float | None = None
    p_both_se: float | None = None
    revenue: np.ndarray | None = field(default=None, repr=False)
    seller_months: np.ndarray | None = field(default=None, repr=False)
    starts: np.ndarray | None = field(default=None, repr=False)
    segments: dict[str, dict[str, float]] = field(default_factory=dict)
    segment_new: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    stretch: list[str] = field(default_factory=list)
    rerun: Callable[..., Result] | None = field(default=None, repr=False, compare=False)
    currency: str = ""

    @property
    def has_profit(self) -> bool:
        """Whether the plan had costs, so that profit was simulated."""
        return self.profit is not None

    def tradeoff(self, values: Sequence[float] | None = None,
                 path: str = "hiring.count", trials: int | None = None) -> list[dict[str, Any]]:
        """Sweep one input and report P(revenue target), P(profit target) and P(both).

        More sellers raise the first and can sink the second: the trade-off of a growth plan
        with a profit target. Each value is a fresh run with the same seed (common random
        numbers), so the curves are smooth.

        Parameters
        ----------
        values : sequence of float, optional
            Values of ``path``; by default hires from 0 to twice the median count drawn
            (at least 10).
        path : str, default "hiring.count"
            A model path, or ``segments.<name>.<path>`` with segments.
        trials : int, optional
            Trials per run (default: this result's).

        Returns
        -------
        list of dict
            One row per value: ``value``, ``p_target``, ``p_profit``, ``p_both`` (the last two
            ``None`` without a profit target).
        """
        if self.rerun is None:
            raise OkrsimError("this result was not made by the simulator, so it cannot be "
                              "re-run; use okrsim.simulate(...).tradeoff().")
        if values is None:
            top = max(10, 2 * int(round(self._median_hires())))
            values = list(range(0, top + 1))
        rows = []
        for value in values:
            other = self.rerun({path: value}, trials)
            rows.append({"value": value, "p_target": other.p_target,
                         "p_profit": other.p_profit, "p_both": other.p_both})
        return rows

    def _median_hires(self) -> float:
        """The median number of hires drawn (all segments together)."""
        counts = [v for k, v in self.draws.items() if k.endswith("hiring.count")]
        return float(sum(float(np.median(c)) for c in counts)) if counts else 0.0

    @property
    def key_result_odds(self) -> dict[str, float]:
        """Key result id -> probability that its forecast meets its target."""
        return {kr_id: odds.p_meets for kr_id, odds in self.key_results.items()}

    def _repr_html_(self) -> str:
        from okrsim.sim.display import render_result

        return render_result(self)

    def to_dict(self) -> dict[str, Any]:
        """The ``simulate --json`` document: the design's contract first, then extras."""
        bands = np.percentile(self.monthly_new, [10, 50, 90], axis=0)
        return {
            "trials": self.trials,
            "seed": self.seed,
            "target_growth": self.target_growth,
            "on_paper_growth": self.on_paper_growth,
            "adds_up": self.adds_up,
            "p_target": self.p_target,
            "p_target_se": self.p_target_se,
            "growth": dict(self.growth_summary),
            "plan": self.plan,
            "basis": self.basis,
            "baseline": self.baseline,
            "target": self.target,
            "months": self.months,
            "contributions": dict(self.contributions),
            "on_paper_contributions": dict(self.on_paper_contributions),
            "gap": dict(self.gap),
            "monthly_new": {
                "on_paper": self.on_paper_monthly_new.tolist(),
                "p10": bands[0].tolist(),
                "p50": bands[1].tolist(),
                "p90": bands[2].tolist(),
            },
            "key_results": {kr_id: odds.to_dict() for kr_id, odds in self.key_results.items()},
            "stretch_key_results": list(self.stretch),
            **self._finance_dict(),
        }

    def _finance_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.segments:
            data["segments"] = {name: dict(v) for name, v in self.segments.items()}
        if self.has_profit:
            data.update({
                "on_paper_profit": self.on_paper_profit,
                "profit": dict(self.profit_summary or {}),
                "profit_target": self.profit_target,
                "p_profit": self.p_profit, "p_profit_se": self.p_profit_se,
                "p_both": self.p_both, "p_both_se": self.p_both_se,
            })
        return data

    def to_frame(self, lang: str | None = None) -> pd.DataFrame:
        """One row per trial: growth, whether it hit the target, revenue parts, inputs drawn.

        Parameters
        ----------
        lang : str, optional
            Without it the columns have the code's names (``hits_target``, ``input:ramp.months``);
            with it, the names people read in that language (``"raggiunge l'obiettivo"``).

        Returns
        -------
        pandas.DataFrame
        """
        frame = pd.DataFrame({
            "trial": np.arange(self.trials),
            "growth": self.growth,
            "hits_target": self.growth >= self.target_growth,
            "new_revenue": self.monthly_new[:, -1] if self.months else 0.0,
            "retained_base": self.retained,
        })
        for i, name in enumerate(CATEGORIES):
            frame[name] = self.parts[:, i]
        for name, values in self.segment_new.items():
            frame[f"new_revenue:{name}"] = values
        if self.has_profit:
            frame["recognised_revenue"] = self.revenue
            frame["seller_months"] = self.seller_months
            frame["starts"] = self.starts
            frame["profit"] = self.profit
            if self.profit_target is not None:
                frame["hits_profit"] = self.profit >= self.profit_target
                frame["hits_both"] = frame["hits_target"] & frame["hits_profit"]
        for path, values in self.draws.items():
            frame[f"input:{path}"] = values
        if lang is not None:
            from okrsim.sim.display import column_label

            frame.columns = [column_label(name, lang) for name in frame.columns]
        return frame

    def amount_text(self, x: float, lang: str = "en") -> str:
        """An amount of the summary in the plan's currency, whole: ``"€1,781,265"``, ``"-€500"``."""
        return ("-" if x < 0 else "") + self.currency + format_number(abs(x), lang)

    def finance_lines(self, lang: str = "en") -> list[str]:
        """Lines on segments, profit and stretch goals, in ``lang`` (none for a plain plan)."""
        def money(x: float) -> str:
            return self.amount_text(x, lang)

        def pct(x: float) -> str:
            return format_percent(x, lang)

        lines = []
        if self.segments:
            segments = ", ".join(f"{name} {money(v['new_revenue'])}; "
                                 f"{money(v['on_paper_new_revenue'])}"
                                 for name, v in self.segments.items())
            lines.append(TEXT.say(lang, "summary.segments", segments=segments))
        if self.has_profit:
            p = self.profit_summary or {}
            lines.append(TEXT.say(lang, "summary.profit", paper=money(self.on_paper_profit or 0),
                                  **{k: money(p[k]) for k in ("mean", "p10", "p50", "p90")}))
            if self.profit_target is not None:
                lines.append(TEXT.say(lang, "summary.p_profit", target=money(self.profit_target),
                                      p=pct(self.p_profit), se=pct(self.p_profit_se),
                                      both=pct(self.p_both), both_se=pct(self.p_both_se)))
        if self.stretch:
            lines.append(TEXT.say(lang, "summary.stretch", ids=", ".join(self.stretch)))
        return lines

    def summary_text(self, lang: str = "en") -> str:
        """A few plain lines for the terminal, in ``lang`` (``"it"``: Italian, decimal comma).

        Parameters
        ----------
        lang : str, default "en"

        Returns
        -------
        str
        """
        def say(key: str, **values: object) -> str:
            return TEXT.say(lang, key, **values)

        def fmt(spec: str, x: float) -> str:
            return number(format(x, spec), lang)

        def money(x: float) -> str:
            return self.amount_text(x, lang)

        g = self.growth_summary
        lines = [
            f"{self.plan}",
            say("summary.target", growth=fmt("+.1%", self.target_growth), basis=self.basis,
                months=self.months),
            say("summary.on_paper", growth=fmt("+.1%", self.on_paper_growth),
                verdict=say("summary.adds_up" if self.adds_up else "summary.not_adds_up")),
            say("summary.monte_carlo", trials=fmt(",", self.trials), seed=self.seed,
                p=fmt(".1%", self.p_target), se=fmt(".1%", self.p_target_se)),
            say("summary.growth", **{k: fmt("+.1%", g[k]) for k in ("mean", "p10", "p50", "p90")}),
            say("summary.contributions", parts=", ".join(
                f"{say(f'parts.{k}')} {money(v)}" for k, v in self.contributions.items())),
        ]
        for label, key in (("summary.gap_on_paper", "on_paper"), ("summary.gap_median", "median")):
            revenue = self.gap[f"{key}_revenue"]
            hires = self.gap[f"{key}_hires"]
            extra = ("" if hires is None
                     else say("summary.gap_hires", hires=fmt(".1f", abs(hires))))
            lines.append(say("summary.gap_short" if revenue > 0 else "summary.gap_ahead",
                             label=say(label), amount=money(abs(revenue)), hires=extra))
        lines.extend(self.finance_lines(lang))
        if self.key_results:
            lines.append(say("summary.key_results"))
            lines.extend(f"  {odds.describe(lang)}" for odds in self.key_results.values())
        return "\n".join(lines)
