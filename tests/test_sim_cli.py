"""``okrsim simulate`` and ``okrsim solve``: outputs, files, exit codes and bad input."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import yaml

from okrsim.errors import OkrsimError
from okrsim.sim import simulate, solve
from tests.conftest import ARTICLE_PLAN
from tests.sim_helpers import fixed_model, make_plan


def _plan_text(model=None, key_results=None, with_target=True, **changes) -> str:
    plan = make_plan(model or fixed_model(), key_results=key_results).to_dict()
    if not with_target:
        plan["objectives"][0]["key_results"][0].pop("drives")
    if model is False:
        plan.pop("model")
    for path, value in changes.items():
        node = plan["model"]
        *parents, last = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return yaml.safe_dump(plan, sort_keys=False, allow_unicode=True)


def test_simulate_json_has_the_contract(cli):
    code, out, err = cli("simulate", "--trials", "2000", "--json")
    assert code == 0, err
    data = json.loads(out)
    for key in ("trials", "seed", "target_growth", "on_paper_growth", "adds_up", "p_target",
                "p_target_se", "growth"):
        assert key in data
    assert data["trials"] == 2000 and data["seed"] == 0
    assert set(data["growth"]) >= {"mean", "p10", "p50", "p90"}
    assert data == json.loads(cli("simulate", "--trials", "2000", "--json")[1])


def test_simulate_text_plot_and_csv(cli, tmp_path):
    png, csv = tmp_path / "fig.png", tmp_path / "trials.csv"
    code, out, _ = cli("simulate", str(ARTICLE_PLAN), "--trials", "1500", "--seed", "3",
                       "--plot", str(png), "--csv", str(csv))
    assert code == 0
    assert "P(target)" in out and "On paper" in out
    assert png.read_bytes()[:4] == b"\x89PNG"
    frame = pd.read_csv(csv, comment="#")
    assert len(frame) == 1500 and "growth" in frame.columns


def test_simulate_sensitivity_reports_a_tornado(cli):
    code, out, err = cli("simulate", "--trials", "500", "--sensitivity", "--json")
    assert code == 0
    rows = json.loads(out)["sensitivity"]["inputs"]
    assert {r["input"] for r in rows} >= {"ramp.months", "hiring.count", "reps.market"}
    assert "sensitivity: 100%" in err


def test_solve_finds_hires_and_reports_unreachable(cli):
    code, out, err = cli("solve", str(ARTICLE_PLAN), "--for", "hiring.count", "--probability",
                         "0.6", "--trials", "1000", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["reachable"] and data["direction"] == "increasing"
    assert data["p_target"] >= 0.6 and isinstance(data["value"], int)
    assert "100%" in err
    code, out, _ = cli("solve", str(ARTICLE_PLAN), "--for", "hiring.washout", "--probability",
                       "0.999", "--trials", "500")
    assert code == 1 and "not reachable" in out


BAD_PLANS = {
    "negative count": ({"reps.existing": -1}, "reps.existing"),
    "zero ramp months": ({"ramp.months": 0}, "ramp.months"),
    "zero start month": ({"hiring.months": [0]}, "hiring.months"),
    "retention above 1": ({"retention.gross_annual": 1.2}, "retention.gross_annual"),
    "unknown distribution": ({"reps.attainment": {"dist": "gamma", "k": 2}}, "dist"),
    "triangular low > mode": ({"ramp.months": {"dist": "triangular", "low": 5, "mode": 4,
                                               "high": 6}}, "low <= mode <= high"),
    "bad correlation": ({"correlation": {"inputs": ["reps.market", "ramp.months"],
                                         "matrix": [[1, 2], [2, 1]]}}, "correlation"),
    "per-seller correlation": ({"correlation": {"inputs": ["reps.market", "reps.attainment"],
                                                "matrix": [[1, 0], [0, 1]]}}, "cannot be"),
}


@pytest.mark.parametrize("name", BAD_PLANS)
def test_bad_model_values_exit_2_with_one_sentence(cli, write_plan, name):
    changes, words = BAD_PLANS[name]
    path = write_plan(_plan_text(**{k: v for k, v in changes.items()}))
    code, out, err = cli("simulate", str(path), "--trials", "10")
    assert code == 2 and out == ""
    assert words in err and "Traceback" not in err
    assert err.startswith("okrsim: error: ")


def test_unknown_drives_path_loads_but_simulate_refuses(cli, write_plan):
    kr = [{"id": "x", "text": "Lift the magic number from 1 to 2 by June", "drives":
           "reps.magic", "target": 2}]
    path = write_plan(_plan_text(key_results=kr))
    assert cli("check", str(path))[0] == 1  # a finding, not an invalid file
    code, _, err = cli("simulate", str(path))
    assert code == 2 and "reps.magic" in err and "Traceback" not in err


def test_plan_without_model_or_target_exits_2(cli, write_plan):
    code, _, err = cli("simulate", str(write_plan(_plan_text(model=False))))
    assert code == 2 and "'model'" in err
    code, _, err = cli("simulate", str(write_plan(_plan_text(with_target=False), "b.yaml")))
    assert code == 2 and "drives: target" in err


@pytest.mark.parametrize(("args", "words"), [
    (("simulate", "--trials", "0"), "--trials"),
    (("simulate", "--trials", "-5"), "--trials"),
    (("simulate", "--trials", "many"), "--trials"),
    (("simulate", "--seed", "x"), "--seed"),
    (("simulate", "--plot", "figure.bmp", "--trials", "10"), ".png"),
    (("simulate", "missing.yaml"), "does not exist"),
    (("solve", str(ARTICLE_PLAN), "--for", "hiring.count", "--probability", "1.5"),
     "--probability"),
    (("solve", str(ARTICLE_PLAN), "--for", "hiring.count", "--probability", "0"),
     "--probability"),
    (("solve", str(ARTICLE_PLAN), "--for", "hiring.count", "--probability", "high"),
     "--probability"),
    (("solve", str(ARTICLE_PLAN), "--for", "ramp.curve", "--probability", "0.8"),
     "numeric model input"),
    (("solve", str(ARTICLE_PLAN), "--for", "nothing", "--probability", "0.8"),
     "numeric model input"),
])
def test_bad_arguments_exit_2(cli, args, words):
    code, out, err = cli(*args)
    assert code == 2 and words in err and "Traceback" not in err


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"trials": 0}, "trials"),
    ({"trials": "100"}, "trials"),
    ({"trials": True}, "trials"),
    ({"seed": -1}, "seed"),
    ({"overrides": {"reps.magic": 1}}, "not a model input"),
    ({"overrides": {"hiring.count": -2}}, "hiring.count"),
    ({"overrides": {"retention.gross_annual": 1.5}}, "retention.gross_annual"),
    ({"overrides": {"ramp.months": {"dist": "weird"}}}, "dist"),
    ({"overrides": {"target": 0}}, "target"),
    ({"plan": 42}, "plan must be"),
])
def test_bad_python_arguments_raise_one_sentence(kwargs, words):
    with pytest.raises(OkrsimError, match=words):
        simulate(**{"trials": 10, **kwargs})


@pytest.mark.parametrize("probability", [0, 1, -0.1, 2, float("nan"), "0.8", None])
def test_solve_refuses_probabilities_outside_0_1(probability):
    with pytest.raises(OkrsimError, match="probability"):
        solve(None, "hiring.count", probability, trials=10)


def test_simulate_writes_a_workbook_and_every_chart(cli, tmp_path):
    from openpyxl import load_workbook

    book, charts = tmp_path / "plan.xlsx", tmp_path / "charts"
    code, _, err = cli("simulate", "--trials", "800", "--sensitivity", "--xlsx", str(book),
                       "--plot-dir", str(charts))
    assert code == 0, err
    assert load_workbook(book).sheetnames == ["Summary", "Inputs", "Monthly", "Trials"]
    names = sorted(p.name for p in charts.iterdir())
    assert names == ["fan_chart.png", "growth_histogram.png", "tornado.png", "waterfall.png"]
    assert all(p.read_bytes()[:4] == b"\x89PNG" for p in charts.iterdir())


@pytest.mark.parametrize(("args", "message"), [
    (("--xlsx", "out.csv"), "must end in .xlsx"),
    (("--xlsx", "missing/out.xlsx"), "cannot be written"),
    (("--plot-dir", "afile"), "is a file; --plot-dir needs a folder"),
])
def test_simulate_refuses_bad_output_files_in_one_sentence(cli, tmp_path, monkeypatch, args,
                                                          message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("x")
    code, out, err = cli("simulate", "--trials", "100", *args)
    assert code == 2 and message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_report_command_writes_the_page(cli, tmp_path):
    page = tmp_path / "cfo.html"
    code, out, err = cli("report", str(ARTICLE_PLAN), "--out", str(page), "--trials", "1000",
                         "--lang", "it")
    assert code == 0, err
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and 'lang="it"' in text
    assert "anni simulati" in text and str(page) in out


@pytest.mark.parametrize(("args", "message"), [
    (("--out", "r.html", "--lang", "fr"), "invalid choice: 'fr'"),
    (("--out", "r.txt"), "must end in .html"),
    (("--out", "r.html", "--trials", "0"), "--trials must be a whole number"),
    (("missing.yaml", "--out", "r.html"), "missing.yaml"),
    ((), "the following arguments are required: --out"),
])
def test_report_refuses_bad_input_in_one_sentence(cli, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("report", *args)
    assert code == 2 and message in err, err
    assert "Traceback" not in err


def test_solve_for_target_is_the_growth_percentile_it_implies(cli):
    import numpy as np

    code, out, err = cli("solve", str(ARTICLE_PLAN), "--for", "target", "--probability", "0.8",
                         "--trials", "2000", "--seed", "4", "--json")
    assert code == 0, err
    data = json.loads(out)
    growth = simulate(ARTICLE_PLAN, trials=2000, seed=4).growth
    assert data["value"] == pytest.approx(np.percentile(growth, 20, method="higher"))
    assert np.mean(growth >= data["value"]) >= 0.8
    assert np.mean(growth > data["value"]) < 0.8  # nothing higher is reached as often
    assert data["target_value"] == pytest.approx(12_000_000 * (1 + data["value"]))
    assert data["reachable"] is True and data["path"] == "target"


def test_solve_answers_in_peoples_numbers_never_scientific_notation():
    found = solve(ARTICLE_PLAN, "reps.monthly_quota", 0.8, trials=1000)
    assert "e+0" not in found.message and "e-0" not in found.message
    assert "at least €" in found.message
    amount = float(found.message.split("at least €")[1].split()[0].replace(",", ""))
    assert amount >= found.value and amount % 100 == 0  # rounded up: still reaches P
    assert "almeno €" in found.describe("it") and "." in found.describe("it").split("€")[1][:6]
    target = solve(ARTICLE_PLAN, "target", 0.5, trials=1000)
    assert target.message.startswith("The highest target reached in at least 50%")
    assert "€" in target.message and "L'obiettivo più alto" in target.describe("it")


def test_solve_for_target_refuses_bad_probability(cli):
    code, _, err = cli("solve", str(ARTICLE_PLAN), "--for", "target", "--probability", "80")
    assert code == 2 and "--probability must be a number between 0 and 1" in err
