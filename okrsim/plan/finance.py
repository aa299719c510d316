"""The finance extensions of a plan's ``model``: segments, the common market, seasonality.

All optional; a model without them is checked and simulated exactly as before. The contract is
the design's "Finance extensions"; choices it leaves open are written in ``docs/model.md``.

- ``segments``: a list of seller groups, each the single-group model of its own (``existing``,
  ``monthly_quota``, ``attainment``, ``hiring``, ``ramp``, optional ``attrition`` and
  ``seller_monthly_cost``). Key results reach them as ``segments.<name>.<path>``.
- ``market``: the factor common to every seller (``reps.market`` without segments).
- ``seasonality``: ``{quarterly: [4 weights]}`` or ``{monthly: [12 weights]}`` on calendar
  months, normalised to a mean of 1 over the year.
- ``costs``: the four inputs ``costs.*`` of :data:`okrsim.plan.schema.MODEL_FIELDS`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from okrsim.plan import schema
from okrsim.plan.checks import is_number
from okrsim.plan.problems import input_description, kind_of, problem

SEGMENTS_KEY, MARKET_KEY, SEASONALITY_KEY = "segments", "market", "seasonality"
EXTENSIONS = (SEGMENTS_KEY, MARKET_KEY, SEASONALITY_KEY)
#: Sections a plan with segments may not also have (each segment holds its own).
REPLACED_BY_SEGMENTS = ("reps", "hiring", "ramp")
#: A segment's own keys (besides ``name``) -> the model path each one stands for.
SEGMENT_FIELDS: dict[str, str] = {
    "existing": "reps.existing",
    "monthly_quota": "reps.monthly_quota",
    "attainment": "reps.attainment",
    "seller_monthly_cost": "costs.seller_monthly_cost",
}
#: Sections a segment may hold, with the same keys as the model's sections.
SEGMENT_SECTIONS = ("hiring", "ramp", "attrition")
REQUIRED_SEGMENT_KEYS = ("name", "existing", "monthly_quota")
SEASON_LENGTHS = {"quarterly": 4, "monthly": 12}
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,63}$")


def segment_paths() -> list[str]:
    """Model paths a segment may set: per-seller inputs, hiring, ramp, attrition, seller cost."""
    return [*SEGMENT_FIELDS.values(),
            *(p for p in schema.MODEL_FIELDS if p.split(".")[0] in SEGMENT_SECTIONS)]


def segment_key(path: str) -> str:
    """Where a model path is written inside a segment (``reps.existing`` -> ``existing``)."""
    for key, model_path in SEGMENT_FIELDS.items():
        if model_path == path:
            return key
    return path


def split_segment_path(drives: str) -> tuple[str, str] | None:
    """``segments.<name>.<key>`` -> (name, model path); ``None`` when not a segment path."""
    parts = drives.split(".")
    if len(parts) < 3 or parts[0] != SEGMENTS_KEY:
        return None
    key = ".".join(parts[2:])
    path = SEGMENT_FIELDS.get(key, key)
    if path not in segment_paths():
        return None
    return parts[1], path


def segment_names(model: Mapping[str, Any]) -> list[str]:
    """Names of the model's segments, in file order (empty without segments)."""
    segments = model.get(SEGMENTS_KEY) if isinstance(model, Mapping) else None
    if not isinstance(segments, list):
        return []
    return [s["name"] for s in segments if isinstance(s, Mapping) and "name" in s]


def segment_value(segment: Mapping[str, Any], model: Mapping[str, Any], path: str) -> Any:
    """A segment's value for ``path``: its own, else the model's (attrition, costs), else default.

    Hiring, ramp and the seller inputs never fall back to the model (with segments the model
    has none of them); attrition falls back to ``model.attrition`` and the seller cost to
    ``model.costs.seller_monthly_cost``.
    """
    own = schema.get_path(segment, segment_key(path))
    if own is not None:
        return own
    if path.split(".")[0] in ("attrition", "costs"):
        return schema.model_value(model, path)
    return schema.MODEL_FIELDS[path].default


def season_weights(spec: Any, start_month: int, months: int) -> list[float]:
    """Weight of each period month (1..months) from a valid seasonality section.

    Period month m falls in calendar month c = (start_month + m - 2) mod 12 + 1; weights are
    normalised to a mean of 1 over the 12 calendar months. Without seasonality every weight is 1.
    """
    if not spec:
        return [1.0] * months
    if "quarterly" in spec:
        calendar = [float(spec["quarterly"][(c - 1) // 3]) for c in range(1, 13)]
    else:
        calendar = [float(w) for w in spec["monthly"]]
    scale = 12 / sum(calendar)
    return [calendar[(start_month + m - 2) % 12] * scale for m in range(1, months + 1)]


def validate_seasonality(value: Any, where: str) -> list[str]:
    """Check ``{quarterly: [4 weights]}`` or ``{monthly: [12 weights]}``: numbers, 0 or more."""
    if not isinstance(value, Mapping) or len(value) != 1 or next(iter(value)) not in SEASON_LENGTHS:
        return [problem("finance.season_shape", where=where, value=f"{value!r:.80}")]
    kind, weights = next(iter(value.items()))
    n = SEASON_LENGTHS[kind]
    here = where + f".{kind}"
    if not isinstance(weights, list) or len(weights) != n or not all(map(is_number, weights)):
        unit = problem("word.quarter" if n == 4 else "word.calendar_month")
        return [problem("finance.season_length", where=here, n=n, unit=unit,
                        value=f"{weights!r:.80}")]
    if any(w < 0 for w in weights) or sum(weights) <= 0:
        return [problem("finance.season_weights", where=here, value=f"{weights!r:.80}")]
    return []


def validate_segment(item: Any, where: str, months: int | None) -> list[str]:
    """Check one segment: required keys, known keys, each value against its model input."""
    allowed = ", ".join(("name", *SEGMENT_FIELDS, *SEGMENT_SECTIONS))
    if not isinstance(item, Mapping):
        return [problem("loader.mapping_with", where=where, keys=allowed, kind=kind_of(item))]
    name = item.get("name")
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        return [problem("finance.segment_name", where=where, value=repr(name))]
    here = where + f" {name!r}"
    problems = [problem("finance.segment_needs", where=here, field=repr(key),
                        description=input_description(SEGMENT_FIELDS[key]))
                for key in REQUIRED_SEGMENT_KEYS[1:] if key not in item]
    for key, value in item.items():
        if key == "name":
            continue
        if key in SEGMENT_FIELDS:
            problems.extend(schema.validate_value(SEGMENT_FIELDS[key], value, here + f".{key}",
                                                  months))
        elif key in SEGMENT_SECTIONS:
            problems.extend(schema.validate_section(key, value, here, months))
        else:
            problems.append(problem("schema.unknown_key", where=here, field=repr(key),
                                    allowed=allowed))
    return problems


def validate_model_section(raw: Any, where: str, months: int | None = None) -> list[str]:
    """Check a plan's whole ``model`` section, finance extensions included.

    Parameters
    ----------
    raw : Any
        The parsed ``model`` mapping.
    where : str
        Location prefix, usually ``"<file>: model"``.
    months : int, optional
        Number of months of the plan's period.

    Returns
    -------
    list of str
        One sentence per problem, naming the field and what is allowed; empty when valid.
    """
    if not isinstance(raw, Mapping):
        return schema.validate_model(raw, where, months, EXTENSIONS)
    segments = raw.get(SEGMENTS_KEY)
    problems = schema.validate_model(raw, where, months, EXTENSIONS,
                                     sellers_required=segments is None)
    if segments is not None:
        if not isinstance(segments, list) or not segments:
            problems.append(problem("finance.segments_list", where=where))
        else:
            for section in REPLACED_BY_SEGMENTS:
                if section in raw:
                    problems.append(problem("finance.replaced", where=where, section=section))
            names: list[str] = []
            for index, item in enumerate(segments, start=1):
                problems.extend(validate_segment(item, where + f".segments #{index}", months))
                if isinstance(item, Mapping) and isinstance(item.get("name"), str):
                    if item["name"] in names:
                        problems.append(problem("finance.segment_twice", where=where,
                                                name=repr(item["name"])))
                    names.append(item["name"])
    if MARKET_KEY in raw:
        problems.extend(schema.validate_value("reps.market", raw[MARKET_KEY],
                                              where + ".market", months))
        if schema.get_path(raw, "reps.market") is not None:
            problems.append(problem("finance.market_twice", where=where))
    if SEASONALITY_KEY in raw:
        problems.extend(validate_seasonality(raw[SEASONALITY_KEY], where + ".seasonality"))
    return problems


ACTUALS_KEYS = ("through_month", "booked", "roster")
ROSTER_KEYS = ("existing", "hires")


def _whole(value: Any) -> bool:
    return is_number(value) and float(value) == int(value)


def validate_roster(value: Any, where: str, through_month: int) -> list[str]:
    """Check ``{existing: N, hires: [start month, ...]}``, start months from 1 to through_month."""
    if not isinstance(value, Mapping) or set(value) - set(ROSTER_KEYS) or "existing" not in value:
        return [problem("finance.roster_shape", where=where, value=f"{value!r:.80}")]
    problems = []
    if not _whole(value["existing"]) or value["existing"] < 0:
        problems.append(problem("finance.roster_existing", where=where,
                                value=repr(value["existing"])))
    hires = value.get("hires", [])
    if not isinstance(hires, list) or not all(_whole(m) and 1 <= m <= through_month
                                              for m in hires):
        problems.append(problem("finance.roster_hires", where=where, through=through_month,
                                value=f"{hires!r:.80}"))
    return problems


def validate_actuals(value: Any, where: str, months: int,
                     segments: list[str] | None = None) -> list[str]:
    """Check the ``actuals`` section of a re-forecast part-way through the period.

    Parameters
    ----------
    value : Any
        ``{through_month: k, booked: amount, roster: {...}}``; with segments ``roster`` maps
        each segment name to its roster.
    where : str
        Location prefix, usually ``"<file>: actuals"``.
    months : int
        Length of the plan's period (``through_month`` may not pass it).
    segments : list of str, optional
        The model's segment names, when it has segments.

    Returns
    -------
    list of str
        One sentence per problem, naming the field and what is allowed.
    """
    if not isinstance(value, Mapping) or set(value) != set(ACTUALS_KEYS):
        return [problem("finance.actuals_shape", where=where, keys=", ".join(ACTUALS_KEYS),
                        value=f"{value!r:.80}")]
    k = value["through_month"]
    if not _whole(k) or not 1 <= k <= months:
        return [problem("finance.through_month", where=where, months=months, value=repr(k))]
    k = int(k)
    problems = []
    if not is_number(value["booked"]) or value["booked"] < 0:
        problems.append(problem("finance.booked", where=where, month=k,
                                value=repr(value["booked"])))
    roster = value["roster"]
    if segments is None:
        return problems + validate_roster(roster, where + ".roster", k)
    if not isinstance(roster, Mapping) or set(roster) != set(segments):
        return problems + [problem("finance.roster_segments", where=where,
                                   segments=", ".join(segments), value=f"{roster!r:.80}")]
    for name in segments:
        problems.extend(validate_roster(roster[name], where + f".roster.{name}", k))
    return problems
