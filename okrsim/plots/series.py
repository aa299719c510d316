"""The numbers behind the finance charts, computed from a :class:`~okrsim.sim.Result`.

Pure numpy (no drawing): the report and the workbook show the same figures as the charts.
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: Percentiles of the monthly bands.
BANDS = (10, 25, 50, 75, 90)
#: Steps of the revenue bridge, in order (``start``, ``churn`` and ``expansion`` on ARR only).
BRIDGE_STEPS = ("start", "churn", "expansion", "existing_reps", "new_hires", "backfills")


def monthly_value(result: Any) -> np.ndarray:
    """Per-trial value at the end of each month, shape ``(trials, months)``.

    On an ARR basis: the retained base after ``m`` months plus the new revenue booked so far.
    Retention compounds, ``baseline x (gross + expansion) ** (m / 12)``, so the base after ``m``
    months is ``baseline x (retained / baseline) ** (m / months)`` for each trial. On a bookings
    basis: the cumulative new revenue.
    """
    new = np.asarray(result.monthly_new, dtype=float)
    if result.basis != "arr" or not len(result.retained) or result.baseline <= 0:
        return new
    share = np.clip(np.asarray(result.retained, dtype=float) / result.baseline, 0, None)
    steps = np.arange(1, result.months + 1) / result.months
    return result.baseline * share[:, None] ** steps[None, :] + new


def monthly_bands(result: Any, arr: bool = True) -> dict[str, np.ndarray]:
    """P10, P25, P50, P75 and P90 by month of the ARR (``arr``) or of cumulative new revenue.

    Returns
    -------
    dict
        ``"p10"`` ... ``"p90"`` -> array of length ``months``.
    """
    values = monthly_value(result) if arr else np.asarray(result.monthly_new, dtype=float)
    table = np.percentile(values, BANDS, axis=0)
    return {f"p{q}": row for q, row in zip(BANDS, table, strict=True)}


def on_paper_monthly_value(result: Any) -> np.ndarray:
    """The on-paper plan's value by month, on the same basis as :func:`monthly_value`."""
    new = np.asarray(result.on_paper_monthly_new, dtype=float)
    retained = result.on_paper_contributions.get("retained_base", 0.0)
    if result.basis != "arr" or result.baseline <= 0 or not len(new):
        return new
    steps = np.arange(1, len(new) + 1) / len(new)
    return result.baseline * (retained / result.baseline) ** steps + new


def revenue_bridge(result: Any) -> list[tuple[str, float]]:
    """The mean ending value built up step by step: start, churn, expansion, sellers' parts.

    Churn is the base lost to gross retention, ``baseline x (1 - gross ** (months / 12))``, and
    expansion the rest of the change of the base, so that ``start - churn + expansion`` is the
    retained base. Without the per-trial retention draws, the retained base is one step.

    Returns
    -------
    list of (step, value)
        Signed values (churn negative) whose sum is the mean ending value; steps from
        :data:`BRIDGE_STEPS`.
    """
    c = result.contributions
    sellers = [(k, float(c.get(k, 0.0))) for k in BRIDGE_STEPS[3:]]
    if result.basis != "arr":
        return sellers
    retained = float(c["retained_base"])
    gross = result.draws.get("retention.gross_annual") if result.draws else None
    if gross is None or not len(gross):
        return [("start", retained), *sellers]
    kept = float(np.mean(result.baseline * np.asarray(gross) ** (result.months / 12)))
    churn = kept - result.baseline
    return [("start", float(result.baseline)), ("churn", churn), ("expansion", retained - kept),
            *sellers]
