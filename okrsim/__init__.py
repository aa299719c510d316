"""okrsim: teach SMART OKRs to revenue teams and test whether their key results add up.

The public API (everything else is reached through its package: :mod:`okrsim.plan`,
:mod:`okrsim.grading`, :mod:`okrsim.cascade`, :mod:`okrsim.sim`, :mod:`okrsim.plots`,
:mod:`okrsim.exercises`, :mod:`okrsim.workshop`, :mod:`okrsim.widgets`):

- :func:`grade` -- SMART assessment of one objective or key result.
- :func:`load_plan`, :func:`loads_plan` -- read and validate a plan file or its text;
  :func:`check` -- the plan's cascade report; :func:`default_plan` -- the built-in plan.
- :func:`simulate` -- on-paper roll-up and Monte Carlo feasibility of a plan (:class:`Result`);
  :func:`solve` -- goal seek on one input; :func:`compare` -- scenarios side by side.
- :class:`OkrsimError`, :class:`PlanError` -- the kit's errors, each one plain sentence.

``import okrsim`` loads none of numpy, pandas, matplotlib or ipywidgets: the simulator's names
load them on first use, so ``okrsim grade`` and ``okrsim check`` start quickly.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("okrsim")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

from okrsim.cascade import check
from okrsim.errors import OkrsimError, PlanError
from okrsim.grading import grade
from okrsim.plan import default_plan, load_plan, loads_plan

#: The simulator's entry points, imported on first use (they load numpy and pandas).
_LAZY = {"simulate": "okrsim.sim", "solve": "okrsim.sim", "compare": "okrsim.sim",
         "Result": "okrsim.sim"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'okrsim' has no attribute {name!r}")


__all__ = [
    "OkrsimError",
    "PlanError",
    "Result",
    "__version__",
    "check",
    "compare",
    "default_plan",
    "grade",
    "load_plan",
    "loads_plan",
    "simulate",
    "solve",
]
