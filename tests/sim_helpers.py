"""Build small plans for the simulator tests."""

from __future__ import annotations

from typing import Any

import yaml

from okrsim.plan import Plan, loads_plan


def make_plan(model: dict[str, Any], baseline: float = 100_000, target: float = 110_000,
              months: int = 12, key_results: list[dict[str, Any]] | None = None,
              start: str = "2027-01", actuals: dict[str, Any] | None = None) -> Plan:
    """A two-objective plan with a company target and the given model section."""
    data = {
        "plan": "Test plan",
        "period": {"start": start, "months": months},
        "objectives": [
            {"id": "company", "owner": "Company", "objective": "Grow revenue by 10% in 2027",
             "key_results": [{"id": "target", "text": "Grow revenue from 100 to 110 by December",
                              "drives": "target", "baseline": baseline, "target": target}]},
            {"id": "team", "owner": "Sales", "parent": "company",
             "objective": "Sell more in 2027", "key_results": key_results or []},
        ],
        "model": model,
    }
    if actuals is not None:
        data["actuals"] = actuals
    return loads_plan(yaml.safe_dump(data, sort_keys=False))


def fixed_model(**sections: dict[str, Any]) -> dict[str, Any]:
    """A model with no randomness except what the sections add (bookings basis by default)."""
    model: dict[str, Any] = {
        "basis": "bookings",
        "reps": {"existing": 2, "monthly_quota": 1000},
        "hiring": {"count": 0, "months": [1]},
        "ramp": {"months": 4, "curve": "linear"},
        "attrition": {"annual": 0.0},
    }
    for name, values in sections.items():
        if name == "basis":
            model["basis"] = values
        else:
            model.setdefault(name, {}).update(values)
    return model
