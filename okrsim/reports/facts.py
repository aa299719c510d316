"""The figures an analyst hands on, as plain rows: summary, inputs, months, key results.

Shared by the workbook, the one-page report and the CSV header, so every output shows the same
numbers with the same words (``okrsim/i18n/<lang>/reports.toml``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from okrsim.i18n import catalog
from okrsim.plan import Plan, schema
from okrsim.plots.series import monthly_bands, monthly_value, on_paper_monthly_value
from okrsim.plots.simulation import short_name
from okrsim.plots.units import Units
from okrsim.sim.inputs import resolve_inputs
from okrsim.sim.messages import input_description

#: The outputs' words: ``TEXT.say(lang, key, ...)``.
TEXT = catalog("reports", "The reports are written")
#: How a summary value is shown: a share, an amount, a count, hires, plain text or yes/no.
PERCENT, MONEY, COUNT, HIRES, TEXTUAL, FLAG = "percent", "money", "count", "hires", "text", "flag"


@dataclass(frozen=True)
class Fact:
    """One line of the summary: a key, its label in the chosen language, its value and kind."""

    key: str
    label: str
    value: Any
    kind: str


def summary_facts(result: Any, units: Units, lang: str = "en") -> list[Fact]:
    """The Summary sheet's lines: plan, seed, trials, target, on paper, P(target), percentiles,
    gap, and the profit figures the result carries (when the simulator computes them).

    Returns
    -------
    list of Fact
    """
    g = result.growth_summary
    ending = result.baseline * (1 + np.percentile(result.growth, [10, 50, 90]))
    gap = result.gap
    rows = [
        ("plan", result.plan, TEXTUAL), ("seed", result.seed, COUNT),
        ("trials", result.trials, COUNT), ("basis", result.basis, TEXTUAL),
        ("months", result.months, COUNT), ("start", units.start or "", TEXTUAL),
        ("currency", units.currency.strip(), TEXTUAL),
        ("baseline", result.baseline, MONEY), ("target", result.target, MONEY),
        ("target_growth", result.target_growth, PERCENT),
        ("on_paper_growth", result.on_paper_growth, PERCENT), ("adds_up", result.adds_up, FLAG),
        ("p_target", result.p_target, PERCENT), ("p_target_se", result.p_target_se, PERCENT),
        ("growth_mean", g["mean"], PERCENT), ("growth_p10", g["p10"], PERCENT),
        ("growth_p50", g["p50"], PERCENT), ("growth_p90", g["p90"], PERCENT),
        ("ending_p10", float(ending[0]), MONEY), ("ending_p50", float(ending[1]), MONEY),
        ("ending_p90", float(ending[2]), MONEY),
        ("on_paper_ending", result.baseline * (1 + result.on_paper_growth), MONEY),
        ("gap_paper_revenue", gap["on_paper_revenue"], MONEY),
        ("gap_paper_hires", gap["on_paper_hires"], HIRES),
        ("gap_median_revenue", gap["median_revenue"], MONEY),
        ("gap_median_hires", gap["median_hires"], HIRES),
        ("per_hire", gap["revenue_per_extra_hire"], MONEY),
    ]
    facts = [Fact(key, TEXT.say(lang, f"label.{key}"), value, kind) for key, value, kind in rows]
    facts.extend(profit_facts(result))
    return facts


def profit_facts(result: Any) -> list[Fact]:
    """Profit figures of a result that has them (``p_profit``, ``profit`` percentiles...).

    The simulator may add profit to its results; whatever numbers its ``to_dict()`` holds
    under a key naming profit are listed, a probability as a share and the rest as money.
    """
    facts = []
    for key, value in _flat(result.to_dict()).items():
        if "profit" not in key or isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        kind = PERCENT if key.startswith("p_") or ".p_" in key or key.endswith("_se") else MONEY
        facts.append(Fact(key, key.replace("_", " ").replace(".", ", "), float(value), kind))
    return facts


def _flat(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flat(value, name + "."))
        else:
            out[name] = value
    return out


def describe_value(value: Any) -> str:
    """An input's Monte Carlo value as a person writes it: ``triangular(3, 5, 7)``, ``20``."""
    if isinstance(value, Mapping):
        params = ", ".join(f"{k}={_num(v)}" for k, v in value.items() if k != "dist")
        return f"{value.get('dist', 'fixed')}({params})"
    if isinstance(value, (list, tuple)):
        return ", ".join(_num(v) for v in value)
    return _num(value)


def _num(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return f"{value:,.10g}" if abs(value) >= 1000 else f"{value:.6g}"


def input_rows(plan: Plan, lang: str = "en",
               overrides: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """One row per model input: path, short name, meaning, Monte Carlo value, on-paper value,
    the key result that commits it.

    Returns
    -------
    list of dict
        Keys ``path``, ``name``, ``description``, ``monte_carlo``, ``on_paper``, ``driven_by``.
    """
    inputs = resolve_inputs(plan, overrides)
    rows = []
    for path in schema.MODEL_FIELDS:
        paper = inputs.paper[path]
        numeric = isinstance(paper, (int, float)) and not isinstance(paper, bool)
        rows.append({
            "path": path, "name": short_name(path, lang),
            "description": input_description(path, lang),
            "monte_carlo": describe_value(inputs.values[path]),
            "on_paper": float(paper) if numeric else describe_value(paper),
            "driven_by": inputs.driven.get(path, ""),
        })
    return rows


def monthly_rows(result: Any, units: Units, lang: str = "en") -> list[dict[str, Any]]:
    """One row per calendar month: P10 / P50 / P90 of cumulative new revenue and of ARR, and
    the on-paper line of each."""
    names = units.month_names(result.months, lang)
    if units.start:  # full names with the year on every row of a table
        names = [_full_month(units, i, lang) for i in range(result.months)]
    new = monthly_bands(result, arr=False)
    arr = monthly_bands(result, arr=True)
    paper_new = result.on_paper_monthly_new
    paper_arr = on_paper_monthly_value(result)
    rows = []
    for i, name in enumerate(names):
        rows.append({
            "month": name, "new_p10": new["p10"][i], "new_p50": new["p50"][i],
            "new_p90": new["p90"][i], "arr_p10": arr["p10"][i], "arr_p50": arr["p50"][i],
            "arr_p90": arr["p90"][i],
            "paper_new": float(paper_new[i]) if len(paper_new) else None,
            "paper_arr": float(paper_arr[i]) if len(paper_arr) else None,
        })
    return rows


def _full_month(units: Units, offset: int, lang: str) -> str:
    from okrsim.plots.units import WORDS

    year, month = int(units.start[:4]), int(units.start[5:]) - 1 + offset
    return f"{WORDS.say(lang, 'months').split()[month % 12]} {year + month // 12}"


def key_result_rows(plan: Plan, result: Any) -> list[dict[str, Any]]:
    """Each key result with odds: id, statement, input, target, direction, share meeting it."""
    texts = {kr.id: kr.text for _, kr in plan.key_results()}
    return [{"id": kr_id, "text": texts.get(kr_id, ""), "input": odds.drives,
             "target": odds.target, "better": odds.better, "p_meets": odds.p_meets}
            for kr_id, odds in result.key_results.items()]


def ending_values(result: Any) -> np.ndarray:
    """Per-trial value at the end of the period (ARR on an ARR basis)."""
    return monthly_value(result)[:, -1] if result.months else np.zeros(result.trials)


def format_input(path: str, value: Any, units: Units, lang: str = "en") -> str:
    """An input's value as people read it: hires as a count, months with one decimal, the quota
    in money, rates and changes as percentages."""
    from okrsim.i18n import format_number, format_percent

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    field = schema.MODEL_FIELDS.get(path)
    if field is None or field.kind == "count":
        return format_number(float(value), lang, 0)
    if path == "reps.monthly_quota":
        return units.money(float(value), lang, short=False)
    if "months" in path:
        return format_number(float(value), lang, 1)
    if path == "reps.market":
        return format_number(float(value), lang, 2)
    return format_percent(float(value), lang, 1)
