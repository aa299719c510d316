"""The plan loader: valid plans load into typed objects; every bad input is one clear sentence."""

from __future__ import annotations

import pytest

from okrsim import PlanError, load_plan, loads_plan
from okrsim.plan import KeyResult, Objective, Plan, schema
from tests.conftest import ARTICLE_PLAN

MINIMAL = """\
plan: Minimal
period: {start: 2027-01, months: 12}
objectives:
  - id: company
    owner: Company
    objective: Grow revenue
    key_results:
      - id: arr
        text: Grow ARR from 10 to 11 by December 2027
        drives: target
        baseline: 10
        target: 11
"""


def test_article_plan_loads_into_typed_objects():
    plan = load_plan(ARTICLE_PLAN)
    assert isinstance(plan, Plan)
    assert plan.name == "Revenue teams FY2027"
    assert (plan.start, plan.months) == ("2027-01", 12)
    assert all(isinstance(o, Objective) for o in plan.objectives)
    target = plan.target_key_result()
    assert isinstance(target, KeyResult)
    assert (target.baseline, target.target) == (12_000_000, 13_200_000)
    ramp = next(kr for _, kr in plan.key_results() if kr.id == "ramp-4")
    assert ramp.drives == "ramp.months" and ramp.target == 4
    assert ramp.forecast == {"dist": "triangular", "low": 3, "mode": 5, "high": 7}
    assert plan.model["reps"]["existing"] == 20
    assert [o.id for o in plan.children("grow-revenue")] == [
        "win-more-deals", "keep-customers", "fast-onboarding"]


def test_plan_round_trips_through_to_dict():
    plan = load_plan(ARTICLE_PLAN)
    from okrsim.plan import parse_plan

    assert parse_plan(plan.to_dict(), source=plan.source) == plan


def test_a_date_as_period_start_is_read_as_its_month():
    plan = loads_plan(MINIMAL.replace("start: 2027-01", "start: 2027-03-01"))
    assert plan.start == "2027-03"


def _problems(text: str) -> list[str]:
    with pytest.raises(PlanError) as info:
        loads_plan(text, source="p.yaml")
    return info.value.problems


def _one(text: str) -> str:
    problems = _problems(text)
    assert len(problems) == 1, problems
    return problems[0]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "is empty"),
        ("   \n\n", "is empty"),
        ("plan: [unclosed\n", "not valid YAML at line 2"),
        ("a: 1\n  b: 2\n", "not valid YAML at line 2"),
        ("just a sentence", "holds a single value"),
        ("- a\n- b\n", "holds a list"),
        ("plan: x\nplan: y\n", "the key 'plan' appears twice"),
        ("plan: x\x00\n", "NUL bytes"),
    ],
)
def test_unreadable_text_is_one_sentence(content, expected):
    message = _one(content)
    assert expected in message
    assert message.startswith("p.yaml")


def test_missing_file_and_folder_and_binary(tmp_path, write_plan):
    for path, expected in [
        (tmp_path / "nope.yaml", "does not exist"),
        (tmp_path, "is a folder"),
        (write_plan(bytes(range(256)) * 4, "junk.yaml"), "not a UTF-8 text file"),
    ]:
        with pytest.raises(PlanError) as info:
            load_plan(path)
        assert expected in str(info.value)
        assert str(path) in str(info.value)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("period: {start: 2027-01, months: 12}", "period: 12", "period must be a mapping"),
        ("months: 12", "months: -3", "period.months must be a whole number from 1 to 60"),
        ("months: 12", "months: 1000", "period.months must be a whole number from 1 to 60"),
        ("start: 2027-01", "start: January", "period.start must be a month written YYYY-MM"),
        ("objectives:\n", "objectives: 5\nx:\n", "unknown key 'x'"),
        ("    owner: Company\n", "    owner: [a, b]\n", "owner must be a text"),
        ("  - id: company", "  - id: 'bad id!'", "must be a short id"),
        ("        baseline: 10", "        baseline: ten", "baseline must be a number"),
        ("        baseline: 10", "        baseline: -10", "baseline of the company target must be"),
        ("        target: 11", "        target: 1000000", "more than 100 times the baseline"),
        ("    objective: Grow revenue\n", "    objective: Grow revenue\n    colour: red\n",
         "objective 'company' has an unknown key 'colour'"),
        ("      - id: arr\n        text: Grow ARR from 10 to 11 by December 2027\n"
         "        drives: target\n        baseline: 10\n        target: 11\n",
         "      - oops\n", "key result #1 must be a mapping"),
        ("        drives: target\n", "        drives: target\n        forecast: 3\n",
         "takes no forecast"),
    ],
)
def test_wrong_types_and_values_name_the_place(old, new, expected):
    assert old in MINIMAL
    problems = _problems(MINIMAL.replace(old, new))
    assert any(expected in p for p in problems), problems


MODEL = MINIMAL + """\
model:
  reps: {existing: 20, monthly_quota: 5000}
"""


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("existing: 20", "existing: -2", "model.reps.existing must be a whole number from 0"),
        ("existing: 20", "existing: 2.5", "model.reps.existing must be a whole number"),
        ("existing: 20", "existing: 1e9", "model.reps.existing must be a whole number"),
        ("monthly_quota: 5000", "monthly_quota: 0", "monthly_quota must be a number more than 0"),
        ("reps:", "ramp: {months: 0}\n  reps:", "ramp.months must be a number more than 0"),
        ("reps:", "retention: {gross_annual: 1.2}\n  reps:", "gross_annual must be a number from"),
        ("reps:", "teams: {}\n  reps:", "unknown section 'teams'"),
        ("existing: 20", "existing: 20, colour: red", "unknown key 'colour'"),
        ("existing: 20", "existing: 20, attainment: {dist: cauchy}", "dist must be one of"),
        ("existing: 20", "existing: 20, attainment: {dist: triangular, low: 1, mode: 0.5, high: 2}",
         "needs low <= mode <= high"),
        ("existing: 20", "existing: 20, attainment: {dist: normal, mean: 1}", "needs 'sd'"),
        ("existing: 20", "existing: 20, attainment: {dist: normal, mean: 1, sd: -1}",
         "sd must be 0 or more"),
        ("reps:", "hiring: {months: [0, 13]}\n  reps:", "start months, whole numbers from 1 to 12"),
        ("reps:", "ramp: {curve: [0.5, 0.2, 1.0]}\n  reps:", "non-decreasing fractions"),
        ("reps:", "attrition: {backfill: maybe}\n  reps:", "must be true or false"),
        ("reps:", "basis: revenue\n  reps:", "must be 'arr' or 'bookings'"),
        ("  reps: {existing: 20, monthly_quota: 5000}\n", "  reps: {existing: 20}\n",
         "model.reps.monthly_quota is required"),
        ("model:\n  reps: {existing: 20, monthly_quota: 5000}\n", "model: 7\n",
         "model must be a mapping"),
    ],
)
def test_model_section_is_validated_against_the_model_table(old, new, expected):
    assert old in MODEL
    problems = _problems(MODEL.replace(old, new))
    assert any(expected in p for p in problems), problems


def test_a_key_result_target_is_checked_against_the_input_it_drives():
    text = MODEL + """\
  - id: team
    owner: Sales
    parent: company
    objective: Hire
    key_results:
      - id: hires
        text: Grow sellers from 20 to 25 by March 2027
        drives: hiring.count
        target: -5
        forecast: {dist: triangular, low: 5, mode: 3, high: 6}
"""
    text = text.replace("model:\n", "").replace(
        "  reps: {existing: 20, monthly_quota: 5000}\n", "")
    text += "model:\n  reps: {existing: 20, monthly_quota: 5000}\n"
    problems = _problems(text)
    assert any("key result 'hires': target must be a whole number from 0" in p for p in problems)
    assert any("key result 'hires': forecast needs low <= mode <= high" in p for p in problems)


def test_every_problem_of_a_file_is_reported_at_once():
    text = MINIMAL.replace("months: 12", "months: 0").replace("owner: Company", "owner: []")
    problems = _problems(text)
    assert len(problems) == 2
    assert "(and 1 more problem)" in str(PlanError(problems))


DUPLICATES_AND_CYCLE = """\
plan: Broken
period: {start: 2027-01, months: 12}
objectives:
  - {id: a, owner: Company, objective: A, key_results: []}
  - {id: b, owner: Sales, objective: B, parent: c, key_results: []}
  - {id: c, owner: Sales, objective: C, parent: b, key_results: []}
  - {id: a, owner: CS, objective: A again, parent: a, key_results: []}
"""


def test_strict_loading_refuses_duplicate_ids_and_cycles():
    problems = _problems(DUPLICATES_AND_CYCLE)
    assert any("objective id 'a' is used twice" in p for p in problems)
    assert any("form a cycle (b -> c -> b)" in p for p in problems)


def test_lenient_loading_keeps_them_for_the_checker():
    plan = loads_plan(DUPLICATES_AND_CYCLE, strict=False)
    assert [o.id for o in plan.objectives] == ["a", "b", "c", "a"]


def test_load_never_changes_the_file(write_plan):
    path = write_plan(MINIMAL.replace("months: 12", "months: 0"))
    before = path.read_bytes()
    with pytest.raises(PlanError):
        load_plan(path)
    assert path.read_bytes() == before


def test_one_number_rule_and_one_duplicate_check_for_every_reader():
    from okrsim.cascade import report
    from okrsim.exercises import bank
    from okrsim.plan import checks, loader

    assert [checks.is_number(v) for v in (1, 2.5, -3, True, float("inf"), float("nan"), "1")] == [
        True, True, True, False, False, False, False]
    assert bank.is_number is checks.is_number is loader.is_number is schema.is_number
    assert report.duplicates is checks.duplicates is loader.duplicates
    assert checks.duplicates(["a", "b", "a", "c", "a"]) == {"a": 3}
    assert checks.find_cycles({"a": "b", "b": "a", "c": None}) == [["a", "b"]]


def test_finance_fields_survive_a_round_trip():
    import yaml

    from tests.sim_helpers import fixed_model, make_plan

    krs = [{"id": "hire-5", "text": "Hire 5 sellers by March 2027", "type": "aspirational",
            "drives": "hiring.count", "target": 5},
           {"id": "profit", "text": "Reach 50,000 operating profit by December 2027",
            "drives": "profit", "target": 50_000}]
    actuals = {"through_month": 3, "booked": 5_000, "roster": {"existing": 2, "hires": [2]}}
    model = fixed_model(costs={"gross_margin": 0.8})
    plan = make_plan(model, key_results=krs, actuals=actuals)
    again = loads_plan(yaml.safe_dump(plan.to_dict(), sort_keys=False))
    assert again.actuals == actuals
    assert [kr.type for _, kr in again.key_results()] == ["committed", "aspirational",
                                                          "committed"]
    assert again.key_results()[1][1].aspirational
    assert again.profit_key_result().target == 50_000
