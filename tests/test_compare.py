"""``okrsim compare`` and ``okrsim.compare``: scenarios from a CSV file, with the same draws."""

from __future__ import annotations

import csv
import json

import pytest

from okrsim.errors import OkrsimError
from okrsim.plan import default_plan
from okrsim.sim import compare
from okrsim.sim.scenario_file import parse_cell, read_scenarios
from tests.conftest import ARTICLE_PLAN

SCENARIOS = """scenario,hiring.count,ramp.months
more hires,triangular(6,8,8),
slow ramp,,"triangular(6,8,10)"
fast ramp fixed,,3
"""


@pytest.fixture
def scenario_file(tmp_path):
    path = tmp_path / "scenarios.csv"
    path.write_text(SCENARIOS, encoding="utf-8")
    return path


def test_compare_orders_scenarios_in_their_known_direction(cli, scenario_file):
    code, out, err = cli("compare", str(ARTICLE_PLAN), "--scenarios", str(scenario_file),
                         "--trials", "2000", "--json")
    assert code == 0, err
    rows = {r["scenario"]: r for r in json.loads(out)}
    assert list(rows) == ["plan as written", "more hires", "slow ramp", "fast ramp fixed"]
    first = next(iter(rows.values()))
    assert list(first)[:5] == ["scenario", "on_paper_growth", "p_target", "p_target_se",
                               "growth_p50"]
    base = rows["plan as written"]["p_target"]
    assert rows["more hires"]["p_target"] > base > rows["slow ramp"]["p_target"]
    assert rows["more hires"]["on_paper_growth"] > rows["plan as written"]["on_paper_growth"]
    assert rows["fast ramp fixed"]["fixed_inputs"] == "ramp.months"
    assert rows["slow ramp"]["fixed_inputs"] == ""


def test_compare_text_says_when_a_scenario_fixes_an_input(cli, scenario_file, tmp_path):
    out_csv = tmp_path / "cmp.csv"
    code, out, _ = cli("compare", str(ARTICLE_PLAN), "--scenarios", str(scenario_file),
                       "--trials", "500", "--csv", str(out_csv))
    assert code == 0
    assert "'fast ramp fixed' fixes ramp.months at one value" in out
    with out_csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["scenario"] for r in rows][1] == "more hires"
    assert float(rows[1]["p_target"]) > 0


def test_compare_csv_keeps_hostile_scenario_names_as_text(cli, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text('scenario,ramp.months\n"=HYPERLINK(""http://x"",""y"")",5\n'
                    "@SUM(1+1),5\n", encoding="utf-8")
    out_csv = tmp_path / "cmp.csv"
    code, _, err = cli("compare", str(ARTICLE_PLAN), "--scenarios", str(path), "--trials",
                       "200", "--csv", str(out_csv))
    assert code == 0, err
    with out_csv.open(encoding="utf-8", newline="") as handle:
        names = [r["scenario"] for r in csv.DictReader(handle)]
    assert names[1:] == ['\'=HYPERLINK("http://x","y")', "'@SUM(1+1)"]


@pytest.mark.parametrize(("content", "message"), [
    ("", "is empty"),
    ("name,ramp.months\nx,3\n", "has no 'scenario' column"),
    ("scenario,ramp.month\nx,3\n", "column 'ramp.month' is not a model path"),
    ("scenario,ramp.months\nx,fast\n", "line 2 (scenario 'x'), column ramp.months: 'fast' is "
                                       "not a number"),
    ("scenario,ramp.months\nx,-3\n", "must be a number more than 0 to 36"),
    ("scenario,ramp.months\nx,3\nx,4\n", "scenario 'x' appears twice"),
    ("scenario,ramp.months\n,3\n", "the scenario has no name"),
    ("scenario,ramp.months\n", "has no scenario rows"),
    ("scenario,hiring.count\nx,triangular(1,2)\n", "hiring.count"),
])
def test_bad_scenario_files_are_refused_in_one_sentence(cli, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    code, _, err = cli("compare", str(ARTICLE_PLAN), "--scenarios", str(path), "--trials", "100")
    assert code == 2 and message in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_compare_needs_a_plan_and_a_scenario_file(cli, tmp_path):
    code, _, err = cli("compare", "--scenarios", str(tmp_path / "s.csv"))
    assert code == 2 and "required: PLAN.yaml" in err
    code, _, err = cli("compare", str(ARTICLE_PLAN), "--scenarios", str(tmp_path / "none.csv"))
    assert code == 2 and "none.csv does not exist" in err


def test_cells_read_numbers_percentages_and_distributions():
    assert parse_cell("7") == 7 and parse_cell("20%") == pytest.approx(0.2)
    assert parse_cell("40,200") == 40_200
    assert parse_cell("triangular(3, 5, 7)") == {"dist": "triangular", "low": 3, "mode": 5,
                                                 "high": 7}
    assert parse_cell("normal(mean=1, sd=0.1)") == {"dist": "normal", "mean": 1, "sd": 0.1}
    with pytest.raises(ValueError):
        parse_cell("gamma(1,2)")


def test_unquoted_distributions_are_read_whole(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("scenario,ramp.months,hiring.count\nx,triangular(3,5,7),6\n")
    assert read_scenarios(path) == {"x": {"ramp.months": {"dist": "triangular", "low": 3,
                                                          "mode": 5, "high": 7},
                                          "hiring.count": 6}}


def test_python_compare_refuses_overrides_without_a_plan():
    with pytest.raises(OkrsimError, match="no plan to apply it to"):
        compare({"7 hires": {"hiring.count": 7}}, trials=100)
    frame = compare({"7 hires": {"hiring.count": 7}}, trials=500, plan=default_plan())
    assert frame.loc["7 hires", "fixed_inputs"] == "hiring.count"


def test_shifted_scenarios_keep_the_forecast_range():
    from okrsim.sim.scenarios import shifted

    plan = default_plan()
    more = shifted(plan, {"hiring.count": 2, "ramp.months": -1})
    assert more["hiring.count"] == {"dist": "triangular", "low": 5, "mode": 7, "high": 7}
    assert more["ramp.months"]["mode"] == 4
    frame = compare({"plan": plan, "shifted": more, "fixed": {"hiring.count": 7}}, trials=2_000)
    assert frame.loc["shifted", "fixed_inputs"] == ""
    assert frame.loc["fixed", "fixed_inputs"] == "hiring.count"
    assert frame.loc["shifted", "p_target"] > frame.loc["plan", "p_target"]
    with pytest.raises(OkrsimError, match="cannot be shifted"):
        shifted(plan, {"ramp.curve": 1})
