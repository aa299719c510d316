"""How the command line prints results: JSON for scripts, shared by every command."""

from __future__ import annotations

import json
from typing import Any


def print_json(data: Any) -> None:
    """Print ``data`` as indented JSON on stdout (UTF-8, keys in insertion order).

    Parameters
    ----------
    data : Any
        Plain data; numpy arrays and objects with ``to_dict()`` are converted.
    """
    print(json.dumps(data, indent=2, ensure_ascii=False, default=_json_default))


def _json_default(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return str(value)
