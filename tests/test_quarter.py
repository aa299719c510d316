"""The quarter in operation: OKR grades, committed vs aspirational, check-ins, the quarter file."""

from __future__ import annotations

import pytest

from okrsim.errors import OkrsimError, PlanError
from okrsim.plan.quarter import load_quarter, loads_quarter
from okrsim.plan.scoring import (
    STATUS_TONES,
    check_confidence,
    confidence_from_probability,
    grade_status,
    objective_grade,
    okr_grade,
    pace,
)
from okrsim.widgets.quarter_view import render_check_ins, render_grades, render_retrospective
from tests.conftest import ROOT

QUARTER = ROOT / "notebooks" / "data" / "quarter_in_operation.yaml"

SMALL = """
quarter: Q3 2027
weeks: 13
key_results:
  - id: nrr
    text: Raise net revenue retention from 100% to 105%
    commitment: committed
    start: 100
    target: 105
    final: 104
    check_ins:
      - {week: 4, value: 101, confidence: 8, forecast: 105, note: ok}
      - {week: 8, value: 102, confidence: 4, note: two big renewals slipped}
"""


@pytest.mark.parametrize("start, target, actual, grade", [
    (100, 105, 104, 0.8), (2.0, 1.5, 1.6, 0.8), (6, 4, 4.4, 0.8), (0, 10, 12, 1.0),
    (0, 10, -3, 0.0), (30_000, 36_000, 34_500, 0.75), (0.0, -0.10, -0.11, 1.0),
])
def test_okr_grade_is_the_share_of_the_way_clipped(start, target, actual, grade):
    assert okr_grade(start, target, actual) == grade


def test_okr_grade_refuses_bad_numbers_in_one_sentence():
    with pytest.raises(OkrsimError, match="must move from one value to another"):
        okr_grade(5, 5, 6)
    with pytest.raises(OkrsimError, match="give a finite number"):
        okr_grade(0, 1, float("nan"))
    with pytest.raises(OkrsimError, match="give a finite number"):
        okr_grade(0, True, 1)


def test_a_committed_key_result_below_one_is_a_miss_never_green():
    for grade in (0.0, 0.5, 0.8, 0.99):
        assert grade_status(grade, "committed") == "missed"
        assert STATUS_TONES[grade_status(grade, "committed")] == "bad"
    assert grade_status(1.0, "committed") == "met"
    assert grade_status(0.7, "aspirational") == "success"
    assert grade_status(0.5, "aspirational") == "progress"
    assert grade_status(0.2, "aspirational") == "short"
    with pytest.raises(OkrsimError, match="'committed' or 'aspirational'"):
        grade_status(0.5, "stretch")


def test_confidence_and_pace():
    assert confidence_from_probability(0.415) == 4 and confidence_from_probability(1) == 10
    assert check_confidence(7) == 7
    for bad in (11, -1, 6.5, "high", True):
        with pytest.raises(OkrsimError, match="whole number from 0"):
            check_confidence(bad)
    with pytest.raises(OkrsimError, match="from 0 to 1"):
        confidence_from_probability(1.2)
    behind = pace(0, 10, 2, week=6, weeks=12)
    assert behind.progress == 0.2 and behind.expected == 0.5 and not behind.on_pace
    assert pace(0, 10, 4.5, week=6, weeks=12).on_pace
    with pytest.raises(OkrsimError, match="from 1 to 12"):
        pace(0, 10, 1, week=13, weeks=12)
    assert objective_grade([0.8, 0.75, 1.0]) == 0.85


def test_the_made_up_quarter_grades_as_the_lesson_says():
    quarter = load_quarter(QUARTER)
    grades = {g.id: g for g in quarter.grades()}
    assert (grades["ramp-4"].grade, grades["ramp-4"].status) == (0.8, "missed")
    assert grades["ramp-4"].tone == "bad" and grades["ramp-4"].counter_breaches == [9]
    assert grades["deal-value-20"].status == "success"
    assert grades["cycle-minus-10"].status == "met"
    assert grades["certified-30"].grade == 1.0
    week6 = {r.key_result: r for r in quarter.check_ins_at(6)}
    rating = week6["onboarding-rating"]
    assert rating.confidence_change == -3 and rating.attention
    assert not week6["cycle-minus-10"].attention
    assert quarter.overrides_at(0) == {}
    assert quarter.overrides_at(6)["ramp.months"] == 4.8


def test_retrospective_asks_about_each_finding_in_both_languages():
    quarter = load_quarter(QUARTER)
    english = quarter.retrospective("en")
    assert any("'ramp-4' ended at 0.80: a miss" in q for q in english)
    assert any("confidence 7 of 10" in q for q in english)  # the check-ins did not warn
    assert any("certified-30" in q and "stretch" in q for q in english)
    assert any("Gross margin" in q for q in english)
    italian = quarter.retrospective("it")
    assert len(italian) == len(english) and any("0,80" in q for q in italian)
    clean = loads_quarter(SMALL.replace("final: 104", "final: 105"))
    assert clean.retrospective("en")[0].startswith("Every committed key result was met")


def test_views_escape_text_and_colour_a_committed_miss_red():
    quarter = loads_quarter(SMALL.replace("two big renewals slipped", "<b>late</b>"))
    grades = render_grades(quarter)
    assert 'data-status="missed"' in grades and "okrsim-tone-bad" in grades
    assert "okrsim-tone-good" not in grades.split("data-status")[1].split("</td>")[0]
    check_ins = render_check_ins(quarter, week=8)
    assert "&lt;b&gt;late&lt;/b&gt;" in check_ins and "<b>late</b>" not in check_ins
    assert "discuss first" in check_ins and "(-4)" in check_ins
    assert "No key result has a check-in by week 2" in render_check_ins(quarter, week=2)
    assert "0,80" in render_grades(quarter, "it")
    assert render_retrospective(quarter).count("<li>") == 1


@pytest.mark.parametrize("text, message", [
    ("quarter: [", "not valid YAML at line"),
    ("- 1\n- 2", "must be a mapping"),
    (SMALL.replace("committed\n", "stretch\n", 1), "use 'committed' or 'aspirational'"),
    (SMALL.replace("confidence: 8", "confidence: 12"), "whole number from 0"),
    (SMALL.replace("start: 100", "start: 105"), "both 105"),
    (SMALL.replace("week: 8", "week: 3"), "in week order"),
    (SMALL.replace("week: 8", "week: 30"), "from 1 to 13"),
    (SMALL.replace("final: 104", "finale: 104"), "unknown key 'finale'"),
    (SMALL.replace("weeks: 13", "weeks: 0"), "'weeks' is 0"),
])
def test_bad_quarter_files_are_one_sentence_each(text, message):
    with pytest.raises(PlanError, match=message):
        loads_quarter(text)


def test_missing_and_unreadable_files(tmp_path):
    with pytest.raises(PlanError, match="does not exist"):
        load_quarter(tmp_path / "nope.yaml")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(PlanError, match="UTF-8"):
        load_quarter(binary)
    assert binary.read_bytes() == b"\xff\xfe\x00"


def test_reforecast_replays_the_year_with_the_owners_forecasts():
    from okrsim.sim import default_plan, simulate, weekly_confidence

    quarter = load_quarter(QUARTER)
    weeks = weekly_confidence(default_plan(), quarter, trials=500, seed=3)
    assert [w.week for w in weeks] == [0, *quarter.check_in_weeks]
    assert weeks[0].p_target == simulate(default_plan(), trials=500, seed=3).p_target
    last = weeks[-1]
    assert last.p_target == simulate(default_plan(), trials=500, seed=3,
                                     overrides=quarter.overrides_at(12)).p_target
    assert last.confidence == confidence_from_probability(last.p_target)
    assert last.p_target > weeks[0].p_target  # the forecasts firm up above the plan's odds
