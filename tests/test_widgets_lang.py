"""Widgets and exercise checks with ``ui="it"`` show a bad plan's problems in Italian, escaped."""

from __future__ import annotations

import html
from dataclasses import replace
from importlib import resources

import pytest

from okrsim import PlanError
from okrsim.exercises import checks
from okrsim.widgets import CascadeView, FeasibilityDashboard

PLAN_TEXT = resources.files("okrsim").joinpath("data", "default_plan.yaml").read_text("utf-8")
XSS = "<img src=x onerror=alert(1)>"
#: A plan whose period start holds markup: the problem quotes it, the widget must escape it.
BAD_START = PLAN_TEXT.replace("period: {start: 2027-01, months: 12}",
                              f"period: {{start: '{XSS}', months: 12}}")


def test_cascade_view_in_italian_shows_the_problem_in_italian_and_escaped():
    view = CascadeView(text=BAD_START, editable=True, ui="it")
    shown = view.output_html
    assert view.report is None and XSS not in shown
    expected = ("&lt;plan&gt;: period.start deve essere un mese scritto AAAA-MM (per esempio "
                f"2027-01); hai scritto {html.escape(repr(XSS))}.")
    assert expected in shown
    assert "must be" not in shown and "got" not in shown
    english = CascadeView(text=BAD_START, editable=True)
    assert "period.start must be a month written YYYY-MM" in english.output_html


def test_cascade_view_and_dashboard_refuse_a_bad_plan_file_in_italian(tmp_path):
    missing = tmp_path / "manca.yaml"
    with pytest.raises(PlanError, match=r"manca\.yaml non esiste; indica il percorso"):
        CascadeView(missing, ui="it")
    bad = tmp_path / "piano.yaml"
    bad.write_text(PLAN_TEXT.replace("existing: 20", "existing: -2"), encoding="utf-8")
    with pytest.raises(PlanError) as info:
        FeasibilityDashboard(bad, trials=500, ui="it")
    assert info.value.problems == [f"{bad}: model.reps.existing deve essere un numero intero da 0 "
                                   "a 10000; hai scritto -2."]


def test_the_italian_dashboard_simulates_the_italian_built_in_plan():
    dashboard = FeasibilityDashboard(trials=500, seed=1, ui="it")
    assert dashboard.plan.name == "Team commerciali 2027 (piano di esempio)"
    assert dashboard.plan.objective("grow-revenue").owner == "Azienda"


def test_an_exercise_cascade_answer_that_is_not_a_plan_is_told_in_italian():
    outcome, = checks.check_cascade("plan: x\nperiod: 5\n", "it")
    assert not outcome.passed
    assert outcome.feedback.startswith("La risposta non è un piano valido: la tua risposta: ")
    assert "period deve essere una mappa" in outcome.feedback
    outcome, = checks.check_cascade("plan: x\nperiod: 5\n", "en")
    assert "your answer: " in outcome.feedback and "must be a mapping" in outcome.feedback



def test_the_italian_dashboard_says_what_the_simulator_refuses_in_italian():
    dashboard = FeasibilityDashboard(trials=300, seed=1, ui="it")
    dashboard.plan = replace(dashboard.plan, model={})
    assert dashboard.click() is None
    assert dashboard.error == ("default_plan.yaml non ha la sezione 'model'; il simulatore ne ha "
                               "bisogno (almeno model.reps.existing e model.reps.monthly_quota).")
    assert html.escape(dashboard.error) in dashboard.output_html
