"""Grader round 7, the *specific* verdict: two objects or alternatives in one statement are two
goals, objects that name nothing are no deliverable, and a count's sign or preposition does not
hide the metric it qualifies."""

from __future__ import annotations

import pytest

from okrsim.grading.grader import grade, read


def _specific(text: str) -> str:
    return grade(text).criteria["specific"].verdict


@pytest.mark.parametrize("text", [
    "Build the renewal dashboard and a churn playbook",
    "Choose a CPQ vendor and an implementation partner",
    "Deal Review: pipeline calls and forecast inspections every Friday",
    "Lanciare il portale clienti e un programma di referral",
    "Preparare listino, contratto quadro e kit di benvenuto per i distributori",
    "Attivare o sospendere campagne",
    "Ottimizzazione del canale e 30+ rivenditori attivi",
])
def test_two_objects_or_alternatives_are_two_goals(text):
    assert _specific(text) == "partial"
    assert read(text).joined_goals


@pytest.mark.parametrize("text", [
    "Build and launch the reseller portal",
    "Train AEs and SDRs on the new pricing",
    "Publish the pricing and packaging guide",
    "Publish 12 case studies and testimonials (today 3)",
    "Formazione su processo di rinnovo e workflow CRM",
    "Creare una battlecard e condividerla con i commerciali",
])
def test_one_object_stays_one_goal(text):
    assert not read(text).joined_goals


@pytest.mark.parametrize("text", [
    "Gather the relevant data",
    "Analyse outcomes and deviations",
    "Introductions through existing relationships",
    "Continuous monitoring and optimisation",
    "Esaminare esiti e scostamenti",
    "Verificare tutto ciò che non funziona",
    "Spegnimento di ciò che non converte",
    "Passaggio al supporto continuativo",
])
def test_an_object_that_names_nothing_is_missing(text):
    assert _specific(text) == "missing"


@pytest.mark.parametrize("text", [
    "Sustain 97%+ SLA attainment",
    "Sign 8+ technology alliances",
    "Get 30+ qualified referrals each quarter",
    "Expand to 3 new territories",
    "Firmare 10+ alleanze commerciali",
    "Renewal playbook creation",
    "Quote process and approval workflow training",
    "Aggiornare criteri MQL/SQL",
])
def test_a_metric_after_a_sign_a_preposition_or_before_a_noun_of_action_is_met(text):
    assert _specific(text) == "met"
