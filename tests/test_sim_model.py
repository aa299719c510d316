"""The model's arithmetic against hand-computed plans, and its statistical behaviour."""

from __future__ import annotations

import numpy as np
import pytest

from okrsim.sim import default_plan, simulate
from okrsim.sim.engine import CHUNK
from okrsim.sim.model import (
    Bins,
    RampTable,
    leaving_months,
    monthly_hazard,
    planned_starts,
    ramp_fraction,
    spread_hires,
)
from tests.sim_helpers import fixed_model, make_plan


def _new_revenue(result) -> np.ndarray:
    return result.monthly_new[:, -1]


def test_linear_ramp_and_spread_hires_reproduce_the_arithmetic():
    # 2 existing x 12 months + hires 2, 2, 1 starting in months 1, 2, 3 with a 4-month ramp:
    # tenure 1..12 -> 0.25 + 0.5 + 0.75 + 9 = 10.5; 1..11 -> 9.5; 1..10 -> 8.5 quotas.
    plan = make_plan(fixed_model(hiring={"count": 5, "months": [1, 2, 3]}))
    result = simulate(plan, trials=50)
    expected = (2 * 12 + 2 * 10.5 + 2 * 9.5 + 8.5) * 1000
    assert np.allclose(_new_revenue(result), expected)
    assert result.on_paper_growth == pytest.approx(expected / 100_000 - 1)
    assert result.growth_summary["p10"] == pytest.approx(expected / 100_000 - 1)
    assert result.contributions["existing_reps"] == pytest.approx(24_000)
    assert result.contributions["new_hires"] == pytest.approx(48_500)
    assert result.contributions["backfills"] == 0
    assert result.p_target == 0 and result.p_target_se == 0 and not result.adds_up
    assert result.monthly_new[0, 0] == pytest.approx(2000 + 2 * 250)


def test_hiring_delay_shifts_starts_and_drops_starts_after_the_period():
    late = make_plan(fixed_model(reps={"existing": 0},
                                 hiring={"count": 1, "months": [11], "delay_months": 2}))
    assert np.allclose(_new_revenue(simulate(late, trials=10)), 0)
    shifted = make_plan(fixed_model(reps={"existing": 0},
                                    hiring={"count": 1, "months": [10], "delay_months": 1}))
    assert np.allclose(_new_revenue(simulate(shifted, trials=10)), (0.25 + 0.5) * 1000)


def test_drivers_multiply_every_rep_month():
    plan = make_plan(fixed_model(drivers={"deal_value_change": 0.2, "win_rate_change": 0.1,
                                          "sales_cycle_change": -0.1}))
    expected = 2 * 12 * 1000 * 1.2 * 1.1 / 0.9
    assert np.allclose(_new_revenue(simulate(plan, trials=10)), expected)


def test_arr_basis_adds_the_retained_base():
    model = fixed_model(basis="arr", retention={"gross_annual": 0.9, "expansion_annual": 0.05})
    result = simulate(make_plan(model, baseline=1_000_000, months=6), trials=10)
    expected = 1_000_000 * 0.95 ** 0.5 + 2 * 6 * 1000
    assert result.growth[0] == pytest.approx(expected / 1_000_000 - 1)
    assert result.contributions["retained_base"] == pytest.approx(1_000_000 * 0.95 ** 0.5)


def test_bookings_basis_ignores_retention():
    model = fixed_model(retention={"gross_annual": 0.5})
    assert simulate(make_plan(model), trials=5).growth[0] == pytest.approx(24_000 / 100_000 - 1)


def test_attrition_expected_value_matches_the_closed_form():
    annual = 0.3
    h = monthly_hazard(annual)
    plan = make_plan(fixed_model(reps={"existing": 10}, attrition={"annual": annual,
                                                                   "backfill": False}))
    result = simulate(plan, trials=20_000, seed=3)
    closed_form = 10 * 1000 * (1 - (1 - h) ** 12) / h
    new = _new_revenue(result)
    assert result.on_paper_growth == pytest.approx(closed_form / 100_000 - 1, rel=1e-12)
    assert new.mean() == pytest.approx(closed_form, abs=4 * new.std() / np.sqrt(len(new)))


def test_leaving_months_follow_one_bernoulli_draw_per_month():
    # One uniform per seller gives the month of leaving with the law of a monthly hazard h:
    # P(last month = first + k - 1) = (1 - h)^(k - 1) h.
    h = 0.2
    uniforms = np.random.default_rng(8).random(200_000)
    last = leaving_months(3.0, uniforms, np.log1p(-h))
    months_on_board = last - 3 + 1
    assert months_on_board.min() == 1
    for k in range(1, 8):
        p = (1 - h) ** (k - 1) * h
        share = np.mean(months_on_board == k)
        assert share == pytest.approx(p, abs=4 * np.sqrt(p * (1 - p) / len(uniforms)))
    # No hazard: nobody leaves, even for a uniform of exactly 0.
    for no_hazard in (0.0, -0.0):
        stays = leaving_months(1.0, np.array([0.0, 0.5]), np.array([no_hazard, no_hazard]))
        assert list(stays) == [np.inf, np.inf]
    # A uniform of 0 never leaves; just under 1 leaves after the first month.
    assert list(leaving_months(1.0, np.array([0.0, 1 - 1e-12]), np.log1p(-h))) == [np.inf, 1.0]


@pytest.mark.parametrize(("ramp_months", "second_trial"), [
    ((2.0, 4.0), [0.25, 0.5, 0.75, 1.0]),   # one ramp per trial
    ((2.0, 2.0), [0.5, 1.0, 1.0, 1.0]),     # the same ramp in every trial (shared table)
])
def test_bins_turn_start_and_last_months_into_monthly_production(ramp_months, second_trial):
    bins = Bins(n=2, months=4)
    # Trial 0: a ramped seller all period; a seller of attainment 2 in months 2..3 (tenure 1, 2).
    bins.add(np.array([0, 0]), np.array([0, 2]), np.array([4, 3]), np.array([1.0, 2.0]))
    # Trial 1: a seller starting in month 1 and staying.
    bins.add(np.array([1]), np.array([1]), np.array([4]), np.array([1.0]))
    ramps = RampTable(np.array(ramp_months), "linear", 4)
    monthly = bins.monthly(ramps)
    assert monthly[0] == pytest.approx([1.0, 1.0 + 2 * 0.5, 1.0 + 2 * 1.0, 1.0])
    assert monthly[1] == pytest.approx(second_trial)
    # Quota-months of the first 3 tenure months, per trial.
    assert ramps.produced(np.array([1]), np.array([3]))[0] == pytest.approx(sum(second_trial[:3]))


@pytest.mark.parametrize("sections", [
    {"attrition": {"annual": 0.35, "backfill": True, "backfill_delay_months": 2}},
    {"hiring": {"count": 4, "months": [1, 4], "washout": 0.3}, "ramp": {"months": 5}},
    {"hiring": {"count": 3, "months": [2], "washout": 0.2, "delay_months": 1},
     "attrition": {"annual": 0.25, "backfill": True, "backfill_delay_months": 1}},
])
def test_monte_carlo_mean_matches_the_expected_value_run(sections):
    plan = make_plan(fixed_model(**sections))
    result = simulate(plan, trials=20_000, seed=4)
    new = _new_revenue(result)
    on_paper = (result.on_paper_growth + 1) * 100_000
    assert new.mean() == pytest.approx(on_paper, abs=4 * new.std() / np.sqrt(len(new)) + 1e-6)


def test_backfills_replace_leavers():
    plan = make_plan(fixed_model(reps={"existing": 10},
                                 attrition={"annual": 0.5, "backfill": True}))
    result = simulate(plan, trials=2_000)
    assert result.contributions["backfills"] > 0
    assert result.on_paper_contributions["backfills"] > 0


def test_ramp_curves_reach_full_quota_at_month_r():
    tenure = np.arange(0, 9)
    for curve in ("linear", "step", "s-curve", [0.1, 0.3, 0.7, 1.0]):
        r = ramp_fraction(tenure, 4.0, curve)
        assert r[0] == 0 and np.all(np.diff(r) >= 0)
        assert np.all(r[4:] == 1.0) and r[3] < 1.0
    assert np.allclose(ramp_fraction(np.arange(1, 5), 4.0, [0.1, 0.3, 0.7, 1.0]),
                       [0.1, 0.3, 0.7, 1.0])
    assert np.allclose(ramp_fraction(np.arange(1, 5), 4.0, "linear"), [0.25, 0.5, 0.75, 1])


def test_hires_spread_evenly_earlier_months_first():
    assert spread_hires(5, [3, 1, 2]) == [1, 1, 2, 2, 3]
    assert spread_hires(2, [1, 2, 3]) == [1, 2]
    counts = np.array([0, 2, 5, 7])
    starts = planned_starts(counts, [1, 2, 3], 8, never=99)
    for row, count in zip(starts, counts, strict=True):
        assert list(row[:count]) == spread_hires(int(count), [1, 2, 3])
        assert (row[count:] == 99).all()


def test_same_seed_same_results_and_different_seed_different():
    a = simulate(trials=3_000, seed=11)
    b = simulate(trials=3_000, seed=11)
    c = simulate(trials=3_000, seed=12)
    assert np.array_equal(a.growth, b.growth) and a.to_dict() == b.to_dict()
    assert not np.array_equal(a.growth, c.growth)


def test_a_run_without_seed_stores_its_entropy_and_replays_exactly():
    fresh = simulate(trials=500, seed=None)
    assert isinstance(fresh.seed, int) and fresh.seed >= 0
    replay = simulate(trials=500, seed=fresh.seed)
    assert np.array_equal(fresh.growth, replay.growth)
    assert simulate(trials=500, seed=None).seed != fresh.seed


def test_chunks_keep_common_random_numbers():
    small = simulate(trials=CHUNK, seed=5)
    large = simulate(trials=CHUNK + 7, seed=5)
    assert np.array_equal(small.growth, large.growth[:CHUNK])
    assert len(large.growth) == CHUNK + 7


def test_default_plan_is_genuinely_uncertain_and_adds_up_on_paper():
    result = simulate(trials=20_000)
    assert 0.2 <= result.p_target <= 0.7
    assert result.adds_up and result.on_paper_growth > result.target_growth
    assert result.target_growth == pytest.approx(0.10)
    g = result.growth_summary
    assert g["p10"] < g["p50"] < g["p90"]
    assert result.monthly_new.shape == (20_000, 12)
    assert np.all(np.diff(result.monthly_new, axis=1) >= 0)
    parts = sum(result.contributions.values())
    assert parts == pytest.approx((g["mean"] + 1) * result.baseline, rel=1e-9)


def test_overrides_replace_key_result_target_and_forecast():
    base = simulate(trials=2_000)
    more = simulate(trials=2_000, overrides={"hiring.count": 9})
    assert (more.draws["hiring.count"] == 9).all()
    assert more.on_paper_growth > base.on_paper_growth
    assert more.p_target > base.p_target
    slower = simulate(trials=2_000, overrides={"ramp.months": {"dist": "uniform", "low": 8,
                                                                "high": 10}})
    assert slower.p_target < base.p_target


def test_correlation_section_pairs_the_draws():
    result = simulate(trials=20_000)
    from okrsim.sim.correlation import rank_correlation

    r = rank_correlation(result.draws["retention.gross_annual"],
                         result.draws["retention.expansion_annual"])
    assert r == pytest.approx(0.5, abs=0.05)
    plan = default_plan()
    assert plan.model["correlation"]["inputs"]


def test_result_exports():
    result = simulate(trials=500)
    data = result.to_dict()
    for key in ("trials", "seed", "target_growth", "on_paper_growth", "adds_up", "p_target",
                "p_target_se", "growth"):
        assert key in data
    assert set(data["growth"]) == {"mean", "p10", "p50", "p90"}
    frame = result.to_frame()
    assert len(frame) == 500 and {"growth", "hits_target", "new_hires"} <= set(frame.columns)
    assert frame["hits_target"].mean() == pytest.approx(result.p_target)
    gap = result.gap
    assert gap["revenue_per_extra_hire"] > 0
    assert gap["on_paper_revenue"] < 0  # the default plan adds up on paper
    assert gap["median_hires"] == pytest.approx(gap["median_revenue"]
                                                / gap["revenue_per_extra_hire"])
