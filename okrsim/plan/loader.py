"""The plan file: one YAML document holding the OKR cascade and the revenue model.

``load_plan`` reads and validates a file and returns a typed :class:`Plan`. Every problem is one
plain sentence naming the file, the place (objective id, key result id, field) and what is allowed;
all problems of a file are collected and raised together as a :class:`~okrsim.errors.PlanError`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from okrsim.plan import schema
from okrsim.plan.checks import duplicates, is_number
from okrsim.plan.checks import find_cycles as parent_cycles
from okrsim.plan.finance import (
    SEGMENTS_KEY,
    segment_key,
    segment_names,
    segment_paths,
    split_segment_path,
    validate_actuals,
    validate_model_section,
)
from okrsim.plan.problems import Num, Said, kind_of, place, plan_error, problem

PLAN_KEYS = ("plan", "description", "period", "objectives", "model", "actuals")
PERIOD_KEYS = ("start", "months")
OBJECTIVE_KEYS = ("id", "owner", "objective", "parent", "key_results")
KEY_RESULT_KEYS = ("id", "text", "type", "drives", "baseline", "target", "forecast")
#: Kinds of key result: committed (the default) or aspirational (a stretch goal).
KEY_RESULT_TYPES = ("committed", "aspirational")
#: Share of the way from baseline to target an aspirational key result counts for on paper.
ASPIRATIONAL_SHARE = 0.7
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
MAX_FILE_BYTES = 2_000_000
MAX_TEXT_CHARS = 1_000


@dataclass(frozen=True)
class KeyResult:
    """A key result: a measurable statement, optionally linked to a model input.

    Attributes
    ----------
    id : str
        Unique id within the plan.
    text : str
        The key result as written.
    drives : str or None
        Dotted model path the key result commits to (``"hiring.count"``), or ``"target"`` for the
        company growth target.
    baseline : float or None
        Starting value; required with ``drives: target``.
    target : Any
        The committed value (a number, or a list for list-valued inputs).
    forecast : Any
        What may really happen: a number or a distribution mapping, used by Monte Carlo.
    type : {"committed", "aspirational"}
        A committed key result counts at its target on paper; an aspirational one (a stretch
        goal) at ``baseline + 0.7 x (target - baseline)``.
    """

    id: str
    text: str
    drives: str | None = None
    baseline: float | None = None
    target: Any = None
    forecast: Any = None
    type: str = "committed"

    @property
    def aspirational(self) -> bool:
        """Whether the key result is a stretch goal."""
        return self.type == "aspirational"


@dataclass(frozen=True)
class Objective:
    """An objective with its owner, its parent link and its key results."""

    id: str
    owner: str
    objective: str
    parent: str | None = None
    key_results: tuple[KeyResult, ...] = ()


@dataclass(frozen=True)
class Plan:
    """A validated plan: the OKR cascade plus the model section used by the simulator.

    Attributes
    ----------
    name : str
        Title of the plan.
    start : str
        First month of the period, ``"YYYY-MM"``.
    months : int
        Length of the period in months.
    objectives : tuple of Objective
        In file order.
    model : dict
        The ``model`` section as written (validated against :mod:`okrsim.plan.schema`).
    source : str
        Where the plan came from (a file name, or ``"<plan>"``), used in messages.
    description : str
        Optional free text.
    """

    name: str
    start: str
    months: int
    objectives: tuple[Objective, ...]
    model: dict[str, Any] = field(default_factory=dict)
    source: str = "<plan>"
    description: str = ""
    actuals: dict[str, Any] | None = None

    def objective(self, objective_id: str) -> Objective:
        """Return the objective with this id (``KeyError`` when absent)."""
        for obj in self.objectives:
            if obj.id == objective_id:
                return obj
        raise KeyError(objective_id)

    def key_results(self) -> list[tuple[Objective, KeyResult]]:
        """Return every (objective, key result) pair in file order."""
        return [(obj, kr) for obj in self.objectives for kr in obj.key_results]

    def target_key_result(self) -> KeyResult | None:
        """Return the key result with ``drives: target`` (the company growth target), if any."""
        for _, kr in self.key_results():
            if kr.drives == schema.TARGET_PATH:
                return kr
        return None

    def profit_key_result(self) -> KeyResult | None:
        """Return the key result with ``drives: profit`` (the profit target), if any."""
        for _, kr in self.key_results():
            if kr.drives == schema.PROFIT_PATH:
                return kr
        return None

    def children(self, objective_id: str | None) -> list[Objective]:
        """Return the objectives whose parent is ``objective_id`` (``None``: the roots)."""
        return [obj for obj in self.objectives if obj.parent == objective_id]

    def to_dict(self) -> dict[str, Any]:
        """Return the plan as plain data, in the file's own shape."""
        objectives = []
        for obj in self.objectives:
            item: dict[str, Any] = {"id": obj.id, "owner": obj.owner, "objective": obj.objective}
            if obj.parent is not None:
                item["parent"] = obj.parent
            item["key_results"] = [
                {k: v for k, v in vars(kr).items()
                 if v is not None and not (k == "type" and v == "committed")}
                for kr in obj.key_results
            ]
            objectives.append(item)
        data: dict[str, Any] = {
            "plan": self.name,
            "period": {"start": self.start, "months": self.months},
            "objectives": objectives,
        }
        if self.description:
            data["description"] = self.description
        if self.model:
            data["model"] = self.model
        if self.actuals is not None:
            data["actuals"] = self.actuals
        return data


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses a key written twice in one mapping."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if isinstance(key, (list, dict)):
            raise yaml.constructor.ConstructorError(
                None, None, problem("loader.yaml_key_not_word"), key_node.start_mark
            )
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, problem("loader.yaml_key_twice", field=repr(key)), key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def read_yaml(path: str | Path, lang: str = "en") -> Any:
    """Read one YAML document from a file, turning every failure into a :class:`PlanError`.

    Parameters
    ----------
    path : str or Path
        The file to read.
    lang : str, default "en"
        The language of the error's sentences.

    Returns
    -------
    Any
        The parsed document.
    """
    path = Path(path)
    name = str(path)
    if path.is_dir():
        raise plan_error([problem("loader.folder", name=name)], lang)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise plan_error([problem("loader.not_found", name=name)], lang) from None
    except OSError as exc:
        raise plan_error([problem("loader.unreadable", name=name, reason=exc.strerror or exc)],
                         lang) from None
    if len(raw) > MAX_FILE_BYTES:
        raise plan_error([problem("loader.too_big", name=name, size=Num(len(raw), ","),
                                  limit=Num(MAX_FILE_BYTES, ","))], lang)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise plan_error([problem("loader.not_utf8", name=name)], lang) from None
    return parse_yaml(text, name, lang)


def parse_yaml(text: str, source: str = "<plan>", lang: str = "en") -> Any:
    """Parse YAML text, reporting syntax errors with their line as a :class:`PlanError`."""
    if "\x00" in text:
        raise plan_error([problem("loader.nul", source=source)], lang)
    if not text.strip():
        raise plan_error([problem("loader.empty", source=source)], lang)
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = problem("loader.yaml_at", line=mark.line + 1, column=mark.column + 1) if mark else ""
        what = exc.problem or exc.context or problem("loader.yaml_invalid")
        raise plan_error([problem("loader.yaml_bad", source=source, at=at, problem=what)],
                         lang) from None
    except yaml.YAMLError as exc:
        raise plan_error([problem("loader.yaml_bad", source=source, at="", problem=exc)],
                         lang) from None


def load_plan(path: str | Path, *, strict: bool = True, lang: str = "en") -> Plan:
    """Read, validate and return the plan in a YAML file.

    Parameters
    ----------
    path : str or Path
        Path of the plan file.
    strict : bool, default True
        When true, duplicate ids and parent cycles are refused; when false they are kept so that
        :func:`okrsim.check` can report them as findings.
    lang : str, default "en"
        The language of the error's sentences (``"it"``: in Italian).

    Returns
    -------
    Plan

    Raises
    ------
    PlanError
        With one sentence per problem in ``lang``, naming the file, the place and what is
        allowed.

    Examples
    --------
    >>> plan = load_plan("exercises/plans/revenue_teams.yaml")  # doctest: +SKIP
    >>> plan.target_key_result().target  # doctest: +SKIP
    13200000
    """
    return parse_plan(read_yaml(path, lang), source=str(path), strict=strict, lang=lang)


def loads_plan(text: str, source: str = "<plan>", *, strict: bool = True,
               lang: str = "en") -> Plan:
    """Validate and return the plan held in a YAML string (see :func:`load_plan`)."""
    return parse_plan(parse_yaml(text, source, lang), source=source, strict=strict, lang=lang)


def parse_plan(data: Any, source: str = "<plan>", *, strict: bool = True,
               lang: str = "en") -> Plan:
    """Validate already-parsed plan data and return a :class:`Plan` (see :func:`load_plan`)."""
    problems: list[str] = []
    if not isinstance(data, Mapping):
        held = (problem("kind.a_list") if isinstance(data, list)
                else problem("kind.a_value", value=f"{data!r:.40}"))
        raise plan_error([problem("loader.not_mapping", source=source, kind=held,
                                  keys=", ".join(PLAN_KEYS))], lang)
    _unknown_keys(data, PLAN_KEYS, f"{source}", problems)
    name = _text(data.get("plan"), f"{source}: plan", problems, required=True)
    description = _text(data.get("description"), f"{source}: description", problems) or ""
    start, months = _period(data.get("period"), source, problems)
    objectives = _objectives(data.get("objectives"), source, months, problems)
    model = data.get("model")
    if model is None:
        model = {}
    else:
        problems.extend(validate_model_section(model, f"{source}: model", months))
    actuals = data.get("actuals")
    if actuals is not None and not problems:
        problems.extend(validate_actuals(actuals, f"{source}: actuals", months,
                                         segment_names(model) if SEGMENTS_KEY in model else None))
    if not problems:
        problems.extend(_segment_paths(objectives, model, source, months))
    if strict and not problems:
        problems.extend(structural_problems(objectives, source))
    if problems:
        raise plan_error(problems, lang)
    return Plan(
        name=name or "",
        start=start,
        months=months,
        objectives=tuple(objectives),
        model=dict(model),
        source=source,
        description=description,
        actuals=dict(actuals) if actuals is not None else None,
    )


def structural_problems(
    objectives: list[Objective] | tuple[Objective, ...], source: str
) -> list[str]:
    """Return sentences for duplicate ids and parent cycles, the defects no plan can work with."""
    problems = []
    for oid in duplicates(obj.id for obj in objectives):
        problems.append(problem("loader.objective_twice", source=source, id=repr(oid)))
    for kid in duplicates(kr.id for obj in objectives for kr in obj.key_results):
        problems.append(problem("loader.key_result_twice", source=source, id=repr(kid)))
    for cycle in find_cycles(objectives):
        path = " -> ".join([*cycle, cycle[0]])
        problems.append(problem("loader.cycle", source=source, path=path))
    return problems


def _segment_paths(objectives: list[Objective], model: Mapping[str, Any], source: str,
                   months: int) -> list[str]:
    """Key results that drive ``segments.<name>.<path>``: the segment exists, values fit."""
    problems = []
    names = segment_names(model)
    for obj in objectives:
        for kr in obj.key_results:
            if kr.drives is None or not kr.drives.startswith(SEGMENTS_KEY + "."):
                continue
            at = place("place.key_result", id=repr(kr.id),
                       where=place("place.objective", source=source, id=repr(obj.id)))
            here = at + ": drives"
            split = split_segment_path(kr.drives)
            if split is None:
                problems.append(problem("loader.segment_not_input", where=here,
                                        drives=repr(kr.drives),
                                        inputs=", ".join(map(segment_key, segment_paths()))))
                continue
            name, path = split
            if name not in names:
                have = ", ".join(names) if names else problem("word.no_segments")
                problems.append(problem("loader.segment_unknown", where=here,
                                        drives=repr(kr.drives), name=repr(name), have=have))
                continue
            for key in ("target", "forecast"):
                value = getattr(kr, key)
                if value is not None:
                    problems.extend(schema.validate_value(path, value, at + f": {key}", months))
    return problems


def find_cycles(objectives: list[Objective] | tuple[Objective, ...]) -> list[list[str]]:
    """Return each cycle of parent links once, as a list of objective ids."""
    return parent_cycles({obj.id: obj.parent for obj in objectives})


def _unknown_keys(data: Mapping, allowed: tuple[str, ...], where: str, problems: list[str]) -> None:
    for key in data:
        if key not in allowed:
            problems.append(problem("loader.unknown_key", where=where, field=repr(key),
                                    allowed=", ".join(allowed)))


def _text(value: Any, where: str, problems: list[str], required: bool = False) -> str | None:
    if value is None:
        if required:
            problems.append(problem("loader.text_missing", where=where))
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        problems.append(problem("loader.text_type", where=where, kind=kind_of(value)))
        return None
    text = str(value).strip()
    if required and not text:
        problems.append(problem("loader.text_empty", where=where))
    if len(text) > MAX_TEXT_CHARS:
        problems.append(problem("loader.text_long", where=where, length=Num(len(text), ","),
                                limit=Num(MAX_TEXT_CHARS, ",")))
    return text


def _period(value: Any, source: str, problems: list[str]) -> tuple[str, int]:
    where = f"{source}: period"
    if value is None:
        problems.append(problem("loader.period_missing", where=where))
        return "", 12
    if not isinstance(value, Mapping):
        problems.append(problem("loader.period_type", where=where, kind=kind_of(value)))
        return "", 12
    _unknown_keys(value, PERIOD_KEYS, where, problems)
    start = value.get("start")
    if isinstance(start, (dt.date, dt.datetime)):
        start = f"{start.year:04d}-{start.month:02d}"
    if not isinstance(start, str) or not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", start.strip()):
        problems.append(problem("loader.start_bad", where=where, value=repr(start)))
        start = ""
    months = value.get("months")
    if not _is_whole(months) or not 1 <= months <= 60:
        problems.append(problem("loader.months_bad", where=where, value=repr(months)))
        months = 12
    return str(start).strip(), int(months)


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_id(value: Any, where: str, problems: list[str]) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        problems.append(problem("loader.id_bad", where=where, value=repr(value)))
        return None
    return value


def _objectives(value: Any, source: str, months: int, problems: list[str]) -> list[Objective]:
    where = f"{source}: objectives"
    if value is None:
        problems.append(problem("loader.objectives_missing", where=where))
        return []
    if not isinstance(value, list):
        problems.append(problem("loader.objectives_type", where=where, kind=kind_of(value)))
        return []
    if not value:
        problems.append(problem("loader.objectives_empty", where=where))
    result = []
    for index, item in enumerate(value, start=1):
        label = f"{where} #{index}"
        if not isinstance(item, Mapping):
            problems.append(problem("loader.mapping_with", where=label,
                                    keys=", ".join(OBJECTIVE_KEYS), kind=kind_of(item)))
            continue
        oid = _check_id(item.get("id"), f"{label}: id", problems)
        here: Said | str = (place("place.objective", source=source, id=repr(oid)) if oid
                            else label)
        _unknown_keys(item, OBJECTIVE_KEYS, here, problems)
        owner = _text(item.get("owner"), here + ": owner", problems, required=True)
        statement = _text(item.get("objective"), here + ": objective", problems, required=True)
        parent = item.get("parent")
        if parent is not None:
            parent = _check_id(parent, here + ": parent", problems)
        krs = _key_results(item.get("key_results"), here, months, problems)
        if oid is not None:
            result.append(Objective(oid, owner or "", statement or "", parent, tuple(krs)))
    return result


def _key_results(value: Any, where: Said | str, months: int,
                 problems: list[str]) -> list[KeyResult]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(problem("loader.key_results_type", where=where, kind=kind_of(value)))
        return []
    result = []
    for index, item in enumerate(value, start=1):
        label = place("place.key_result_number", where=where, index=index)
        if not isinstance(item, Mapping):
            problems.append(problem("loader.mapping_with", where=label,
                                    keys=", ".join(KEY_RESULT_KEYS), kind=kind_of(item)))
            continue
        kid = _check_id(item.get("id"), label + ": id", problems)
        here = place("place.key_result", where=where, id=repr(kid)) if kid else label
        _unknown_keys(item, KEY_RESULT_KEYS, here, problems)
        text = _text(item.get("text"), here + ": text", problems, required=True)
        kr = _key_result_numbers(item, kid, text, here, months, problems)
        if kr is not None:
            result.append(kr)
    return result


def _key_result_numbers(
    item: Mapping, kid: str | None, text: str | None, here: Said, months: int, problems: list[str]
) -> KeyResult | None:
    drives = item.get("drives")
    baseline = item.get("baseline")
    target = item.get("target")
    forecast = item.get("forecast")
    kind = item.get("type", "committed")
    if kind not in KEY_RESULT_TYPES:
        problems.append(problem("loader.type_bad", where=here, value=repr(kind)))
        kind = "committed"
    if baseline is not None and not is_number(baseline):
        problems.append(problem("loader.must_be_number", where=here, field="baseline",
                                value=repr(baseline)))
    if drives is None:
        if target is not None and not is_number(target):
            problems.append(problem("loader.must_be_number", where=here, field="target",
                                    value=repr(target)))
        if forecast is not None:
            problems.append(problem("loader.forecast_needs_drives", where=here))
    elif not isinstance(drives, str):
        problems.append(problem("loader.drives_type", where=here, value=repr(drives)))
    elif drives == schema.TARGET_PATH:
        for key, value in (("baseline", baseline), ("target", target)):
            if is_number(value) and value <= 0:
                problems.append(problem("loader.company_positive", where=here, field=key,
                                        value=repr(value)))
        if is_number(target) and is_number(baseline) and baseline > 0 and target / baseline > 100:
            problems.append(problem("loader.target_units", where=here))
        if forecast is not None:
            problems.append(problem("loader.company_no_forecast", where=here))
    elif drives == schema.PROFIT_PATH:
        if not is_number(target):
            problems.append(problem("loader.profit_target", where=here, value=repr(target)))
        if forecast is not None:
            problems.append(problem("loader.profit_no_forecast", where=here))
        if kind == "aspirational":
            problems.append(problem("loader.profit_aspirational", where=here))
    elif drives in schema.MODEL_FIELDS:
        if target is not None:
            problems.extend(schema.validate_value(drives, target, here + ": target", months))
            if isinstance(target, Mapping):
                problems.append(problem("loader.target_single", where=here))
        if forecast is not None:
            problems.extend(schema.validate_value(drives, forecast, here + ": forecast", months))
    # An unknown drives path is a cascade finding (okrsim.check), not a load error.
    if kid is None or text is None:
        return None
    return KeyResult(
        id=kid,
        text=text,
        drives=drives if isinstance(drives, str) else None,
        baseline=float(baseline) if is_number(baseline) else None,
        target=target,
        forecast=forecast,
        type=kind,
    )
