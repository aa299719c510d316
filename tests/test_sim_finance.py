"""Finance extensions against hand arithmetic: segments, seasonality, costs and profit,
committed vs aspirational key results (zero-variance plans unless a test says otherwise)."""

from __future__ import annotations

import numpy as np
import pytest

from okrsim.errors import OkrsimError
from okrsim.sim import simulate
from okrsim.sim.engine import recognised_revenue
from okrsim.sim.model import monthly_hazard
from tests.sim_helpers import fixed_model, make_plan

PROFIT_KR = {"id": "profit", "text": "Reach 50,000 operating profit by December 2027",
             "drives": "profit", "target": 50_000}


def _segments_model(**extra):
    model = {
        "basis": "bookings",
        "market": 1.1,
        "attrition": {"annual": 0.0},
        "segments": [
            {"name": "mid-market", "existing": 2, "monthly_quota": 1000,
             "hiring": {"count": 0, "months": [1]}},
            {"name": "enterprise", "existing": 1, "monthly_quota": 3000,
             "hiring": {"count": 1, "months": [1]}, "ramp": {"months": 4, "curve": "linear"}},
        ],
    }
    model.update(extra)
    return model


def test_two_segments_add_up_under_one_market_factor():
    # mid-market: 2 x 12 x 1000; enterprise: 1 x 12 x 3000 plus a hire from month 1 with a
    # 4-month linear ramp (0.25 + 0.5 + 0.75 + 9 = 10.5 quotas); all x 1.1.
    result = simulate(make_plan(_segments_model()), trials=40)
    mid, enterprise = 24_000 * 1.1, (36_000 + 31_500) * 1.1
    assert np.allclose(result.monthly_new[:, -1], mid + enterprise)
    assert result.segments["mid-market"]["new_revenue"] == pytest.approx(mid)
    assert result.segments["enterprise"]["new_revenue"] == pytest.approx(enterprise)
    assert result.segments["enterprise"]["on_paper_new_revenue"] == pytest.approx(enterprise)
    assert result.on_paper_growth == pytest.approx((mid + enterprise) / 100_000 - 1)
    assert result.contributions["new_hires"] == pytest.approx(31_500 * 1.1)
    assert result.to_dict()["segments"]["enterprise"]["new_revenue"] == pytest.approx(enterprise)
    frame = result.to_frame()
    assert np.allclose(frame["new_revenue:mid-market"], mid)
    assert np.allclose(frame["new_revenue:enterprise"], enterprise)


def test_a_key_result_drives_one_segment():
    krs = [{"id": "ent-hires", "text": "Hire 3 enterprise sellers by March 2027",
            "drives": "segments.enterprise.hiring.count", "target": 3}]
    result = simulate(make_plan(_segments_model(), key_results=krs), trials=20)
    # Three enterprise hires from month 1 on paper; Monte Carlo keeps the model's one hire.
    assert result.segments["enterprise"]["on_paper_new_revenue"] == pytest.approx(
        (36_000 + 3 * 31_500) * 1.1)
    assert result.segments["enterprise"]["new_revenue"] == pytest.approx((36_000 + 31_500) * 1.1)


def test_segments_share_the_market_draw_and_keep_their_own_streams():
    model = _segments_model(market={"dist": "normal", "mean": 1.0, "sd": 0.1})
    result = simulate(make_plan(model), trials=2_000, seed=3)
    market = result.draws["reps.market"]
    # Zero variance besides the market: every trial's revenue is market x the fixed total.
    assert np.allclose(result.monthly_new[:, -1], market * (24_000 + 67_500))
    assert market.std() == pytest.approx(0.1, rel=0.1)


def test_quarterly_seasonality_over_a_period_crossing_the_year():
    # October to March: Q4 weight 1.3, Q1 weight 0.8 (mean of the four is 1, so no rescaling).
    model = fixed_model(hiring={"count": 1, "months": [1]})
    model["seasonality"] = {"quarterly": [0.8, 0.9, 1.0, 1.3]}
    result = simulate(make_plan(model, months=6, start="2027-10"), trials=20)
    existing = 2 * 1000 * (3 * 1.3 + 3 * 0.8)
    hire = 1000 * (1.3 * (0.25 + 0.5 + 0.75) + 0.8 * 3)
    assert result.contributions["existing_reps"] == pytest.approx(existing)
    assert result.contributions["new_hires"] == pytest.approx(hire)
    assert np.allclose(result.monthly_new[:, -1], existing + hire)
    assert result.on_paper_contributions["new_hires"] == pytest.approx(hire)
    assert result.monthly_new[0, 0] == pytest.approx(1.3 * (2000 + 250))


def test_monthly_seasonality_is_normalised_over_the_calendar_year():
    # Weights 1 except December 2: they sum to 13, so each is scaled by 12 / 13. November to
    # January: 1, 2, 1 before scaling.
    model = fixed_model()
    model["seasonality"] = {"monthly": [1] * 11 + [2]}
    result = simulate(make_plan(model, months=3, start="2027-11"), trials=10)
    assert np.allclose(result.monthly_new[:, -1], 2000 * 4 * 12 / 13)
    assert result.on_paper_monthly_new[-1] == pytest.approx(2000 * 4 * 12 / 13)


def _costs(**values):
    costs = {"seller_monthly_cost": 500, "hire_cost": 2_000, "gross_margin": 0.8,
             "other_costs": 10_000}
    costs.update(values)
    return costs


def test_profit_without_attrition_by_hand():
    # Bookings basis: revenue = bookings. 2 sellers x 12 months + a hire from month 4 (tenure
    # 1..9 with a 4-month ramp: 0.25 + 0.5 + 0.75 + 6 = 7.5 quotas): 31,500. Seller-months
    # 24 + 9 = 33, one start.
    model = fixed_model(hiring={"count": 1, "months": [4]}, costs=_costs())
    result = simulate(make_plan(model, key_results=[PROFIT_KR]), trials=30)
    profit = 0.8 * 31_500 - 500 * 33 - 2_000 * 1 - 10_000
    assert np.allclose(result.seller_months, 33) and np.allclose(result.starts, 1)
    assert np.allclose(result.profit, profit)
    assert result.on_paper_profit == pytest.approx(profit)
    assert result.p_profit == 0 and result.p_both == 0 and result.p_profit_se == 0
    data = result.to_dict()
    assert data["on_paper_profit"] == pytest.approx(profit)
    assert set(data["profit"]) == {"mean", "p10", "p50", "p90"}
    frame = result.to_frame()
    assert {"profit", "hits_profit", "hits_both", "seller_months", "starts"} <= set(frame)


def test_profit_on_the_arr_basis_recognises_the_monthly_run_rate():
    model = fixed_model(basis="arr", costs=_costs(hire_cost=0),
                        retention={"gross_annual": 0.9, "expansion_annual": 0.05})
    result = simulate(make_plan(model, baseline=1_000_000), trials=10)
    arr = [1_000_000 * 0.95 ** (m / 12) + 2000 * m for m in range(1, 13)]
    revenue = sum(arr) / 12
    assert np.allclose(result.revenue, revenue)
    assert result.on_paper_profit == pytest.approx(0.8 * revenue - 500 * 24 - 10_000)
    assert recognised_revenue("bookings", 1.0, 0.95, np.array([1.0, 3.0])) == 3.0
    # No churn, no expansion: the base is recognised in full, a twelfth a month.
    assert recognised_revenue("arr", 1200.0, 1.0, np.zeros(12)) == pytest.approx(1200.0)
    kept = np.array([0.8, 1.0, 1.1])
    by_month = [sum(1200 * k ** (m / 12) for m in range(1, 13)) / 12 for k in kept]
    assert np.allclose(recognised_revenue("arr", 1200.0, kept, np.zeros((3, 12))), by_month)


def test_profit_with_attrition_matches_the_closed_form():
    # One seller, no backfill, annual attrition 0.5: expected seller-months over 12 months is
    # sum (1 - h)^k for k = 0..11 = (1 - 0.5) / h; Monte Carlo agrees within its error.
    model = fixed_model(reps={"existing": 1}, attrition={"annual": 0.5, "backfill": False},
                        costs=_costs(hire_cost=0))
    result = simulate(make_plan(model, key_results=[PROFIT_KR]), trials=40_000, seed=4)
    h = monthly_hazard(0.5)
    months = 0.5 / h
    revenue = 1000 * months
    assert result.on_paper_profit == pytest.approx(0.8 * revenue - 500 * months - 10_000)
    sm = result.seller_months
    assert sm.mean() == pytest.approx(months, abs=4 * sm.std() / np.sqrt(len(sm)))
    # Every seller-month both sells a quota and costs one month's pay.
    assert np.allclose(result.profit, 0.8 * 1000 * sm - 500 * sm - 10_000)


def test_backfills_count_as_starts_and_cost_their_months():
    model = fixed_model(reps={"existing": 3}, hiring={"count": 2, "months": [2]},
                        attrition={"annual": 0.4, "backfill": True, "backfill_delay_months": 2},
                        costs=_costs())
    result = simulate(make_plan(model), trials=20_000, seed=5)
    people = 500 * result.seller_months + 2_000 * result.starts
    assert np.allclose(result.profit, 0.8 * result.monthly_new[:, -1] - people - 10_000)
    assert (result.starts >= 2).all() and result.starts.mean() > 2
    assert result.on_paper_profit == pytest.approx(result.profit.mean(), rel=0.02)


def test_aspirational_key_result_counts_at_seventy_percent_of_its_stretch():
    # Baseline 0 hires (the model's value), target 5: on paper 3.5 hires from month 1, each
    # 10.5 quotas; Monte Carlo keeps the model's 0.
    krs = [{"id": "hire-5", "text": "Hire 5 sellers by January 2027", "type": "aspirational",
            "drives": "hiring.count", "target": 5}]
    result = simulate(make_plan(fixed_model(), key_results=krs), trials=10)
    assert result.on_paper_contributions["new_hires"] == pytest.approx(3.5 * 10_500)
    assert result.contributions["new_hires"] == 0
    assert result.stretch == ["hire-5"]
    assert result.to_dict()["stretch_key_results"] == ["hire-5"]
    committed = [dict(krs[0], type="committed")]
    result = simulate(make_plan(fixed_model(), key_results=committed), trials=10)
    assert result.on_paper_contributions["new_hires"] == pytest.approx(5 * 10_500)


def test_aspirational_key_result_uses_its_own_baseline():
    krs = [{"id": "ramp-2", "text": "Bring new sellers to quota in 2 months by March 2027",
            "type": "aspirational", "drives": "ramp.months", "baseline": 6, "target": 2}]
    result = simulate(make_plan(fixed_model(hiring={"count": 1, "months": [1]}),
                                key_results=krs), trials=10)
    ramp = 6 + 0.7 * (2 - 6)  # 3.2 months, not rounded
    quotas = sum(min(1.0, k / ramp) for k in range(1, 13))
    assert result.on_paper_contributions["new_hires"] == pytest.approx(1000 * quotas)


def test_aspirational_key_result_without_a_baseline_the_model_lacks_is_refused():
    krs = [{"id": "win", "text": "Raise the win rate by 10% by June 2027",
            "type": "aspirational", "drives": "drivers.win_rate_change", "target": 0.1}]
    with pytest.raises(OkrsimError, match="aspirational and needs a baseline"):
        simulate(make_plan(fixed_model(), key_results=krs), trials=10)


def test_tradeoff_sweeps_hires_against_both_targets():
    model = fixed_model(reps={"existing": 2, "attainment": {"dist": "normal", "mean": 1,
                                                            "sd": 0.3}},
                        hiring={"count": 2, "months": [1]}, costs=_costs(seller_monthly_cost=900))
    kr = dict(PROFIT_KR, target=-5_000)
    result = simulate(make_plan(model, baseline=30_000, target=45_000, key_results=[kr]),
                      trials=4_000)
    rows = result.tradeoff([0, 2, 6])
    assert [r["value"] for r in rows] == [0, 2, 6]
    revenue = [r["p_target"] for r in rows]
    profit = [r["p_profit"] for r in rows]
    assert revenue[0] < revenue[1] < revenue[2]
    assert profit[0] > profit[2]  # each hire costs more than it sells while it ramps
    assert all(r["p_both"] <= min(r["p_target"], r["p_profit"]) for r in rows)
    assert rows[1]["p_target"] == result.p_target  # same seed: the plan's own run


def test_the_built_in_plan_has_a_genuinely_uncertain_profit_target():
    from okrsim import check
    from okrsim.sim import default_plan

    plan = default_plan()
    assert "profit-without-costs" not in {f.code for f in check(plan).findings}
    result = simulate(plan, trials=20_000)
    assert result.profit_target == 2_100_000
    # Revenue, profit and both: none is a foregone conclusion (each well inside 15-85%), and
    # both together are less likely than either.
    for p in (result.p_target, result.p_profit, result.p_both):
        assert 0.15 < p < 0.85
    assert result.p_both < min(result.p_target, result.p_profit)
    assert result.on_paper_profit > result.profit_target  # the commitments add up on paper
    rows = result.tradeoff([0, 5, 10], trials=4_000)
    assert rows[0]["p_target"] < rows[2]["p_target"] and rows[0]["p_profit"] > rows[2]["p_profit"]


def test_actuals_with_a_hire_the_plan_did_not_have():
    # Plan: hires in months 2 and 6. By the end of month 3, 5,000 is booked and the roster
    # has the two existing sellers and hires who started in months 2 and 3 (the second one is
    # not in the plan); the month-6 hire still starts as planned. From month 4 (4-month ramp):
    # existing 2 x 9 = 18 quotas; month-2 hire tenures 3..11 = 0.75 + 8 = 8.75; month-3 hire
    # tenures 2..10 = 0.5 + 0.75 + 7 = 8.25; month-6 hire tenures 1..7 = 1.5 + 4 = 5.5.
    model = fixed_model(hiring={"count": 2, "months": [2, 6]}, costs=_costs())
    actuals = {"through_month": 3, "booked": 5_000, "roster": {"existing": 2, "hires": [2, 3]}}
    result = simulate(make_plan(model, key_results=[PROFIT_KR], actuals=actuals), trials=20)
    new = 5_000 + 1000 * (18 + 8.75 + 8.25 + 5.5)
    assert np.allclose(result.monthly_new[:, -1], new)
    assert np.allclose(result.monthly_new[:, 0], 5_000 / 3)
    assert result.on_paper_growth == pytest.approx(new / 100_000 - 1)
    assert result.contributions["booked_to_date"] == 5_000
    # Seller-months: existing 24, hires from months 2, 3, 6: 11 + 10 + 7; three starts.
    assert np.allclose(result.seller_months, 52) and np.allclose(result.starts, 3)
    assert result.on_paper_profit == pytest.approx(0.8 * new - 500 * 52 - 2_000 * 3 - 10_000)
    assert np.allclose(result.profit, result.on_paper_profit)


def test_seasonality_after_the_actuals_is_not_renormalised():
    model = fixed_model()
    model["seasonality"] = {"quarterly": [1, 1, 1, 2]}  # scaled by 12 / 15: 0.8 and 1.6
    actuals = {"through_month": 3, "booked": 0, "roster": {"existing": 2}}
    result = simulate(make_plan(model, actuals=actuals), trials=10)
    assert np.allclose(result.monthly_new[:, -1], 2000 * (6 * 0.8 + 3 * 1.6))


def test_nobody_on_the_roster_leaves_before_the_months_to_come():
    model = fixed_model(attrition={"annual": 0.9, "backfill": False})
    actuals = {"through_month": 11, "booked": 20_000, "roster": {"existing": 5}}
    result = simulate(make_plan(model, actuals=actuals), trials=2_000)
    # Month 12 is the only one simulated: five sellers still on board at its start.
    assert np.allclose(result.monthly_new[:, -1], 20_000 + 5 * 1000)
    assert simulate(make_plan(fixed_model(attrition={"annual": 0.9, "backfill": False})),
                    trials=2_000).monthly_new[:, -1].mean() < 20_000


def test_checkin_table_reforecasts_the_same_plan_at_each_month():
    from okrsim.errors import PlanError
    from okrsim.sim import checkin_table, reforecast

    model = fixed_model(reps={"attainment": {"dist": "normal", "mean": 1.0, "sd": 0.3}})
    plan = make_plan(model, baseline=20_000, target=24_000)
    checkins = {0: None,
                6: {"through_month": 6, "booked": 6_000, "roster": {"existing": 2}},
                9: {"through_month": 9, "booked": 20_000, "roster": {"existing": 2}}}
    table = checkin_table(plan, checkins, trials=2_000)
    assert list(table["month"]) == [0, 6, 9] and list(table["sellers"])[1:] == [2, 2]
    # Half the year booked at half the pace: almost hopeless; 20,000 by month 9: nearly there.
    assert table["p_target"][1] < table["p_target"][0] < table["p_target"][2]
    assert table["p_profit"].isna().all()  # no costs, no profit odds
    with pytest.raises(PlanError, match="through_month"):
        reforecast(plan, dict(checkins[6], through_month=13))


def test_the_tornado_breaks_down_by_segment():
    from okrsim.plots import tornado
    from okrsim.sim import sensitivity
    from okrsim.sim.messages import input_description

    model = _segments_model(market={"dist": "normal", "mean": 1.0, "sd": 0.05})
    model["segments"][1]["ramp"]["months"] = {"dist": "triangular", "low": 2, "mode": 4,
                                              "high": 9}
    model["costs"] = _costs(gross_margin={"dist": "uniform", "low": 0.7, "high": 0.8})
    sens = sensitivity(make_plan(model), trials=1_000)
    # Costs move profit, not growth: they are not in the tornado of P(target).
    assert set(sens.table["input"]) == {"reps.market", "segments.enterprise.ramp.months"}
    assert input_description("segments.enterprise.ramp.months", "it").endswith("(enterprise)")
    assert tornado(sens, lang="it") is not None


def test_a_segment_key_result_has_its_own_odds():
    krs = [{"id": "ent-hires", "text": "Hire 3 enterprise sellers by March 2027",
            "drives": "segments.enterprise.hiring.count", "target": 3,
            "forecast": {"dist": "uniform", "low": 1, "high": 5}}]
    result = simulate(make_plan(_segments_model(), key_results=krs), trials=20_000)
    odds = result.key_results["ent-hires"]
    assert odds.drives == "segments.enterprise.hiring.count"
    # Whole hires from uniform(1, 5) rounded: 3, 4 or 5 meet 3 (P = 0.625).
    assert odds.p_meets == pytest.approx(0.625, abs=0.015)
