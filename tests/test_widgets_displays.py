"""Rich displays: every result object a notebook shows reads as words and rounded numbers."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

import okrsim
from okrsim.exercises import load_bank
from okrsim.i18n.look import esc
from okrsim.sim import simulate, solve
from okrsim.sim.display import p_target_text, render_result, solve_sentence, verdict
from okrsim.widgets import RoomView
from okrsim.workshop import room
from okrsim.workshop.display import RoomSummary, minute
from okrsim.workshop.journal import Journal
from tests.conftest import ARTICLE_PLAN

XSS = "<img src=x onerror=alert(1)>"
LONG_FLOAT = re.compile(r"\d\.\d{4,}")


@pytest.fixture(scope="module")
def result():
    return simulate(None, trials=1_000, seed=3)


def test_result_shows_one_verdict_and_p_target_once_with_its_unit(result):
    html = result._repr_html_()
    sentence, tone = verdict(result)
    assert sentence in html and f"okrsim-tone-{tone}" in html
    assert html.count(f"{result.p_target:.0%}") >= 1
    assert "percentage points" in p_target_text(result) and "±" in html
    assert not LONG_FLOAT.search(html) and "{" not in html


def test_the_verdict_never_calls_a_42_percent_plan_green(result):
    adds_up_but_unlikely = replace(result, adds_up=True, p_target=0.42)
    sentence, tone = verdict(adds_up_but_unlikely)
    assert sentence == "Adds up on paper, but only 42% likely." and tone == "bad"
    assert verdict(replace(result, adds_up=True, p_target=0.9))[1] == "good"
    assert verdict(replace(result, adds_up=False, p_target=0.6))[0].startswith("Does not add up")
    it = verdict(adds_up_but_unlikely, "it")[0]
    assert "42%" in it and "i conti tornano" in it


def test_result_display_is_in_italian_with_decimal_commas(result):
    html = render_result(result, "it")
    assert "Probabilità di raggiungere l'obiettivo".replace("'", "&#x27;") in html
    assert re.search(r"\+\d+,\d%", html) and not re.search(r"\+\d+\.\d%", html)


def test_profit_odds_show_when_the_result_has_them(result):
    class WithProfit(type(result)):
        pass

    profited = WithProfit(**vars(result))
    profited.p_profit, profited.p_both = 0.61, 0.33
    html = render_result(profited)
    assert "Chance of reaching the profit target" in html and "61%" in html and "33%" in html
    no_profit = WithProfit(**vars(result))
    no_profit.p_profit, no_profit.p_both = None, None
    assert "profit target" not in render_result(no_profit)


def test_plan_names_are_escaped(result):
    assert XSS not in render_result(replace(result, plan=XSS))


def test_goal_seek_speaks_plain_words():
    solved = solve(None, "hiring.count", 0.8, trials=400, seed=0)
    sentence = solve_sentence(solved)
    assert "hiring.count" not in sentence and "sellers hired" in sentence
    assert sentence.startswith("You need at least") or sentence.startswith("Even with")
    assert "hiring.count" not in solve_sentence(solved, "it")
    assert sentence in solved._repr_html_().replace("&#x27;", "'")


def test_cascade_report_and_exercise_result_display_themselves():
    report = okrsim.check(okrsim.load_plan(ARTICLE_PLAN))
    assert "okrsim-cascade-clean" in report._repr_html_()
    exercise = load_bank().get("en-feas-target-growth")
    assert "okrsim-feedback" in exercise.check("110")._repr_html_()


def _journal(tmp_path):
    return room.demo_room(tmp_path / "room.sqlite", seed=4, participants=4)


def test_room_summary_writes_timestamps_to_the_minute_and_answers_whole(tmp_path):
    journal = _journal(tmp_path)
    summary = RoomSummary(journal.attempts())
    html = summary._repr_html_()
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d<", html)
    assert not re.search(r"\d\d:\d\d:\d\d", html)
    sections = summary.sections()
    assert "…" not in sections["rewrites"]
    for text in summary.best["text"]:
        assert esc(text) in sections["rewrites"]
    assert "Measurable" in sections["missed"] and "%" in sections["missed"]
    assert minute(None) == "–"


def test_room_summary_escapes_participant_text(tmp_path):
    journal = Journal(tmp_path / "j.sqlite")
    exercise = load_bank().get("en-feas-target-growth")
    journal.record_result(XSS, XSS, exercise.check(XSS))
    summary = RoomSummary(journal.attempts())
    assert XSS not in summary._repr_html_()
    assert all(XSS not in html for html in summary.sections().values())


def test_room_view_refreshes_from_the_journal(tmp_path):
    journal = Journal(tmp_path / "live.sqlite")
    view = RoomView(journal)
    assert "No attempts recorded yet" in view.panes["participation"].value
    exercise = load_bank().get("en-feas-target-growth")
    journal.record_result("Ada", "10", exercise.check("10"))
    assert "Ada" not in view.panes["participation"].value
    view.button.click()
    assert "Ada" in view.panes["participation"].value and view.chart.value
    assert "People: 1" in view.headline.value
