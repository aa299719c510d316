"""Bad finance input: one sentence naming the field and what is allowed, exit 2, no traceback."""

from __future__ import annotations

import copy

import pytest
import yaml

SEGMENTS = [
    {"name": "mid-market", "existing": 2, "monthly_quota": 1000,
     "hiring": {"count": 1, "months": [1]}},
    {"name": "enterprise", "existing": 1, "monthly_quota": 3000},
]
COSTS = {"seller_monthly_cost": 500, "hire_cost": 2000, "gross_margin": 0.8, "other_costs": 10}


def _plan(model: dict, key_results: list | None = None, actuals: dict | None = None) -> str:
    data = {
        "plan": "Finance test",
        "period": {"start": "2027-01", "months": 12},
        "objectives": [
            {"id": "company", "owner": "Company", "objective": "Grow revenue by 10% in 2027",
             "key_results": [{"id": "target", "text": "Grow revenue from 100 to 110 by December",
                              "drives": "target", "baseline": 100_000, "target": 110_000}]},
            {"id": "team", "owner": "Sales", "parent": "company",
             "objective": "Sell more in 2027", "key_results": key_results or []},
        ],
        "model": model,
    }
    if actuals is not None:
        data["actuals"] = actuals
    return yaml.safe_dump(data, sort_keys=False)


def _segments(**changes) -> dict:
    segments = copy.deepcopy(SEGMENTS)
    for index, item in changes.get("segment", {}).items():
        segments[index].update(item)
    model = {"basis": "bookings", "segments": segments}
    model.update(changes.get("model", {}))
    return model


def _single(**sections) -> dict:
    model = {"basis": "bookings", "reps": {"existing": 2, "monthly_quota": 1000}}
    model.update(sections)
    return model


KR_INTO = {"id": "ent", "text": "Hire 3 enterprise sellers by March 2027",
           "drives": "segments.smb.hiring.count", "target": 3}
STRETCH = {"id": "win", "text": "Raise the win rate by 10% by June 2027", "type": "aspirational",
           "drives": "drivers.win_rate_change", "target": 0.1}

BAD = {
    "segment without a name": (_segments(segment={0: {"name": None}}), None,
                               "segments #1.name must be a short name"),
    "duplicate segment name": (_segments(segment={1: {"name": "mid-market"}}), None,
                               "'mid-market' is used twice"),
    "path into a missing segment": (_segments(), [KR_INTO],
                                    "names the segment 'smb', which the model does not have"),
    "reps beside segments": (_segments(model={"reps": {"existing": 1}}), None,
                             "model.reps is not allowed with segments"),
    "three quarterly weights": (_single(seasonality={"quarterly": [1, 1, 2]}), None,
                                "seasonality.quarterly must be a list of 4 numbers"),
    "eleven monthly weights": (_single(seasonality={"monthly": [1] * 11}), None,
                               "seasonality.monthly must be a list of 12 numbers"),
    "negative weight": (_single(seasonality={"quarterly": [1, -1, 1, 1]}), None,
                        "weights must be 0 or more"),
    "gross margin above 1": (_single(costs=dict(COSTS, gross_margin=1.2)), None,
                             "model.costs.gross_margin must be a number from 0 to 1"),
    "negative seller cost": (_single(costs=dict(COSTS, seller_monthly_cost=-5)), None,
                             "model.costs.seller_monthly_cost must be a number from 0"),
    "negative segment cost": (_segments(segment={1: {"seller_monthly_cost": -1}}), None,
                              "'enterprise'.seller_monthly_cost must be a number from 0"),
    "aspirational without a baseline": (_single(), [STRETCH],
                                        "'win' is aspirational and needs a baseline"),
    "profit target that is not a number": (
        _single(costs=COSTS), [{"id": "p", "text": "Reach 1,000 profit by December 2027",
                                "drives": "profit", "target": "lots"}],
        "drives: profit needs target"),
    "unknown key result type": (
        _single(), [{"id": "k", "text": "Hire 3 sellers by March 2027", "type": "stretchy",
                     "drives": "hiring.count", "target": 3}],
        "type must be 'committed' or 'aspirational'"),
}


ACTUALS = {"through_month": 5, "booked": 1000, "roster": {"existing": 2, "hires": [1, 4]}}
BAD_ACTUALS = {
    "actuals past the period": (_single(), dict(ACTUALS, through_month=13),
                                "actuals.through_month must be a whole number from 1 to the "
                                "period's 12 months"),
    "roster start after through_month": (_single(),
                                         dict(ACTUALS, roster={"existing": 2, "hires": [1, 6]}),
                                         "whole numbers from 1 to through_month (5)"),
    "negative booked": (_single(), dict(ACTUALS, booked=-1), "actuals.booked must be a number"),
    "roster of a segment the model lacks": (
        _segments(), dict(ACTUALS, roster={"mid-market": {"existing": 1}, "smb": {"existing": 1}}),
        "actuals.roster must map each segment (mid-market, enterprise)"),
}


@pytest.mark.parametrize("name", BAD_ACTUALS)
def test_bad_actuals_exit_2_with_one_sentence(cli, write_plan, name):
    model, actuals, words = BAD_ACTUALS[name]
    code, out, err = cli("simulate", str(write_plan(_plan(model, actuals=actuals))))
    assert code == 2 and out == "", err
    assert words in err and "Traceback" not in err


@pytest.mark.parametrize("name", BAD)
def test_bad_finance_input_exits_2_with_one_sentence(cli, write_plan, name):
    model, key_results, words = BAD[name]
    path = write_plan(_plan(model, key_results))
    code, out, err = cli("simulate", str(path), "--trials", "10")
    assert code == 2 and out == "", err
    assert words in err and "Traceback" not in err
    assert err.startswith("okrsim: error: ")


def test_a_valid_finance_plan_runs(cli, write_plan):
    model = _segments(model={"costs": COSTS, "seasonality": {"quarterly": [1, 1, 1, 2]}})
    actuals = dict(ACTUALS, roster={"mid-market": {"existing": 2, "hires": [3]},
                                    "enterprise": {"existing": 1}})
    code, out, err = cli("simulate", str(write_plan(_plan(model, actuals=actuals))),
                         "--trials", "200")
    assert code == 0, err
    assert "mid-market" in out and "Profit on paper" in out
