"""``--lang it`` on every command that reads a plan: Italian summaries, tables and plan errors."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from okrsim.plan import default_plan
from okrsim.sim import simulate

PLAN_TEXT = resources.files("okrsim").joinpath("data", "default_plan.yaml").read_text("utf-8")
#: A plan with one bad value: every command must refuse it in one Italian sentence.
BAD_PLAN = PLAN_TEXT.replace("monthly_quota: 5600", "monthly_quota: -5")
ITALIAN_PROBLEM = ("model.reps.monthly_quota deve essere un numero maggiore di 0 e fino a 1e+12; "
                   "hai scritto -5.")


@pytest.fixture
def scenarios(tmp_path):
    path = tmp_path / "scenari.csv"
    path.write_text("scenario,hiring.count\npiù assunzioni,7\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("command", [
    ["check"], ["simulate", "--trials", "500"], ["solve", "--for", "hiring.count",
                                                  "--probability", "0.8"],
    ["compare", "--scenarios", "SCENARIOS"], ["report", "--out", "OUT"],
])
def test_a_bad_plan_is_one_italian_sentence_with_exit_2(cli, write_plan, scenarios, tmp_path,
                                                       command):
    plan = str(write_plan(BAD_PLAN, "piano.yaml"))
    args = [a.replace("SCENARIOS", scenarios).replace("OUT", str(tmp_path / "r.html"))
            for a in command]
    code, out, err = cli(args[0], plan, *args[1:], "--lang", "it")
    assert code == 2 and out == ""
    assert err == f"okrsim: error: {plan}: {ITALIAN_PROBLEM}\n"
    code, _, err = cli(args[0], plan, *args[1:])
    assert code == 2 and "must be a number more than 0 to 1e+12; got -5." in err


def test_simulate_in_italian_speaks_italian_with_a_decimal_comma(cli):
    code, out, err = cli("simulate", "--trials", "2000", "--seed", "1", "--lang", "it")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Team commerciali 2027 (piano di esempio)"
    assert lines[1] == "Obiettivo di crescita: +10,0% (base arr, 12 mesi)"
    assert re.fullmatch(r"Monte Carlo \(2\.000 prove, seme 1\): P\(obiettivo\) = \d+,\d% ± "
                        r"\d,\d%", lines[3])
    assert "Contributi medi: base clienti mantenuta " in out
    assert not re.search(r"\b(trials|short of|ahead of|of forecasts|Growth|hires)\b", out)
    code, english, _ = cli("simulate", "--trials", "2000", "--seed", "1")
    assert english.splitlines()[1] == "Target growth: +10.0% (arr basis, 12 months)"
    assert len(english.splitlines()) == len(lines)


def test_solve_and_compare_in_italian(cli, scenarios):
    plan = str(resources.files("okrsim").joinpath("data", "default_plan.yaml"))
    code, out, _ = cli("solve", plan, "--for", "hiring.count", "--probability", "0.5",
                       "--trials", "1000", "--lang", "it")
    assert code == 0
    assert out.startswith("Con hiring.count (venditori assunti nel periodo) pari ad almeno ")
    code, out, _ = cli("solve", plan, "--for", "hiring.cont", "--probability", "0.5",
                       "--lang", "it")
    assert code == 2 and out == ""
    code, out, _ = cli("compare", plan, "--scenarios", scenarios, "--trials", "1000",
                       "--lang", "it")
    assert code == 0
    head = out.splitlines()[1].split()
    assert head[:3] == ["scenario", "sulla", "carta"] and "P(obiettivo)" in head
    assert "piano così com'è" in out and out.count("Nota: 'più assunzioni' fissa hiring.count") == 1


def test_the_italian_built_in_plan_has_the_same_numbers_and_italian_words():
    english, italian = default_plan(), default_plan("it")
    assert italian.start == english.start and italian.months == english.months
    assert italian.model == english.model
    for (eo, ekr), (io, ikr) in zip(english.key_results(), italian.key_results(), strict=True):
        assert (eo.id, eo.parent, ekr.id) == (io.id, io.parent, ikr.id)
        assert (ekr.drives, ekr.baseline, ekr.target, ekr.forecast, ekr.type) == (
            ikr.drives, ikr.baseline, ikr.target, ikr.forecast, ikr.type)
        assert ikr.text != ekr.text and " by " not in ikr.text
    assert simulate(english, trials=3000, seed=7).p_target == simulate(
        italian, trials=3000, seed=7).p_target
    for obj in italian.objectives:
        assert "built-in" not in obj.objective and "hiring.count" not in obj.objective
    assert "(piano di esempio)" in italian.name and "built-in" not in italian.description


def test_a_translation_that_misses_an_id_or_a_language_the_kit_lacks_is_refused():
    import yaml

    from okrsim.errors import OkrsimError
    from okrsim.plan.default import translated

    words = yaml.safe_load(resources.files("okrsim").joinpath("data", "default_plan.it.yaml")
                           .read_text("utf-8"))
    del words["objectives"]["keep-customers"]["key_results"]["retain-92"]
    with pytest.raises(OkrsimError, match="'keep-customers' must give every key result id"):
        translated(default_plan(), words)
    with pytest.raises(OkrsimError, match=r"^The built-in plan is written 'en' or 'it'"):
        default_plan("fr")


def test_what_the_simulator_refuses_is_said_in_italian_too(cli, write_plan, tmp_path):
    no_model = PLAN_TEXT[:PLAN_TEXT.index("\nmodel:")] + "\n"
    plan = str(write_plan(no_model, "senza_modello.yaml"))
    code, out, err = cli("simulate", plan, "--trials", "200", "--lang", "it")
    assert code == 2 and out == ""
    assert err == (f"okrsim: error: {plan} non ha la sezione 'model'; il simulatore ne ha "
                   "bisogno (almeno model.reps.existing e model.reps.monthly_quota).\n")
    code, _, err = cli("simulate", plan, "--trials", "200")
    assert code == 2 and "has no 'model' section" in err
    scenarios = tmp_path / "scenari.csv"
    scenarios.write_text("scenario,hiring.count\npiù assunzioni,sette\n", encoding="utf-8")
    good = str(resources.files("okrsim").joinpath("data", "default_plan.yaml"))
    code, out, err = cli("compare", good, "--scenarios", str(scenarios), "--lang", "it")
    assert code == 2 and out == ""
    assert err == (f"okrsim: error: {scenarios}, riga 2 (scenario 'più assunzioni'), colonna "
                   "hiring.count: 'sette' non è un numero come 7, 0.2 o 20%, oppure una "
                   "distribuzione come triangular(3, 5, 7).\n")


def test_sensitivity_report_and_plot_folder_lines_in_italian(cli, tmp_path):
    code, out, _ = cli("simulate", "--trials", "600", "--sensitivity", "--lang", "it")
    assert code == 0
    table = out[out.index("Sensibilità (ogni input fermo al suo P10 / P90"):].splitlines()
    assert table[1].split()[:3] == ["input", "valore", "P10"] and "r di rango" in table[1]
    assert all(re.search(r"\d,\d%", line) for line in table[2:])
    code, out, _ = cli("report", "--out", str(tmp_path / "r.html"), "--trials", "300",
                       "--lang", "it")
    assert code == 0 and out == f"Report scritto in {tmp_path / 'r.html'}\n"
    afile = tmp_path / "a.txt"
    afile.write_text("x", encoding="utf-8")
    code, _, err = cli("simulate", "--trials", "300", "--plot-dir", str(afile), "--lang", "it")
    assert code == 2
    assert err == (f"okrsim: error: {afile} è un file; --plot-dir vuole una cartella (la crea se "
                   "manca).\n")
