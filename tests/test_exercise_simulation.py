"""Feasibility exercises whose expected value the simulator computes (checks.numeric.simulate)."""

from __future__ import annotations

import os

import pytest

from okrsim.errors import OkrsimError
from okrsim.exercises import BankError, load_bank
from okrsim.exercises import simulation as exercise_simulation
from okrsim.plan.default import _default_plan_text
from okrsim.sim.feasibility import simulate
from okrsim.sim.goal_seek import solve

BANK = load_bank()
SIMULATED = [e for e in BANK if "simulate" in e.checks_spec.get("numeric", {})]

TEMPLATE = """\
exercises:
  - id: sim
    title: Simulated
    lang: en
    kind: feasibility
    level: 2
    prompt: How many hires?
    checks:
      numeric:
        simulate: {SPEC}
        tolerance: 0
    hints: [Run the goal seek., Read the value.]
    model_answer: "{ANSWER}"
    explanation: The simulator says so.
"""
SOLVE = "{plan: %s, answer: solve, for: hiring.count, probability: 0.8, trials: 300, seed: 1}"


def _bank(tmp_path, spec: str, answer: str = "1", name: str = "sim.yaml"):
    path = tmp_path / name
    path.write_text(TEMPLATE.replace("{SPEC}", spec).replace("{ANSWER}", answer),
                    encoding="utf-8")
    return load_bank(path)


def _plan_with_quota(tmp_path, quota: int):
    text = _default_plan_text().replace("monthly_quota: 5600", f"monthly_quota: {quota}")
    assert f"monthly_quota: {quota}" in text
    path = tmp_path / f"plan_{quota}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bank_has_simulated_feasibility_exercises_in_both_languages():
    assert len(SIMULATED) >= 3
    assert {e.lang for e in SIMULATED} == {"en", "it"}
    answers = {e.checks_spec["numeric"]["simulate"]["answer"] for e in SIMULATED}
    assert {"solve", "p_target"} <= answers


@pytest.mark.parametrize("exercise", SIMULATED, ids=lambda e: e.id)
def test_model_answers_pass_and_wrong_answers_fail(exercise):
    assert exercise.check(exercise.model_answer).passed
    for wrong in exercise.wrong_answers:
        assert not exercise.check(wrong).passed, wrong


def test_the_expected_value_is_what_the_library_computes():
    spec = BANK.get("en-feas-sim-hires-80").checks_spec["numeric"]["simulate"]
    question = exercise_simulation.parse_simulated(spec, "test")
    assert question.value == solve(None, "hiring.count", 0.8, trials=1000, seed=0).value
    p = exercise_simulation.parse_simulated({"answer": "p_target", "trials": 500}, "test")
    assert p.value == pytest.approx(100 * simulate(trials=500, seed=0).p_target)
    assert p.percent and not question.percent


def test_a_changed_plan_changes_the_expected_value(tmp_path):
    rich = _bank(tmp_path, SOLVE % _plan_with_quota(tmp_path, 9000)).get("sim")
    poor = _bank(tmp_path, SOLVE % _plan_with_quota(tmp_path, 4000)).get("sim")
    rich_value = solve(_plan_with_quota(tmp_path, 9000), "hiring.count", 0.8, trials=300,
                       seed=1).value
    assert rich.check(str(rich_value)).passed and not poor.check(str(rich_value)).passed


def test_an_edited_plan_file_is_simulated_again(tmp_path):
    path = _plan_with_quota(tmp_path, 9000)
    question = exercise_simulation.parse_simulated(
        {"plan": str(path), "answer": "on_paper_growth", "trials": 100}, "test")
    before = question.value
    path.write_text(path.read_text("utf-8").replace("monthly_quota: 9000",
                                                    "monthly_quota: 4000"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert question.value < before


def test_overrides_change_the_expected_value():
    base = exercise_simulation.parse_simulated({"answer": "p_target", "trials": 500}, "t")
    more = exercise_simulation.parse_simulated(
        {"answer": "p_target", "trials": 500, "overrides": {"hiring.count": 9}}, "t")
    assert more.value > base.value


def test_loading_the_bank_does_not_simulate(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the loader must not run the simulator")

    monkeypatch.setattr(exercise_simulation, "expected", refuse)
    bank = _bank(tmp_path, SOLVE % "default", answer="999")
    with pytest.raises(AssertionError, match="must not run"):
        bank.get("sim").check("3")


@pytest.mark.parametrize(("spec", "words"), [
    ("{answer: guess}", "'simulate.answer' is 'guess'; use one of p_target"),
    ("{answer: solve, for: hiring.colour, probability: 0.8}", "numeric model input"),
    ("{answer: solve, for: hiring.count, probability: 2}", "between 0 and 1"),
    ("{answer: solve, for: hiring.count}", "needs 'for' and 'probability'"),
    ("{answer: p_target, for: hiring.count}", "apply only to answer 'solve'"),
    ("{answer: p_target, trials: 1000000}", "'simulate.trials' is 1000000"),
    ("{answer: p_target, seed: -1}", "'simulate.seed' is -1"),
    ("{answer: p_target, plan: nowhere.yaml}", "'nowhere.yaml', which is not a file"),
    ("{answer: p_target, overrides: {ramp.months: -3}}", "the simulated plan cannot be used"),
    ("{answer: p_target, overrides: [1]}", "'simulate.overrides' must be a mapping"),
    ("{answer: p_target, colour: blue}", "unknown key 'colour' in 'simulate'"),
    ("[p_target]", "'simulate' must be a mapping"),
])
def test_bad_simulate_specs_name_the_file_and_the_exercise(tmp_path, spec, words):
    with pytest.raises(BankError) as info:
        _bank(tmp_path, spec)
    message = str(info.value)
    assert "sim.yaml, exercise 'sim'" in message and words in message, message
    assert message.count("\n") == 0 and "Traceback" not in message


def test_value_and_simulate_together_are_refused(tmp_path):
    text = TEMPLATE.replace("simulate: {SPEC}", "simulate: {answer: p_target}\n        value: 3")
    path = tmp_path / "both.yaml"
    path.write_text(text.replace("{ANSWER}", "3"), encoding="utf-8")
    with pytest.raises(BankError, match="both.yaml, exercise 'sim'.*or {simulate, tolerance}"):
        load_bank(path)


def test_an_unreachable_goal_is_one_sentence_at_check_time(tmp_path, cli):
    spec = ("{answer: solve, for: hiring.count, probability: 0.99, trials: 200, "
            "overrides: {reps.monthly_quota: 100}}")
    bank = _bank(tmp_path, spec)
    with pytest.raises(OkrsimError, match=r"sim.yaml, exercise 'sim': 'numeric': the "
                       r"simulator cannot answer the question \(.*not reachable.*\)\.$"):
        bank.get("sim").check("3")
    code, _, err = cli("exercises", "--bank", str(tmp_path), "check", "sim", "3")
    assert code == 2 and "not reachable" in err and "Traceback" not in err


def test_cli_checks_simulated_exercises(cli):
    code, out, _ = cli("exercises", "check", "en-feas-sim-hires-80", "11 hires")
    assert code == 0 and out.startswith("Passed")
    code, out, _ = cli("exercises", "check", "it-fattibilita-sim-rampa", "4")
    assert code == 1 and "4 non è ancora giusto" in out
    code, out, _ = cli("exercises", "check", "it-fattibilita-sim-carta", "circa 16,8%")
    assert code == 0 and "16,8 è giusto" in out

