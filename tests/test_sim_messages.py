"""Goal-seek answers in Italian: SolveResult.describe and the Italian dashboard."""

from __future__ import annotations

import pytest

from okrsim.errors import OkrsimError
from okrsim.i18n import languages, table
from okrsim.plan import schema
from okrsim.sim import SolveResult
from okrsim.sim.messages import input_description
from okrsim.widgets import FeasibilityDashboard


def _result(path="hiring.count", value=11, reachable=True, direction="increasing",
            p_target=0.8221, low=0, high=50) -> SolveResult:
    return SolveResult(path, 0.8, value, reachable, p_target, direction, low, high, 9, "")


def test_every_model_input_is_described_in_every_language():
    for lang in languages():
        inputs = {k[len("inputs."):] for k in table(lang, "simulator") if k.startswith("inputs.")}
        assert inputs == set(schema.MODEL_FIELDS)
    assert input_description("ramp.months") == schema.MODEL_FIELDS["ramp.months"].description


def test_a_reached_count_in_both_languages():
    found = _result()
    assert found.describe() == ("hiring.count (sellers hired in the period) at least 11 gives "
                                "P(target) = 82.2% >= 80%.")
    assert found.describe("it") == ("Con hiring.count (venditori assunti nel periodo) pari ad "
                                    "almeno 11, P(obiettivo) = 82,2% ≥ 80%.")


def test_a_decreasing_input_takes_a_decimal_comma_in_italian():
    found = _result("ramp.months", 4.125, direction="decreasing", p_target=0.6)
    assert found.describe("it") == ("Con ramp.months (mesi perché un nuovo venditore arrivi alla "
                                    "quota piena) pari al massimo a 4,125, P(obiettivo) = "
                                    "60,0% ≥ 80%.")
    assert "at most 4.125" in found.describe("en")


def test_an_unreachable_goal_in_italian_names_the_range_and_the_best_end():
    nothing = _result("hiring.washout", None, False, "decreasing", 0.312, 0, 1)
    assert nothing.describe("en") == (
        "P(target) >= 80% is not reachable for hiring.washout (probability a hire leaves "
        "during ramp) within the allowed range 0 to 1 (best: 31.2% at 0).")
    assert nothing.describe("it") == (
        "P(obiettivo) ≥ 80% non si raggiunge muovendo hiring.washout (probabilità che un nuovo "
        "assunto se ne vada durante l'inserimento) nell'intervallo consentito, da 0 a 1 "
        "(al meglio 31,2% con 0).")


@pytest.mark.parametrize("lang", ["fr", None, "IT"])
def test_an_unknown_language_is_one_sentence(lang):
    with pytest.raises(OkrsimError, match=r"^The simulator's messages are written in 'en' or "
                                          r"'it'; got .*\.$"):
        _result().describe(lang)


def test_the_italian_dashboard_answers_goal_seek_in_italian():
    dash = FeasibilityDashboard(trials=200, ui="it")
    dash.probability.value = 60  # the dashboard asks for a percentage
    found = dash.run_solve()
    assert found is not None and found.message.startswith("hiring.count (sellers")
    shown = dash.analysis_output.value
    assert "venditori assunti nel periodo" in shown and "60%" in shown
    assert "hiring.count" not in shown and "gives" not in shown


def test_the_italian_dashboard_summary_uses_a_decimal_comma():
    english = FeasibilityDashboard(trials=200).output_html
    italian = FeasibilityDashboard(trials=200, ui="it").output_html
    assert "Target growth: <b>+10.0%</b>" in english
    assert "Crescita obiettivo: <b>+10,0%</b>" in italian
    assert 'data-p="' in italian and "." not in italian.split("Crescita probabile")[1]
