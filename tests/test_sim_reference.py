"""The vectorised engine agrees with the benchmark's plain per-trial Python loop of the model."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from okrsim.sim.engine import run
from okrsim.sim.inputs import resolve_inputs
from tests.conftest import ROOT
from tests.sim_helpers import make_plan


def _bench():
    spec = importlib.util.spec_from_file_location("bench_sim", ROOT / "benchmarks" / "bench_sim.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vectorised_mean_matches_the_reference_loop():
    model = {
        "basis": "arr",
        "reps": {"existing": 4, "monthly_quota": 1000,
                 "attainment": {"dist": "normal", "mean": 0.9, "sd": 0.3, "low": 0},
                 "market": {"dist": "normal", "mean": 1.0, "sd": 0.1}},
        "hiring": {"count": {"dist": "triangular", "low": 1, "mode": 3, "high": 4},
                   "months": [1, 3], "delay_months": {"dist": "uniform", "low": 0, "high": 2},
                   "washout": 0.25},
        "ramp": {"months": {"dist": "triangular", "low": 2, "mode": 4, "high": 6}},
        "attrition": {"annual": 0.4, "backfill": True,
                      "backfill_delay_months": {"dist": "uniform", "low": 1, "high": 3}},
        "drivers": {"deal_value_change": {"dist": "uniform", "low": 0, "high": 0.2}},
        "retention": {"gross_annual": {"dist": "triangular", "low": 0.85, "mode": 0.9,
                                       "high": 0.95}},
    }
    inputs = resolve_inputs(make_plan(model, baseline=100_000, target=110_000))
    reference = _bench().reference_growth(inputs, 3_000, seed=1)
    engine = run(inputs, 20_000, seed=2).growth
    se = np.sqrt(reference.var() / len(reference) + engine.var() / len(engine))
    assert engine.mean() == pytest.approx(reference.mean(), abs=4 * se)
    assert engine.std() == pytest.approx(reference.std(), rel=0.1)


def test_segments_seasonality_and_profit_match_the_reference_loop():
    model = {
        "basis": "arr",
        "market": {"dist": "normal", "mean": 1.0, "sd": 0.1},
        "seasonality": {"quarterly": [0.8, 0.9, 1.0, 1.3]},
        "attrition": {"annual": 0.3, "backfill": True, "backfill_delay_months": 2},
        "drivers": {"win_rate_change": {"dist": "uniform", "low": -0.05, "high": 0.1}},
        "retention": {"gross_annual": 0.9, "expansion_annual": 0.04},
        "costs": {"seller_monthly_cost": 900, "hire_cost": {"dist": "uniform", "low": 1000,
                                                            "high": 3000},
                  "gross_margin": {"dist": "triangular", "low": 0.7, "mode": 0.78, "high": 0.8},
                  "other_costs": 20_000},
        "segments": [
            {"name": "enterprise", "existing": 2, "monthly_quota": 2500,
             "attainment": {"dist": "normal", "mean": 0.9, "sd": 0.3, "low": 0},
             "hiring": {"count": 2, "months": [1, 4], "washout": 0.2,
                        "delay_months": {"dist": "uniform", "low": 0, "high": 2}},
             "ramp": {"months": 6}, "seller_monthly_cost": 1400,
             "attrition": {"annual": 0.2, "backfill": False}},
            {"name": "mid-market", "existing": 4, "monthly_quota": 1000,
             "attainment": {"dist": "normal", "mean": 1.0, "sd": 0.3, "low": 0},
             "hiring": {"count": {"dist": "triangular", "low": 1, "mode": 3, "high": 4},
                        "months": [2, 3]},
             "ramp": {"months": {"dist": "triangular", "low": 2, "mode": 3, "high": 5}}},
        ],
    }
    # The period starts in July and crosses the year.
    inputs = resolve_inputs(make_plan(model, baseline=200_000, target=230_000, start="2027-07"))
    reference = _bench().reference_outcomes(inputs, 3_000, seed=1)
    result = run(inputs, 20_000, seed=2)
    for column, engine in ((0, result.growth), (1, result.profit)):
        ref = reference[:, column]
        se = np.sqrt(ref.var() / len(ref) + engine.var() / len(engine))
        assert engine.mean() == pytest.approx(ref.mean(), abs=4 * se)
        assert engine.std() == pytest.approx(ref.std(), rel=0.1)
