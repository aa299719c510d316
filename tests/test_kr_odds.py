"""Each key result's own odds: hand-computed cases, the direction table, Result, CLI, grader."""

from __future__ import annotations

import json

import pytest

from okrsim.errors import OkrsimError
from okrsim.grading import grade
from okrsim.plan import schema
from okrsim.sim import grade_key_results, key_result_odds, simulate
from tests.conftest import ARTICLE_PLAN
from tests.sim_helpers import fixed_model, make_plan

#: Standard error of a probability near 0.125 from 20,000 draws is 0.0023; allow three.
TOLERANCE = 0.007


def _plan(*key_results: dict):
    return make_plan(fixed_model(), key_results=list(key_results))


def _kr(kr_id: str, drives: str, target, forecast=None, text: str | None = None) -> dict:
    kr = {"id": kr_id, "text": text or f"Reach {target} on {drives} by December 2027",
          "drives": drives, "target": target}
    if forecast is not None:
        kr["forecast"] = forecast
    return kr


RAMP_4 = _kr("ramp-4", "ramp.months", 4, {"dist": "triangular", "low": 3, "mode": 5, "high": 7},
             text="Every seller hired in 2027 reaches full quota within 4 months of starting")


def test_a_triangular_ramp_meets_a_shorter_commitment_one_time_in_eight():
    # P(X <= 4) for triangular(3, 5, 7) = (4 - 3)^2 / ((7 - 3) (5 - 3)) = 1/8.
    odds = key_result_odds(_plan(RAMP_4), trials=20_000, seed=0)
    assert odds["ramp-4"] == pytest.approx(0.125, abs=TOLERANCE)


def test_a_higher_is_better_uniform_and_its_lower_is_better_mirror():
    plan = _plan(
        _kr("win", "drivers.win_rate_change", 0.05, {"dist": "uniform", "low": 0, "high": 0.2}),
        _kr("cycle", "drivers.sales_cycle_change", -0.05,
            {"dist": "uniform", "low": -0.2, "high": 0.0}),
    )
    odds = key_result_odds(plan, trials=20_000, seed=1)
    assert odds["win"] == pytest.approx(0.75, abs=0.01)   # P(X >= 0.05) on [0, 0.2]
    assert odds["cycle"] == pytest.approx(0.75, abs=0.01)  # P(X <= -0.05) on [-0.2, 0]


def test_a_fixed_forecast_meets_its_target_always_or_never():
    plan = _plan(
        _kr("faster", "ramp.months", 4, 3),
        _kr("slower", "ramp.months", 4, 5),
        _kr("exact", "hiring.count", 5, {"dist": "fixed", "value": 5}),
        _kr("short", "hiring.count", 5, {"dist": "fixed", "value": 4}),
    )
    assert key_result_odds(plan, trials=100) == {"faster": 1.0, "slower": 0.0, "exact": 1.0,
                                                 "short": 0.0}


def test_hires_are_counted_in_whole_sellers_as_the_simulator_does():
    # triangular(3, 4, 5) rounds to 5 when the draw is 4.5 or more: (5 - 4.5)^2 / (2 * 1) = 1/8.
    plan = _plan(_kr("hire-5", "hiring.count", 5,
                     {"dist": "triangular", "low": 3, "mode": 4, "high": 5}))
    assert key_result_odds(plan, seed=2)["hire-5"] == pytest.approx(0.125, abs=TOLERANCE)


def test_only_key_results_driving_a_number_with_target_and_forecast_have_odds():
    plan = _plan(RAMP_4, _kr("no-forecast", "hiring.count", 3),
                 {"id": "words", "text": "Run a sales kickoff by March 2027"})
    assert set(key_result_odds(plan, trials=100)) == {"ramp-4"}


def test_every_numeric_model_input_says_which_way_is_better():
    lower = {path for path, f in schema.MODEL_FIELDS.items() if f.better == schema.LOWER}
    assert lower == {"ramp.months", "hiring.delay_months", "hiring.washout", "attrition.annual",
                     "attrition.backfill_delay_months", "drivers.sales_cycle_change",
                     # costs: less is better for profit
                     "costs.seller_monthly_cost", "costs.hire_cost", "costs.other_costs"}
    for path, field in schema.MODEL_FIELDS.items():
        numeric = field.kind in ("number", "count")
        assert (field.better in (schema.HIGHER, schema.LOWER)) == numeric, path


def test_the_same_seed_gives_the_same_odds_and_another_seed_other_draws():
    plan = _plan(RAMP_4)
    assert key_result_odds(plan, seed=7) == key_result_odds(plan, seed=7)
    assert key_result_odds(plan, seed=7) != key_result_odds(plan, seed=8)


def test_odds_do_not_depend_on_the_other_key_results():
    alone = key_result_odds(_plan(RAMP_4), seed=3)
    with_more = key_result_odds(_plan(
        _kr("hire", "hiring.count", 2, {"dist": "uniform", "low": 0, "high": 4}), RAMP_4), seed=3)
    assert alone["ramp-4"] == with_more["ramp-4"]


@pytest.mark.parametrize("kwargs, words", [
    ({"trials": 0}, "trials must be"),
    ({"seed": -1}, "seed must be"),
    ({"plan": 42}, "plan must be"),
])
def test_bad_arguments_are_one_sentence(kwargs, words):
    with pytest.raises(OkrsimError, match=words):
        key_result_odds(**{"plan": _plan(RAMP_4), **kwargs})


def test_simulate_carries_the_odds_into_its_result_and_json():
    plan = _plan(RAMP_4)
    result = simulate(plan, trials=2_000, seed=5)
    assert result.key_result_odds == key_result_odds(plan, trials=2_000, seed=5)
    entry = result.to_dict()["key_results"]["ramp-4"]
    assert entry["drives"] == "ramp.months" and entry["target"] == 4
    assert entry["p_meets"] == result.key_result_odds["ramp-4"]
    json.dumps(result.to_dict())


def test_an_override_replaces_the_commitment_so_its_odds_are_left_out():
    result = simulate(_plan(RAMP_4), trials=500, overrides={"ramp.months": 6})
    assert result.key_results == {}


def test_simulate_text_prints_one_line_per_key_result(cli):
    code, out, _ = cli("simulate", str(ARTICLE_PLAN), "--trials", "1000")
    assert code == 0
    odds = key_result_odds(ARTICLE_PLAN, trials=1000)
    assert f"ramp-4  Ramp (months) ≤ 4: {odds['ramp-4']:.0%} of forecasts meet it" in out
    assert f"retain-92  Retention / year ≥ 92%: {odds['retain-92']:.0%} of forecasts meet it" in out
    assert "sellers-25  Hires ≥ 5:" in out and "hiring.count" not in out
    lines = [line for line in out.splitlines() if "of forecasts meet it" in line]
    assert len(lines) == len(odds)


def test_achievable_follows_the_feasibility_given_to_the_grader():
    text = RAMP_4["text"]
    verdicts = [grade(text, feasibility=p).criteria["achievable"].verdict for p in (0.9, 0.3, 0.1)]
    assert verdicts == ["met", "partial", "missing"]
    assert grade(text).criteria["achievable"].verdict not in ("met", "missing")


def test_grade_key_results_judges_achievable_from_the_plans_own_odds():
    plan = _plan(RAMP_4, _kr("ramp-6", "ramp.months", 6,
                             {"dist": "triangular", "low": 3, "mode": 5, "high": 7},
                             text="Every seller hired in 2027 reaches full quota within 6 "
                                  "months of starting"),
                 {"id": "kickoff", "text": "Run a sales kickoff by March 2027"})
    graded = grade_key_results(plan, trials=5_000)
    assert list(graded) == ["target", "ramp-4", "ramp-6", "kickoff"]
    assert graded["ramp-4"].criteria["achievable"].verdict == "missing"  # 12% < 20%
    assert graded["ramp-6"].criteria["achievable"].verdict == "met"      # 87.5% >= 50%
    plain = grade("Run a sales kickoff by March 2027", parent="Sell more in 2027")
    assert graded["kickoff"].criteria["achievable"] == plain.criteria["achievable"]
    with pytest.raises(OkrsimError):
        grade_key_results(plan, lang="fr")
