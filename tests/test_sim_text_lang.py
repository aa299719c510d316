"""The simulator's text and tables for people in Italian; the code's names stay English."""

from __future__ import annotations

import re

import pytest

from okrsim.errors import OkrsimError
from okrsim.sim import checkin_table, compare, default_plan, sensitivity, simulate
from okrsim.sim.display import column_label, people_table
from okrsim.sim.scenarios import shifted
from okrsim.sim.validation import check_path, check_probability, check_seed, check_trials


@pytest.fixture(scope="module")
def result():
    return simulate(default_plan("it"), trials=1_000, seed=2)


def test_to_frame_keeps_the_code_names_unless_a_language_is_asked(result):
    code = result.to_frame()
    italian = result.to_frame("it")
    assert list(code.columns)[:3] == ["trial", "growth", "hits_target"]
    assert list(italian.columns)[:3] == ["prova", "crescita", "raggiunge l'obiettivo"]
    assert "input: Assunzioni" in italian.columns and "input:hiring.count" in code.columns
    assert not set(italian.columns) & set(code.columns)
    assert (italian.to_numpy() == code.to_numpy()).all()
    assert "p_target" in result.to_dict() and "growth" in result.to_dict()


def test_summary_text_in_italian_has_no_english_left(result):
    text = result.summary_text("it")
    assert "P(obiettivo) = " in text and "Contributi medi: " in text
    assert re.search(r"\d,\d%", text) and not re.search(r"\d\.\d%", text)
    english = re.compile(r"\b(Target|On paper|trials|Growth|Mean|short of|ahead of|hires|Profit|"
                         r"forecasts|Each key result)\b")
    assert not english.search(text), english.search(text)
    assert result.summary_text().startswith(result.plan + "\nTarget growth: +10.0%")


def test_people_tables_in_italian_write_percentages_amounts_and_yes_no():
    plan = default_plan("it")
    table = compare({"piano": plan, "inserimento più rapido": shifted(plan, {"ramp.months": -1}),
                     "sette assunzioni": {"hiring.count": 7}}, trials=800, seed=1, plan=plan)
    shown = people_table(table, "it")
    assert shown.index.name == "scenario"
    assert shown.loc["piano", "crescita sulla carta"] == "+16,8%"
    assert re.fullmatch(r"\d{1,2},\d%", shown.loc["piano", "P(obiettivo)"])
    assert shown.loc["piano", "torna sulla carta"] == "sì"
    assert shown.loc["sette assunzioni", "input fissati a un solo valore"] == "hiring.count"
    assert table.loc["piano", "p_target"] < 1  # the frame itself is untouched
    english = people_table(table, "en")
    assert english.loc["piano", "growth on paper"] == "+16.8%"
    assert english.loc["piano", "adds up on paper"] == "yes"


def test_a_check_in_table_and_a_sensitivity_table_for_people():
    checkins = {0: None, 3: {"through_month": 3, "booked": 380_000,
                             "roster": {"existing": 20, "hires": [2, 3]}}}
    shown = people_table(checkin_table(default_plan("it"), checkins, trials=500, seed=0), "it")
    assert list(shown.columns) == ["mese", "contrattualizzato finora", "venditori in organico",
                                   "P(obiettivo)", "P(utile)", "P(entrambi)", "crescita mediana"]
    assert shown["venditori in organico"].tolist() == ["–", "22"]
    assert shown["contrattualizzato finora"].tolist() == ["0", "380.000"]
    sens = people_table(sensitivity(default_plan(), trials=300, seed=0).table, "it")
    row = sens[sens["input"] == "hiring.count"].iloc[0]
    assert row["che cosa è"] == "venditori assunti nel periodo"


def test_every_column_the_kit_shows_has_a_name_in_every_language(result):
    plan = default_plan()
    names = [*result.to_frame().columns, "scenario", *compare(
        {"a": plan}, trials=200, plan=plan).columns, "month", "booked", "sellers", "p_both",
        *sensitivity(plan, trials=200).table.columns]
    for lang in ("en", "it"):
        for name in names:
            label = column_label(name, lang)
            assert label and ("_" not in label or name.startswith("input:")), (lang, name, label)
    assert column_label("new_revenue:smb", "it") == "nuovi ricavi (smb)"
    assert column_label("something_new", "it") == "something_new"


@pytest.mark.parametrize(("check", "value", "italian"), [
    (check_trials, 0, "trials deve essere un numero intero da 1 a 10.000.000; hai indicato 0."),
    (check_seed, -1, "seed deve essere un numero intero, 0 o più (oppure None); hai indicato -1."),
    (check_probability, 1.5, "probability deve essere un numero tra 0 e 1 (esclusi), per esempio "
                             "0,8; hai indicato 1.5."),
])
def test_run_arguments_are_refused_in_italian(check, value, italian):
    with pytest.raises(OkrsimError) as info:
        check(value, "it")
    assert str(info.value) == italian
    with pytest.raises(OkrsimError, match=r"must be"):
        check(value)
    with pytest.raises(OkrsimError, match=r"^l'input da cercare deve essere un input numerico"):
        check_path("hiring.cont", "it")


def test_summary_amounts_carry_the_plans_currency_and_inputs_their_slider_names():
    from okrsim import simulate

    result = simulate(trials=500, seed=3)
    text = result.summary_text()
    assert result.currency == "€"
    assert "retained base €" in text
    assert "€" in next(line for line in text.splitlines() if line.startswith("On paper:"))
    italian = result.summary_text("it")
    assert "base clienti mantenuta €" in italian
    assert "Fatturato trattenuto / anno ≥ 92%" in italian
    assert "retention.gross_annual" not in italian


def test_input_values_read_as_their_sliders_show_them():
    from okrsim.plan.input_names import input_value
    from okrsim.widgets.sliders import SLIDERS

    assert input_value("retention.gross_annual", 0.92, "it") == "92%"
    assert input_value("drivers.deal_value_change", 0.2) == "+20%"
    assert input_value("drivers.sales_cycle_change", -0.1) == "-10%"
    assert input_value("segments.smb.ramp.months", 4.5, "it") == "4,5"
    assert input_value("hiring.count", 5) == "5"
    # the dashboard shows fractions as percentages, and only them
    assert {s.path for s in SLIDERS if s.percent} == {
        "reps.attainment", "attrition.annual", "retention.gross_annual",
        "drivers.deal_value_change", "drivers.sales_cycle_change"}
