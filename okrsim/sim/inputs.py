"""From a plan (plus what-if overrides) to the model's inputs, on paper and for Monte Carlo.

Rules (see docs/DESIGN model semantics):

- A key result that ``drives`` a model path commits its ``target``: that value is used on paper.
- In Monte Carlo the same path takes the key result's ``forecast``; without a forecast, the value
  the ``model`` section gives that path; without that either, the key result's target.
- Every other input comes from the ``model`` section (or its documented default); on paper a
  distribution is taken at its central value (:func:`okrsim.sim.distributions.central`).
- An override replaces the path's value both on paper and in Monte Carlo (KR target and forecast).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from okrsim.errors import OkrsimError, PlanError
from okrsim.plan import Plan, default_plan, load_plan, schema
from okrsim.sim.correlation import iman_conover
from okrsim.sim.distributions import central, is_uncertain, sample

PlanLike = Plan | str | Path | None


@dataclass
class Inputs:
    """The resolved inputs of one simulation.

    Attributes
    ----------
    values : dict
        Monte Carlo value of every model path: a number, a distribution mapping, a list of
        months, a curve, a bool or a choice.
    paper : dict
        On-paper value of every model path (distributions replaced by their central value).
    baseline, target : float
        Company starting value and target value (from the ``drives: target`` key result).
    months : int
        Length of the period.
    correlation : dict or None
        The plan's ``model.correlation`` section, if any.
    driven : dict
        Model path -> id of the key result that commits it.
    """

    values: dict[str, Any]
    paper: dict[str, Any]
    baseline: float
    target: float
    months: int
    correlation: dict[str, Any] | None = None
    driven: dict[str, str] = field(default_factory=dict)

    @property
    def target_growth(self) -> float:
        """Target growth: target / baseline - 1."""
        return self.target / self.baseline - 1

    def uncertain_paths(self) -> list[str]:
        """Numeric inputs whose Monte Carlo value is a distribution with spread, in table order."""
        return [p for p in schema.MODEL_FIELDS if is_uncertain(self.values[p])]

    def with_values(self, changes: Mapping[str, Any]) -> Inputs:
        """Return a copy where each path in ``changes`` is set (paper and Monte Carlo)."""
        values, paper = dict(self.values), dict(self.paper)
        for path, value in changes.items():
            values[path] = value
            paper[path] = _paper_value(path, value)
        return Inputs(values, paper, self.baseline, self.target, self.months, self.correlation,
                      self.driven)


def as_plan(plan: PlanLike) -> Plan:
    """Return a :class:`Plan`: the given one, one loaded from a path, or the built-in default."""
    if plan is None:
        return default_plan()
    if isinstance(plan, Plan):
        return plan
    if isinstance(plan, (str, Path)):
        return load_plan(plan)
    raise OkrsimError(f"plan must be a Plan, the path of a plan file or None (the built-in "
                      f"plan); got {type(plan).__name__}.")


def _paper_value(path: str, value: Any) -> Any:
    if schema.MODEL_FIELDS[path].kind in ("number", "count"):
        number = central(value)
        return round(number) if schema.MODEL_FIELDS[path].kind == "count" else number
    return value


def resolve_inputs(plan: Plan, overrides: Mapping[str, Any] | None = None) -> Inputs:
    """Resolve a plan and optional overrides into :class:`Inputs`.

    Raises
    ------
    OkrsimError
        When the plan has no ``model`` section, no usable company target, a ``drives`` path the
        model does not have, or an override that is not a valid value for its path.
    """
    where = plan.source
    if not plan.model:
        raise OkrsimError(f"{where} has no 'model' section; the simulator needs one (at least "
                          "model.reps.existing and model.reps.monthly_quota).")
    problems = schema.validate_model(plan.model, f"{where}: model", plan.months)
    if problems:
        raise PlanError(problems)
    target_kr = plan.target_key_result()
    if target_kr is None:
        raise OkrsimError(f"{where} has no key result with 'drives: target'; the company key "
                          "result needs drives: target, a baseline and a target value.")
    if not isinstance(target_kr.target, (int, float)) or target_kr.baseline is None:
        raise OkrsimError(f"{where}: key result {target_kr.id!r} drives the target and needs "
                          "both 'baseline' and 'target' as numbers more than 0.")
    values: dict[str, Any] = {}
    paper: dict[str, Any] = {}
    for path in schema.MODEL_FIELDS:
        values[path] = schema.model_value(plan.model, path)
        paper[path] = _paper_value(path, values[path])
    driven: dict[str, str] = {}
    for _, kr in plan.key_results():
        if kr.drives is None or kr.drives == schema.TARGET_PATH:
            continue
        if kr.drives not in schema.MODEL_FIELDS:
            raise OkrsimError(f"{where}: key result {kr.id!r} drives {kr.drives!r}, which the "
                              f"model does not have; use one of {', '.join(schema.model_paths())}.")
        driven[kr.drives] = kr.id
        explicit = schema.get_path(plan.model, kr.drives)
        if kr.forecast is not None:
            values[kr.drives] = kr.forecast
        elif explicit is None and kr.target is not None:
            values[kr.drives] = kr.target
        if kr.target is not None:
            paper[kr.drives] = _paper_value(kr.drives, kr.target)
    inputs = Inputs(values, paper, float(target_kr.baseline), float(target_kr.target),
                    plan.months, plan.model.get(schema.CORRELATION_KEY), driven)
    if overrides:
        inputs = apply_overrides(inputs, overrides)
    return inputs


def apply_overrides(inputs: Inputs, overrides: Mapping[str, Any]) -> Inputs:
    """Validate what-if overrides ``{path: value}`` and return the changed inputs."""
    if not isinstance(overrides, Mapping):
        raise OkrsimError(f"overrides must be a mapping {{model path: value}}; "
                          f"got {type(overrides).__name__}.")
    changes: dict[str, Any] = {}
    target = inputs.target
    for path, value in overrides.items():
        if path == schema.TARGET_PATH:
            if not schema._is_number(value) or not value > 0:
                raise OkrsimError(f"override 'target' must be a number more than 0 (the company "
                                  f"target value); got {value!r}.")
            target = float(value)
            continue
        if path not in schema.MODEL_FIELDS:
            raise OkrsimError(f"override {path!r} is not a model input; use one of "
                              f"{', '.join(schema.model_paths())}.")
        problems = schema.validate_value(path, value, f"override {path}", inputs.months)
        if problems:
            raise OkrsimError(problems[0])
        changes[path] = value
    changed = inputs.with_values(changes)
    changed.target = target
    return changed


def draw_trial_inputs(
    inputs: Inputs, n: int, streams: Mapping[str, np.random.Generator]
) -> dict[str, np.ndarray]:
    """Draw the per-trial numeric inputs (everything but per-seller ones), correlated if asked.

    Each path draws from its own stream so that changing one input leaves the others' draws
    unchanged (common random numbers). Samples are clipped into each input's allowed range and
    counts are rounded to whole numbers.

    Returns
    -------
    dict
        Path -> array of shape ``(n,)``.
    """
    draws: dict[str, np.ndarray] = {}
    for path, fld in schema.MODEL_FIELDS.items():
        if fld.kind not in ("number", "count") or path in schema.PER_SELLER_PATHS:
            continue
        draws[path] = sample(inputs.values[path], n, streams[path])
    corr = inputs.correlation
    if corr:
        chosen = [i for i, p in enumerate(corr["inputs"]) if is_uncertain(inputs.values[p])]
        if len(chosen) >= 2:
            paths = [corr["inputs"][i] for i in chosen]
            matrix = np.asarray(corr["matrix"], dtype=float)[np.ix_(chosen, chosen)]
            columns = iman_conover(np.column_stack([draws[p] for p in paths]), matrix,
                                   streams["correlation"])
            for j, path in enumerate(paths):
                draws[path] = columns[:, j]
    for path, values in draws.items():
        draws[path] = clip_to_field(path, values)
    return draws


def clip_to_field(path: str, values: np.ndarray) -> np.ndarray:
    """Clip samples into the allowed range of a model input; round counts."""
    fld = schema.MODEL_FIELDS[path]
    low = fld.low if np.isfinite(fld.low) else -np.inf
    high = fld.high if np.isfinite(fld.high) else np.inf
    if fld.open_low:
        low = np.nextafter(low, np.inf) if low != 0 else 1e-9
    if fld.open_high:
        high = np.nextafter(high, -np.inf) if high != 1 else 1 - 1e-9
    values = np.clip(values, low, high)
    return np.rint(values) if fld.kind == "count" else values
