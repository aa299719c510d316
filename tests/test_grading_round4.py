"""Round 4 of the grader: tasks and deadlines, the classes blind set 2 found, on made-up examples.

Each test names one class of the errors blind set 2 showed (``tests/data/README.md``, "Blind set
2") and reads examples written for it, never the blind statements themselves.
"""

from __future__ import annotations

import pytest

from okrsim.grading import grade, read


@pytest.mark.parametrize(("text", "verdict"), [
    # a period label opening the statement is its period
    ("Target 2028 - Lift expansion revenue to €2M", "met"),
    ("2028 - Cut the sales cycle from 60 to 45 days", "met"),
    ("Obiettivo 2028 - Portare i rinnovi al 92%", "met"),
    ("FY28Q3: rifare la pagina prezzi", "met"),
    # ... only at the start: elsewhere "2028 -" is no period
    ("Grow ARR to €5M, the 2028 - 2029 plan", "missing"),
    # a value as at a date
    ("Opportunità aperte al 30/09: 400", "met"),
    ("Open opportunities as of 9/30: 400", "met"),
    # early, late, mid before a quarter; an ISO date after "by"
    ("Ship the partner price list in early Q4", "met"),
    ("Ship the partner price list by 2028-02-15", "met"),
    ("End Q2 with every renewal quote sent", "met"),
    # the year after "anno fiscale" belongs to the deadline
    ("Rifare il listino entro la fine dell'anno fiscale 2028", "met"),
    # a start without an end: when the work starts, not when it is done
    ("From June, hold a monthly win-loss review", "partial"),
    ("Starting in March, call every lapsed customer", "partial"),
    ("Da giugno 2028 - I venditori registrano le trattative nel CRM", "partial"),
    ("A partire da aprile, pubblicare le recensioni dei clienti", "partial"),
    # ... a range ends at a date
    ("Dal 1 marzo al 30 giugno aumentare le demo del 20%", "met"),
    # a window without an article: a bare duration
    ("Document the pricing rules within first three weeks", "partial"),
    # a share of items a task handles within a time from an event: a limit, part of the metric
    ("Send 90% of proposals within 3 days of the discovery call", "missing"),
    ("Inviare il 90% delle offerte entro 3 giorni dalla richiesta", "missing"),
    # ... a share of customers reaching a level within it: a bare duration
    ("80% of new accounts reach first value within 30 days of signing", "partial"),
])
def test_time_bound_reads_the_form_of_the_date(text, verdict):
    assert grade(text).criteria["time_bound"].verdict == verdict


def test_a_start_says_so_in_the_advice():
    english = grade("From June, hold a monthly win-loss review").criteria["time_bound"]
    italian = grade("A partire da aprile, pubblicare le recensioni").criteria["time_bound"]
    assert english.evidence == ["From June"]
    assert "starts" in english.advice
    assert "parte" in italian.advice


@pytest.mark.parametrize("text", [
    "Ship the partner price list by 2028-02-15",
    "Rifare il listino entro la fine dell'anno fiscale 2028",
    "Completare la gara d'appalto (artt. 21 e 23)",
    "Draft a 2-year partner roadmap for Iberia",
    "Preparare una strategia commerciale a 5 anni per il Benelux",
    "Da giugno 2028 - I venditori registrano le trattative nel CRM",
])
def test_dates_articles_and_plan_durations_are_no_quantities(text):
    assessment = grade(text)
    assert read(text).quantities == []
    assert assessment.kind == "objective"


def test_market_share_is_no_ramp_duration():
    text = "Aumentare la quota di mercato in Spagna entro un anno"
    assert read(text).quantities == []
    assert grade(text).criteria["time_bound"].verdict == "partial"


@pytest.mark.parametrize(("text", "activity"), [
    # task verbs no list knew
    ("Finalize the channel incentive plan", True),
    ("Measure win rate for each segment", True),
    ("Assign a renewal owner to every enterprise account", True),
    ("Initiate the reseller certification track", True),
    # a deliverable stated as done
    ("Pricing calculator added to the partner portal", True),
    ("Renewal dashboard in place for the CS team by Q2", True),
    ("All AEs enabled on the new dialer", True),
    # ... but customers doing it is an outcome
    ("40 customers live on the new billing module", False),
    # Italian: a task after a period label, a noun of action, a subject's finite verb
    ("FY28Q1: predisporre il nuovo listino per la rete", True),
    ("Revisione dei contratti dei distributori", True),
    ("I capi area alimentano il forecast settimanale", True),
    ("Diffusione del nuovo listino tra i rivenditori", False),
    ("I clienti rinnovano il contratto annuale", False),
    # nouns that look like task verbs
    ("Il tasso di risposta alle chiamate in ingresso sale al 90%", False),
    ("Aumentare i lead del team di sviluppo commerciale", False),
    ("I want more visitors on the pricing page", False),
    ("Attrarre nuovi rivenditori in Francia", False),
])
def test_activity_reads_the_verb_and_its_position(text, activity):
    assert grade(text).activity is activity


def test_a_rewrite_keeps_a_leading_period():
    suggestion = grade("Target 2028 - Lift expansion revenue to €2M").suggestion
    assert suggestion.endswith("by 2028")
    assert "€2M" in suggestion


@pytest.mark.parametrize(("text", "activity"), [
    # a making verb whose object is a desired state states a direction, not a project
    ("Build a high-trust team culture", False),
    ("Create a frictionless renewal experience", False),
    ("Creare una cultura del feedback", False),
    # ... its object a deliverable: a task
    ("Build the renewal forecast workbook", True),
    ("Creare la guida prezzi per i rivenditori", True),
    # task verbs of revenue operations
    ("Decommission the old lead-scoring spreadsheet", True),
    ("Dismettere il vecchio CRM dei rivenditori", True),
])
def test_making_verbs_read_their_object(text, activity):
    assert grade(text).activity is activity
