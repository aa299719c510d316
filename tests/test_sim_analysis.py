"""Sensitivity, goal seek and scenario comparison."""

from __future__ import annotations

import pytest

from okrsim.errors import OkrsimError
from okrsim.sim import compare, default_plan, sensitivity, simulate, solve
from tests.sim_helpers import fixed_model, make_plan


def test_sensitivity_ranks_inputs_and_uses_common_random_numbers():
    calls = []
    sens = sensitivity(trials=2_000, progress=calls.append)
    table = sens.table
    assert list(table.columns[:3]) == ["input", "description", "low_value"]
    assert table["swing"].is_monotonic_decreasing
    assert calls[-1] == 1.0 and len(calls) == len(table)
    row = table.set_index("input").loc["ramp.months"]
    assert row["low_value"] < row["high_value"] and row["p_low"] >= row["p_high"]
    row = table.set_index("input").loc["reps.market"]
    assert row["p_high"] > sens.base.p_target > row["p_low"] and row["rank_correlation"] > 0
    assert sens.base.p_target == simulate(trials=2_000).p_target
    assert sens.to_dict()["inputs"][0]["input"] == table.iloc[0]["input"]


def test_solve_hires_is_the_smallest_count_reaching_the_probability():
    found = solve(None, "hiring.count", 0.6, trials=2_000)
    assert found.reachable and found.direction == "increasing"
    assert found.p_target >= 0.6
    below = simulate(trials=2_000, overrides={"hiring.count": found.value - 1})
    assert below.p_target < 0.6
    assert f"at least {found.value}" in found.message


def test_solve_ramp_is_the_longest_ramp_reaching_the_probability():
    found = solve(None, "ramp.months", 0.45, trials=2_000)
    assert found.reachable and found.direction == "decreasing"
    assert simulate(trials=2_000, overrides={"ramp.months": found.value}).p_target >= 0.45
    assert simulate(trials=2_000, overrides={"ramp.months": found.value + 0.2}).p_target < 0.45


def test_solve_on_a_deterministic_plan_and_unreachable_goals():
    plan = make_plan(fixed_model(reps={"existing": 0}, hiring={"count": 1, "months": [1]},
                                 ramp={"months": 1}), target=36_000)
    # Bookings basis: each hire from month 1 books 12 x 1,000, so 3 hires reach 36,000.
    found = solve(plan, "hiring.count", 0.5, trials=10)
    assert found.value == 3 and found.p_target == 1.0
    nothing = solve(plan, "hiring.washout", 0.5, trials=10)
    assert not nothing.reachable and nothing.value is None and "not reachable" in nothing.message


def test_compare_scenarios_side_by_side():
    frame = compare({"plan": default_plan(), "7 hires": {"hiring.count": 7},
                     "slow ramp": {"ramp.months": 7}}, trials=2_000)
    assert list(frame.index) == ["plan", "7 hires", "slow ramp"]
    assert frame.loc["7 hires", "p_target"] > frame.loc["plan", "p_target"]
    assert frame.loc["slow ramp", "p_target"] < frame.loc["plan", "p_target"]
    assert frame.loc["plan", "p_target"] == simulate(trials=2_000).p_target
    with pytest.raises(OkrsimError, match="non-empty"):
        compare({})
    with pytest.raises(OkrsimError, match="scenario"):
        compare({"x": 3})
