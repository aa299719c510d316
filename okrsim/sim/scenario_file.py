"""Scenarios from a CSV file: column ``scenario`` plus one column per dotted model path.

A cell holds a number (``7``, ``0.2``, ``20%``), a distribution written as a call
(``triangular(3, 5, 7)``, ``normal(mean=1, sd=0.1)``), or nothing (the plan's own value).
Every problem is refused in one sentence naming the file, the row and the column.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from okrsim.errors import OkrsimError
from okrsim.plan import schema
from okrsim.plan.problems import problem

#: The column holding each scenario's name.
NAME_COLUMN = "scenario"
_CALL = re.compile(r"^\s*([a-z]+)\s*\((.*)\)\s*$", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """A number written by a person (``"7"``, ``"0.2"``, ``"20%"``, ``"40,200"``), else None."""
    text = text.strip().replace("\u2212", "-")
    percent = text.endswith("%")
    if percent:
        text = text[:-1].strip()
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        return None
    value = value / 100 if percent else value
    return int(value) if value.is_integer() and not percent and "." not in text else value


def parse_cell(text: str) -> Any:
    """A scenario cell as a model value: a number or a distribution mapping.

    Parameters
    ----------
    text : str

    Returns
    -------
    float, int or dict

    Raises
    ------
    ValueError
        When the text is neither (the caller names the file, row and column).
    """
    number = parse_number(text)
    if number is not None:
        return number
    match = _CALL.match(text)
    if not match or match.group(1).lower() not in schema.DISTRIBUTIONS:
        raise ValueError(text)
    name = match.group(1).lower()
    required, optional = schema.DISTRIBUTIONS[name]
    value: dict[str, Any] = {"dist": name}
    parts = [p for p in (s.strip() for s in match.group(2).split(",")) if p]
    for i, part in enumerate(parts):
        key, _, raw = part.rpartition("=")
        key = key.strip() or (list((*required, *optional))[i] if i < len(required)
                              + len(optional) else "")
        number = parse_number(raw)
        if not key or number is None:
            raise ValueError(text)
        value[key] = number
    return value


def rejoin_calls(row: list[str]) -> list[str]:
    """Cells split at the commas of an unquoted ``triangular(3,5,7)``, joined back into one."""
    out: list[str] = []
    open_call = False
    for cell in row:
        if open_call:
            out[-1] += "," + cell
        else:
            out.append(cell)
        open_call = out[-1].count("(") > out[-1].count(")")
    return out


def read_scenarios(path: str | Path, months: int | None = None) -> dict[str, dict[str, Any]]:
    """Read a scenario file into ``{scenario name: {model path: value}}``.

    Parameters
    ----------
    path : str or Path
        The CSV file.
    months : int, optional
        The plan's number of months (bounds start months).

    Returns
    -------
    dict

    Raises
    ------
    OkrsimError
        For a missing or unreadable file, no ``scenario`` column, an unknown path, an empty or
        repeated scenario name, or a value that is not allowed for its path.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise OkrsimError(problem("scenarios.missing", path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise OkrsimError(problem("scenarios.unreadable", path=path, reason=exc)) from None
    rows = [rejoin_calls(r) for r in csv.reader(text.splitlines())]
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise OkrsimError(problem("scenarios.empty", path=path))
    header = [c.strip() for c in rows[0]]
    if NAME_COLUMN not in header:
        raise OkrsimError(problem("scenarios.no_name_column", path=path))
    allowed = (schema.TARGET_PATH, *schema.model_paths())
    for column in header:
        if column != NAME_COLUMN and column not in allowed:
            raise OkrsimError(problem("scenarios.unknown_column", path=path,
                                      column=repr(column), allowed=", ".join(allowed)))
    if len(set(header)) != len(header):
        raise OkrsimError(problem("scenarios.column_twice", path=path))
    if len(rows) < 2:
        raise OkrsimError(problem("scenarios.no_rows", path=path))
    scenarios: dict[str, dict[str, Any]] = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = dict(zip(header, [c.strip() for c in row], strict=False))
        line = problem("scenarios.line", path=path, number=number)
        if len(row) > len(header):
            raise OkrsimError(problem("scenarios.too_many_cells", where=line, cells=len(row),
                                      columns=len(header)))
        name = cells.get(NAME_COLUMN, "")
        if not name:
            raise OkrsimError(problem("scenarios.no_name", where=line))
        if name in scenarios:
            raise OkrsimError(problem("scenarios.name_twice", where=line, name=repr(name)))
        overrides = {}
        for column, cell in cells.items():
            if column == NAME_COLUMN or not cell:
                continue
            where = problem("scenarios.cell", where=line, name=repr(name), column=column)
            try:
                value = parse_cell(cell)
            except ValueError:
                raise OkrsimError(problem("scenarios.bad_cell", where=where, cell=repr(cell),
                                          example=problem("scenarios.example"))) from None
            problems = _check(column, value, where, months)
            if problems:
                raise OkrsimError(problems[0])
            overrides[column] = value
        scenarios[name] = overrides
    return scenarios


def _check(path: str, value: Any, where: str, months: int | None) -> list[str]:
    if path == schema.TARGET_PATH:
        if isinstance(value, (int, float)) and value > 0:
            return []
        return [problem("scenarios.target", where=where, value=repr(value))]
    return schema.validate_value(path, value, where, months)
