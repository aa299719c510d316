"""okrsim: teach SMART OKRs to revenue teams and test whether their key results add up.

The public API:

- :func:`grade` -- SMART assessment of one objective or key result.
- :func:`load_plan` -- read and validate a plan file; :func:`check` -- its cascade report.
- :func:`simulate` -- on-paper roll-up and Monte Carlo feasibility of a plan (:class:`Result`);
  :func:`default_plan` -- the built-in plan; :func:`solve` -- goal seek on one input.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("okrsim")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

from okrsim.cascade import CascadeReport, Finding, check
from okrsim.errors import OkrsimError, PlanError
from okrsim.exercises import Exercise, ExerciseResult, load_bank
from okrsim.grading import Assessment, grade
from okrsim.journal import Journal, JournalError
from okrsim.plan import KeyResult, Objective, Plan, load_plan, loads_plan, parse_plan

#: The simulator's entry points load numpy and pandas; they are imported on first use so that
#: ``okrsim grade`` and ``okrsim check`` start quickly.
_LAZY = {"simulate": "okrsim.sim", "default_plan": "okrsim.sim", "solve": "okrsim.sim",
         "Result": "okrsim.sim"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'okrsim' has no attribute {name!r}")

__all__ = [
    "Assessment",
    "CascadeReport",
    "Exercise",
    "ExerciseResult",
    "Finding",
    "Journal",
    "JournalError",
    "KeyResult",
    "Objective",
    "OkrsimError",
    "Plan",
    "PlanError",
    "Result",
    "__version__",
    "check",
    "default_plan",
    "grade",
    "load_bank",
    "load_plan",
    "loads_plan",
    "parse_plan",
    "simulate",
    "solve",
]
