"""Monte Carlo feasibility engine: distributions, model, results, sensitivity and goal seek.

Public entry points: :func:`simulate`, :func:`default_plan`, :func:`sensitivity`, :func:`solve`,
:func:`compare`, :func:`reforecast`, :func:`checkin_table` and the :class:`Result` they return.
They are imported on first use, because :mod:`okrsim.plan` imports :mod:`okrsim.plan.schema`
and must not pull in the whole engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_PUBLIC = {
    "Result": "okrsim.sim.result",
    "simulate": "okrsim.sim.feasibility",
    "default_plan": "okrsim.plan",
    "Sensitivity": "okrsim.sim.sensitivity_analysis",
    "sensitivity": "okrsim.sim.sensitivity_analysis",
    "SolveResult": "okrsim.sim.goal_seek",
    "solve": "okrsim.sim.goal_seek",
    "compare": "okrsim.sim.scenarios",
    "KeyResultOdds": "okrsim.sim.kr_odds",
    "key_result_odds": "okrsim.sim.kr_odds",
    "grade_key_results": "okrsim.sim.kr_odds",
    "reforecast": "okrsim.sim.checkin",
    "checkin_table": "okrsim.sim.checkin",
    "WeekConfidence": "okrsim.sim.quarter_forecast",
    "weekly_confidence": "okrsim.sim.quarter_forecast",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'okrsim.sim' has no attribute {name!r}")
