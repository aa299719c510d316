"""The built-in plan: the source article's revenue teams (``okrsim/data/default_plan.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from okrsim.plan.loader import Plan, loads_plan


@lru_cache(maxsize=1)
def _default_plan_text() -> str:
    return resources.files("okrsim").joinpath("data", "default_plan.yaml").read_text("utf-8")


def default_plan() -> Plan:
    """The built-in plan: the source article's revenue teams, calibrated to public benchmarks.

    Returns
    -------
    Plan
        A fresh, validated plan (callers may change it freely).
    """
    return loads_plan(_default_plan_text(), source="default_plan.yaml")
