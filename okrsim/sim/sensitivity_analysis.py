"""Which uncertain inputs move the answer: a tornado with common random numbers, plus ranks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from okrsim.plan import finance, schema
from okrsim.sim.correlation import rank_correlation
from okrsim.sim.distributions import quantile
from okrsim.sim.engine import COUNT_PATHS, run, seat_capacity
from okrsim.sim.inputs import PlanLike, as_plan, clip_to_field, resolve_inputs
from okrsim.sim.messages import TEXT, number
from okrsim.sim.result import Result
from okrsim.sim.validation import check_seed, check_trials

Progress = Callable[[float], None] | None

COLUMNS = ["input", "description", "low_value", "high_value", "p_low", "p_high", "growth_low",
           "growth_high", "swing", "growth_swing", "rank_correlation"]


@dataclass
class Sensitivity:
    """Tornado of P(target) and median growth, and rank correlations with growth.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per uncertain input, largest swing of P(target) first: the input held at its
        10th (``low_value``) and 90th (``high_value``) percentile, P(target) and median growth
        in each case, the swings, and the Spearman correlation of the input with growth.
        Per-seller inputs (attainment, hiring delay) are held at the percentiles of their
        team average per trial.
    base : Result
        The run with every input uncertain (the reference of the tornado).
    """

    table: pd.DataFrame
    base: Result

    def to_dict(self) -> dict[str, Any]:
        """Plain data: the base P(target) and median growth, then one mapping per input."""
        return {
            "p_target": self.base.p_target,
            "growth_p50": self.base.growth_summary["p50"],
            "inputs": self.table.to_dict(orient="records"),
        }

    def to_text(self, lang: str = "en") -> str:
        """The tornado as a table for the terminal, in ``lang`` (``"it"``: decimal comma)."""
        def say(key: str, **values: object) -> str:
            return TEXT.say(lang, f"sensitivity.{key}", **values)

        def fmt(spec: str, x: float) -> str:
            return number(format(x, spec), lang)

        lines = [say("title", p=fmt(".1%", self.base.p_target),
                     growth=fmt("+.1%", self.base.growth_summary["p50"])),
                 f"{say('input'):34} {say('p10'):>10} {say('p90'):>10} {say('p_target'):>17} "
                 f"{say('median'):>17} {say('rank'):>7}"]
        for row in self.table.itertuples():
            lines.append(f"{row.input:34} {fmt('>10.4g', row.low_value)} "
                         f"{fmt('>10.4g', row.high_value)} "
                         f"{fmt('>7.1%', row.p_low)} -> {fmt('<7.1%', row.p_high)} "
                         f"{fmt('>+7.1%', row.growth_low)} -> {fmt('<+7.1%', row.growth_high)} "
                         f"{fmt('>+7.2f', row.rank_correlation)}")
        return "\n".join(lines)


def _held_value(path: str, value: Any, q: float, base: Result) -> float:
    """The input's ``q``-quantile; for per-seller inputs, of the team average across trials.

    Holding every seller at the P10 of one seller's attainment would be far more extreme than a
    bad year (individual spread averages out over a team), so per-seller inputs are held at the
    P10 / P90 of their per-trial team average instead.
    """
    field = field_path(path)
    if field in schema.PER_SELLER_PATHS:
        point = float(np.quantile(base.draws[path], q))
    else:
        point = quantile(value, q)
    held = float(clip_to_field(field, np.array([point]))[0])
    return int(held) if schema.MODEL_FIELDS[field].kind == "count" else held


def field_path(path: str) -> str:
    """The model input behind a path (``segments.<name>.ramp.months`` -> ``ramp.months``)."""
    split = finance.split_segment_path(path)
    return split[1] if split is not None else path


def sensitivity(plan: PlanLike = None, trials: int = 20_000, seed: int | None = 0,
                overrides: Mapping[str, Any] | None = None,
                progress: Progress = None) -> Sensitivity:
    """Hold each uncertain input at its P10 and P90 and measure P(target) and median growth.

    Every run uses the same seed and the same seat layout (common random numbers), so the
    differences come from the input alone, not from noise.

    Parameters
    ----------
    plan : Plan, str, Path or None
        The plan (``None``: the built-in plan).
    trials, seed, overrides
        As in :func:`okrsim.sim.simulate`.
    progress : callable, optional
        Called with the fraction done (0 to 1) after each run.

    Returns
    -------
    Sensitivity
    """
    trials = check_trials(trials)
    seed = check_seed(seed)
    plan = as_plan(plan)
    inputs = resolve_inputs(plan, overrides)
    paths = inputs.uncertain_paths()
    capacity = {p: seat_capacity(inputs.values[p]) for p in COUNT_PATHS}
    base = run(inputs, trials, seed, name=plan.name, capacity=capacity)
    rows = []
    for i, path in enumerate(paths):
        row: dict[str, Any] = {"input": path,
                               "description": schema.MODEL_FIELDS[field_path(path)].description}
        for side, q in (("low", 0.1), ("high", 0.9)):
            held = _held_value(path, inputs.value_of(path), q, base)
            result = run(inputs.with_values({path: held}), trials, seed, capacity=capacity)
            row[f"{side}_value"] = held
            row[f"p_{side}"] = result.p_target
            row[f"growth_{side}"] = result.growth_summary["p50"]
        row["swing"] = abs(row["p_high"] - row["p_low"])
        row["growth_swing"] = abs(row["growth_high"] - row["growth_low"])
        row["rank_correlation"] = rank_correlation(base.draws[path], base.growth)
        rows.append(row)
        if progress:
            progress((i + 1) / len(paths))
    table = pd.DataFrame(rows, columns=COLUMNS)
    table = table.sort_values(["swing", "growth_swing"], ascending=False, kind="stable")
    return Sensitivity(table.reset_index(drop=True), base)
