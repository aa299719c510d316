"""The plan file: loading, validation, the model schema and the Objective / KeyResult / Plan types.

The plan layer sits below the grader, the cascade check and the simulator: it imports only
:mod:`okrsim.errors` (and, for messages, :mod:`okrsim.i18n`), so reading a plan never loads numpy.
"""

from __future__ import annotations

from okrsim.plan import schema
from okrsim.plan.default import default_plan
from okrsim.plan.limits import MAX_KEY_RESULTS, MIN_KEY_RESULTS
from okrsim.plan.loader import (
    KeyResult,
    Objective,
    Plan,
    find_cycles,
    load_plan,
    loads_plan,
    parse_plan,
    parse_yaml,
    read_yaml,
    structural_problems,
)

__all__ = [
    "MAX_KEY_RESULTS",
    "MIN_KEY_RESULTS",
    "KeyResult",
    "Objective",
    "Plan",
    "default_plan",
    "find_cycles",
    "load_plan",
    "loads_plan",
    "parse_plan",
    "parse_yaml",
    "read_yaml",
    "schema",
    "structural_problems",
]
