"""Checks shared by every reader of user files: numbers, duplicate ids, parent cycles.

The plan loader, the plan schema, the cascade report and the exercise bank all ask the same
questions of what a user wrote; they ask them here, so the answer is the same everywhere.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any


def is_number(value: Any) -> bool:
    """Whether ``value`` is a finite int or float (``True`` / ``False`` are not numbers).

    Parameters
    ----------
    value : Any
        What a YAML or JSON reader produced.

    Returns
    -------
    bool
    """
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(float(value)))


def duplicates(ids: Iterable[str]) -> dict[str, int]:
    """Ids written more than once, with how many times, in order of first appearance.

    Parameters
    ----------
    ids : iterable of str

    Returns
    -------
    dict
        Id -> count, only for ids whose count is 2 or more.
    """
    return {key: n for key, n in Counter(ids).items() if n > 1}


def find_cycles(parent: Mapping[str, str | None]) -> list[list[str]]:
    """Return each cycle of parent links once, as a list of ids in link order.

    Parameters
    ----------
    parent : mapping
        Id -> id of its parent (``None`` for a root).

    Returns
    -------
    list of list of str
    """
    cycles: list[list[str]] = []
    done: set[str] = set()
    for start in parent:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in done and node not in path:
            path.append(node)
            node = parent[node]
        if node is not None and node in path:
            cycles.append(path[path.index(node):])
        done.update(path)
    return cycles
