"""From a plan (plus what-if overrides) to the model's inputs, on paper and for Monte Carlo.

Rules (see docs/DESIGN model semantics):

- A key result that ``drives`` a model path commits its ``target``: that value is used on paper.
- In Monte Carlo the same path takes the key result's ``forecast``; without a forecast, the value
  the ``model`` section gives that path; without that either, the key result's target.
- Every other input comes from the ``model`` section (or its documented default); on paper a
  distribution is taken at its central value (:func:`okrsim.sim.distributions.central`).
- An override replaces the path's value both on paper and in Monte Carlo (KR target and forecast).
- An aspirational key result counts on paper at ``baseline + 0.7 x (target - baseline)``, its
  baseline defaulting to the model's own value of the input.
- With ``model.segments`` each segment holds its own seller inputs (:class:`Segment`); key results
  reach them as ``segments.<name>.<path>``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from okrsim.errors import OkrsimError, PlanError
from okrsim.plan import Plan, default_plan, finance, load_plan, schema
from okrsim.plan.checks import is_number
from okrsim.plan.loader import ASPIRATIONAL_SHARE
from okrsim.plan.problems import kind_of, problem
from okrsim.sim.correlation import iman_conover
from okrsim.sim.distributions import central, is_uncertain, sample

PlanLike = Plan | str | Path | None


@dataclass(frozen=True)
class Actuals:
    """What is known part-way through the period (the plan's ``actuals``).

    Attributes
    ----------
    through_month : int
        Months 1..k are over.
    booked : float
        New revenue booked in months 1..k (the company's, all segments together).
    rosters : dict
        Group name (``""`` without segments) -> (sellers on board from before the period, start
        months of the period's hires still on board at the end of month k).
    """

    through_month: int
    booked: float
    rosters: dict[str, tuple[int, tuple[int, ...]]]

    def roster(self, name: str = "") -> tuple[int, tuple[int, ...]]:
        """The roster of one group."""
        return self.rosters[name]


@dataclass
class Segment:
    """One seller group: its own Monte Carlo and on-paper values of the segment inputs."""

    name: str
    values: dict[str, Any]
    paper: dict[str, Any]


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
    costs : bool
        Whether the plan has a ``costs`` section (then profit is simulated).
    profit_target : float or None
        The target of the ``drives: profit`` key result.
    season : tuple of float or None
        Weight of each period month (seasonality), ``None`` without seasonality.
    segments : tuple of Segment
        The seller groups; empty for a single group (``values`` then hold the sellers).
    stretch : dict
        Model path -> id of the aspirational key result that drives it.
    """

    values: dict[str, Any]
    paper: dict[str, Any]
    baseline: float
    target: float
    months: int
    correlation: dict[str, Any] | None = None
    driven: dict[str, str] = field(default_factory=dict)
    costs: bool = False
    profit_target: float | None = None
    season: tuple[float, ...] | None = None
    segments: tuple[Segment, ...] = ()
    stretch: dict[str, str] = field(default_factory=dict)
    actuals: Actuals | None = None

    def segment_inputs(self) -> list[tuple[str, Inputs]]:
        """Each segment as the single-group inputs it is: its own values over the common ones.

        Without segments, one unnamed group: ``[("", self)]``.
        """
        if not self.segments:
            return [("", self)]
        result = []
        for segment in self.segments:
            values = {**self.values, **segment.values}
            paper = {**self.paper, **segment.paper}
            actuals = self.actuals
            if actuals is not None:  # the segment's roster; booked is the company's, added once
                actuals = Actuals(actuals.through_month, 0.0,
                                  {"": actuals.roster(segment.name)})
            result.append((segment.name, replace(self, values=values, paper=paper,
                                                  segments=(), correlation=None,
                                                  actuals=actuals)))
        return result

    @property
    def target_growth(self) -> float:
        """Target growth: target / baseline - 1."""
        return self.target / self.baseline - 1

    def uncertain_paths(self) -> list[str]:
        """Inputs that move revenue and whose Monte Carlo value has spread, in table order.

        Costs are left out (they move profit, not growth); with segments each segment's own
        inputs are named ``segments.<name>.<path>``.
        """
        own = set(finance.segment_paths()) if self.segments else set()
        paths = [p for p in schema.MODEL_FIELDS
                 if p not in own and not p.startswith("costs.") and is_uncertain(self.values[p])]
        for segment in self.segments:
            paths.extend(f"{finance.SEGMENTS_KEY}.{segment.name}.{finance.segment_key(p)}"
                         for p in finance.segment_paths()
                         if not p.startswith("costs.") and is_uncertain(segment.values[p]))
        return paths

    def value_of(self, path: str) -> Any:
        """The Monte Carlo value of a model path or of ``segments.<name>.<path>``."""
        split = finance.split_segment_path(path)
        if split is not None:
            for segment in self.segments:
                if segment.name == split[0]:
                    return segment.values[split[1]]
        return self.values[path]

    def with_values(self, changes: Mapping[str, Any]) -> Inputs:
        """Return a copy where each path in ``changes`` is set (paper and Monte Carlo).

        A path ``segments.<name>.<path>`` sets that segment's input.
        """
        values, paper = dict(self.values), dict(self.paper)
        segments = {s.name: Segment(s.name, dict(s.values), dict(s.paper))
                    for s in self.segments}
        for path, value in changes.items():
            split = finance.split_segment_path(path)
            if split is not None and split[0] in segments:
                segments[split[0]].values[split[1]] = value
                segments[split[0]].paper[split[1]] = _paper_value(split[1], value)
                continue
            values[path] = value
            paper[path] = _paper_value(path, value)
        return replace(self, values=values, paper=paper, segments=tuple(segments.values()))


def as_plan(plan: PlanLike, lang: str = "en") -> Plan:
    """Return a :class:`Plan`: the given one, one loaded from a path, or the built-in default.

    Parameters
    ----------
    plan : Plan, str, Path or None
    lang : str, default "en"
        The language of a plan file's problems and of the built-in plan's texts.

    Returns
    -------
    Plan
    """
    if plan is None:
        return default_plan(lang)
    if isinstance(plan, Plan):
        return plan
    if isinstance(plan, (str, Path)):
        return load_plan(plan, lang=lang)
    raise OkrsimError(problem("simulator.plan_type", kind=kind_of(plan)).say(lang))


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
        model does not have, an aspirational key result with no baseline to start from, or an
        override that is not a valid value for its path.
    """
    where = plan.source
    if not plan.model:
        raise OkrsimError(problem("simulator.no_model", where=where))
    problems = finance.validate_model_section(plan.model, f"{where}: model", plan.months)
    if problems:
        raise PlanError(problems)
    target_kr = plan.target_key_result()
    if target_kr is None:
        raise OkrsimError(problem("simulator.no_target", where=where))
    if not isinstance(target_kr.target, (int, float)) or target_kr.baseline is None:
        raise OkrsimError(problem("simulator.target_numbers", where=where, id=repr(target_kr.id)))
    model = plan.model
    values: dict[str, Any] = {path: schema.model_value(model, path) for path in schema.MODEL_FIELDS}
    if finance.MARKET_KEY in model:
        values["reps.market"] = model[finance.MARKET_KEY]
    if finance.SEGMENTS_KEY in model:  # the segments hold these; the common group has none
        for path in finance.segment_paths():
            values[path] = schema.MODEL_FIELDS[path].default or 0
    segments = {
        seg["name"]: Segment(seg["name"], {p: finance.segment_value(seg, model, p)
                                           for p in finance.segment_paths()}, {})
        for seg in model.get(finance.SEGMENTS_KEY) or ()
    }
    groups: dict[str, dict[str, Any]] = {"": values}
    groups.update({name: seg.values for name, seg in segments.items()})
    papers = {name: {p: _paper_value(p, v) for p, v in group.items()}
              for name, group in groups.items()}
    driven: dict[str, str] = {}
    stretch: dict[str, str] = {}
    for _, kr in plan.key_results():
        if kr.drives is None or kr.drives in (schema.TARGET_PATH, schema.PROFIT_PATH):
            continue
        name, path = _driven_input(plan, kr.id, kr.drives, bool(segments))
        group = groups[name]
        driven[kr.drives] = kr.id
        before = group[path]
        if kr.forecast is not None:
            group[path] = kr.forecast
        elif not _model_has(model, name, path) and kr.target is not None:
            group[path] = kr.target
        if kr.target is not None:
            papers[name][path] = _paper_value(path, kr.target)
            if kr.aspirational:
                papers[name][path] = _stretch_value(plan, kr, path, before,
                                                    _model_has(model, name, path))
                stretch[kr.drives] = kr.id
    for name, seg in segments.items():
        seg.paper = papers[name]
    profit_kr = plan.profit_key_result()
    season = None
    if finance.SEASONALITY_KEY in model:
        season = tuple(finance.season_weights(model[finance.SEASONALITY_KEY],
                                              int(plan.start[5:7] or 1), plan.months))
    actuals = None
    if plan.actuals is not None:
        raw = plan.actuals
        rosters = raw["roster"] if segments else {"": raw["roster"]}
        actuals = Actuals(int(raw["through_month"]), float(raw["booked"]), {
            name: (int(r["existing"]), tuple(sorted(int(m) for m in r.get("hires", []))))
            for name, r in rosters.items()})
    inputs = Inputs(values, papers[""], float(target_kr.baseline), float(target_kr.target),
                    plan.months, model.get(schema.CORRELATION_KEY), driven,
                    costs="costs" in model,
                    profit_target=float(profit_kr.target) if profit_kr is not None else None,
                    season=season, segments=tuple(segments.values()), stretch=stretch,
                    actuals=actuals)
    if overrides:
        inputs = apply_overrides(inputs, overrides)
    return inputs


def _driven_input(plan: Plan, kr_id: str, drives: str, has_segments: bool) -> tuple[str, str]:
    """(segment name or "", model path) of the input a key result drives; refuses bad paths."""
    split = finance.split_segment_path(drives)
    if split is not None and split[0] in finance.segment_names(plan.model):
        return split
    if drives in schema.MODEL_FIELDS and not (has_segments and drives in finance.segment_paths()):
        return "", drives
    if drives in schema.MODEL_FIELDS:
        raise OkrsimError(problem("simulator.drives_segments", where=plan.source, id=repr(kr_id),
                                  drives=repr(drives), input=finance.segment_key(drives)))
    raise OkrsimError(problem("simulator.drives_unknown", where=plan.source, id=repr(kr_id),
                              drives=repr(drives), paths=", ".join(schema.model_paths())))


def _model_has(model: Mapping[str, Any], name: str, path: str) -> bool:
    """Whether the plan's model writes a value for ``path`` (in segment ``name`` if given)."""
    if not name:
        return schema.get_path(model, path) is not None
    for seg in model.get(finance.SEGMENTS_KEY) or ():
        if seg.get("name") == name:
            return schema.get_path(seg, finance.segment_key(path)) is not None
    return False


def _stretch_value(plan: Plan, kr: Any, path: str, model_value: Any, known: bool) -> Any:
    """On paper, an aspirational key result: baseline + 0.7 x (target - baseline), not rounded."""
    if not is_number(kr.target) or schema.MODEL_FIELDS[path].kind not in ("number", "count"):
        raise OkrsimError(problem("simulator.stretch_target", where=plan.source, id=repr(kr.id),
                                  value=repr(kr.target)))
    if kr.baseline is not None:
        baseline = float(kr.baseline)
    elif known:
        baseline = central(model_value)
    else:
        raise OkrsimError(problem("simulator.stretch_baseline", where=plan.source, id=repr(kr.id),
                                  path=path))
    return baseline + ASPIRATIONAL_SHARE * (float(kr.target) - baseline)


def apply_overrides(inputs: Inputs, overrides: Mapping[str, Any]) -> Inputs:
    """Validate what-if overrides ``{path: value}`` and return the changed inputs."""
    if not isinstance(overrides, Mapping):
        raise OkrsimError(problem("simulator.overrides_type", kind=kind_of(overrides)))
    changes: dict[str, Any] = {}
    target = inputs.target
    for path, value in overrides.items():
        if path == schema.TARGET_PATH:
            if not is_number(value) or not value > 0:
                raise OkrsimError(problem("simulator.override_target", value=repr(value)))
            target = float(value)
            continue
        split = finance.split_segment_path(path)
        if split is not None and split[0] in {s.name for s in inputs.segments}:
            field_path = split[1]
        elif path in schema.MODEL_FIELDS:
            field_path = path
        else:
            raise OkrsimError(problem("simulator.override_unknown", path=repr(path),
                                      paths=", ".join(schema.model_paths())))
        problems = schema.validate_value(field_path, value,
                                         problem("simulator.override", path=path), inputs.months)
        if problems:
            raise OkrsimError(problems[0])
        changes[path] = value
    changed = inputs.with_values(changes)
    changed.target = target
    return changed


def draw_trial_inputs(
    inputs: Inputs, n: int, streams: Mapping[str, np.random.Generator],
    shared: Mapping[str, np.ndarray] | None = None, only: Collection[str] | None = None,
) -> dict[str, np.ndarray]:
    """Draw the per-trial numeric inputs (everything but per-seller ones), correlated if asked.

    Paths in ``shared`` (draws already made, common to every segment) are taken as given; with
    ``only``, just those paths are drawn.

    Each path draws from its own stream so that changing one input leaves the others' draws
    unchanged (common random numbers). Samples are clipped into each input's allowed range and
    counts are rounded to whole numbers.

    Returns
    -------
    dict
        Path -> array of shape ``(n,)``.
    """
    draws: dict[str, np.ndarray] = {}
    shared = shared or {}
    for path, fld in schema.MODEL_FIELDS.items():
        if fld.kind not in ("number", "count") or path in schema.PER_SELLER_PATHS:
            continue
        if path not in shared and (only is None or path in only):
            draws[path] = sample(inputs.values[path], n, streams[path])
    corr = inputs.correlation
    if corr:
        chosen = [i for i, p in enumerate(corr["inputs"])
                  if p in draws and is_uncertain(inputs.values[p])]
        if len(chosen) >= 2:
            paths = [corr["inputs"][i] for i in chosen]
            matrix = np.asarray(corr["matrix"], dtype=float)[np.ix_(chosen, chosen)]
            columns = iman_conover(np.column_stack([draws[p] for p in paths]), matrix,
                                   streams["correlation"])
            for j, path in enumerate(paths):
                draws[path] = columns[:, j]
    for path, values in draws.items():
        draws[path] = clip_to_field(path, values)
    draws.update(shared)
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
