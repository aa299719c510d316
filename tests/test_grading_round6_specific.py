"""Grader round 6, Specific: several results listed in one statement, placeholder targets, a
metric named before a colon and short slogans.

Each case is a class of form, not a sentence of a blind set: the statements below are written
for these tests (revenue teams, English and Italian), with counter-examples the rules must not
catch. Every verdict comes from the one reading (:func:`okrsim.grading.grader.read`).
"""

from __future__ import annotations

import pytest

from okrsim.grading.grader import grade


def _verdict(text: str, field: str) -> str:
    return grade(text).criteria[field].verdict


@pytest.mark.parametrize("text", [
    "45 qualified opportunities, $300K pipeline by end of Q3",
    "Partner deck by April 2, first four partner webinars held by quarter end",
    "Hire three CSMs, onboard 40 new accounts this quarter",
    "Win the first two logos in Germany, set a baseline sales cycle",
    "600 webinar registrations + 150 MQLs in H1",
    "10 customer stories published; 4 podcast episodes recorded",
    "Ship the renewal playbook, renew 85% of expiring contracts by June 30",
    "Win rate above 25%, churn below 3% this year",
    "2.500 visite al sito, 120 lead qualificati nel trimestre",
    "Chiudere 6 contratti enterprise; portare l'ARR a 900.000 € entro fine anno",
    "Assumere tre SDR, prenotare 80 demo entro fine trimestre",
    "NPS sopra 45, churn sotto il 4% entro dicembre",
])
def test_several_listed_results_are_two_goals(text):
    assert _verdict(text, "specific") == "partial", text
    assert _verdict(text, "measurable") == "met", text


@pytest.mark.parametrize("text", [
    "Sign 20 new customers in Spain, Portugal and France by Q4",
    "Book 90 demos (60 inbound, 30 outbound) this quarter",
    "Close between 6 and 8 enterprise deals in H2",
    "Grow pipeline to $3M through two new partner programs, referrals and events",
    "Reduce churn to 4%, from 6% today",
    "Grow NRR to 112%, driving expansion in the top accounts",
    "Acquire 50 new customers, 20 in EMEA",
    "Raggiungere 40 nuovi clienti in Lombardia, Veneto e Piemonte entro fine anno",
    "Fissare 70 incontri (50 inbound, 20 outbound) per il trimestre",
    "Aumentare l'ARR del 15%, portandolo a 2 milioni",
])
def test_one_result_with_a_list_or_a_breakdown_stays_one_goal(text):
    assert _verdict(text, "specific") == "met", text


@pytest.mark.parametrize("text", [
    "Contract approval rate: increase from 60% to 75%",
    "Proposal approval rate: raise to 90% by Q4",
    "Email bounce rate must stay below 1.5%",
    "Tasso di risposta: portarlo dal 15% al 20%",
    "Il tasso di disiscrizione dalla newsletter deve restare sotto il 2%",
])
def test_a_metric_named_before_the_verb_is_the_metric(text):
    assert _verdict(text, "specific") == "met", text
    assert _verdict(text, "measurable") == "met", text


@pytest.mark.parametrize("text", [
    "Meeting-to-proposal rate: from X% to Y%",
    "Expansion revenue: from $[baseline] to $[target]",
    "Tasso di upsell: da X% a Y%",
])
def test_a_placeholder_change_names_a_metric_without_a_number(text):
    assert _verdict(text, "specific") == "met", text
    assert _verdict(text, "measurable") == "partial", text
    assert "[X] to [X]" not in (grade(text).suggestion or ""), text


@pytest.mark.parametrize("text", [
    "Improve our messaging",
    "Sharpen the narrative",
    "Strengthen our positioning",
    "Migliorare i messaggi",
    "Ottimizzare lo storytelling",
    "Potenziare ciò che funziona",
])
def test_a_vague_verb_on_a_message_or_a_pronoun_names_nothing(text):
    assert _verdict(text, "specific") == "missing", text


@pytest.mark.parametrize("text", [
    "Improve the pricing page",
    "Migliorare il nuovo CPQ",
])
def test_a_vague_verb_on_a_deliverable_stays_partial(text):
    assert _verdict(text, "specific") == "partial", text


@pytest.mark.parametrize("text", [
    "Be more customer-centric",
    "Become more partner-friendly",
    "Be more responsive to our accounts",
    "Essere più vicini ai clienti",
    "Diventare più orientati al cliente",
])
def test_being_more_is_a_wish_without_a_metric(text):
    assert _verdict(text, "specific") == "missing", text
    assert _verdict(text, "measurable") == "missing", text


@pytest.mark.parametrize("text", [
    "Be more than 90% accurate on the sales forecast by Q3",
    "Essere più di 20 agenti attivi entro fine anno",
])
def test_more_than_a_number_is_a_target(text):
    assert _verdict(text, "measurable") == "met", text


@pytest.mark.parametrize("text, metric", [
    ("Ridurre il tempo di risposta del XX% entro fine anno", "tempo di risposta"),
    ("Aumentare il tasso di rinnovo del X% nel secondo semestre", "tasso di rinnovo"),
    ("Lift gross margin by XX% in H2", "gross margin"),
])
def test_a_placeholder_number_ends_the_metric_in_the_rewrite(text, metric):
    suggestion = grade(text).suggestion
    assert metric in suggestion, suggestion
    assert "XX" not in suggestion and "X%" not in suggestion, suggestion
    assert _verdict(text, "measurable") == "partial", text


@pytest.mark.parametrize("text", ["Repeat what works", "Copy whatever converts"])
def test_a_verb_before_what_names_no_object(text):
    assert _verdict(text, "specific") == "missing", text
