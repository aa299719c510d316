"""Grader round 5: terse fragments, periods of a plan, language detection and Italian tasks.

Each case is a class of form, not a sentence of a blind set: the statements below are written
for these tests (revenue teams, English and Italian), with counter-examples the rules must not
catch. Every verdict comes from the one reading (:func:`okrsim.grading.grader.read`).
"""

from __future__ import annotations

import pytest

from okrsim.grading.grader import grade, read
from okrsim.grading.language import detect_language
from okrsim.grading.lexicon import load_lexicon


@pytest.mark.parametrize("text", [
    "Anno 1: 30 clienti paganti",
    "Anno 2: fatturato di 800.000 €",
    "Raggiungere 1 milione di fatturato entro il secondo anno di attività",
    "Firmare 5 accordi con distributori entro la settimana 8 del programma",
    "Chiudere 10 contratti prima del lancio",
    "Presentare l'offerta al prossimo bando regionale",
    "Year 1: 40 paying customers",
    "Close 15 new accounts by Week 6 of the sales programme",
    "Sign 5 design partners before launch",
    "Reach €500K ARR by the end of the second year of operation",
])
def test_a_period_of_the_plan_is_a_deadline_of_the_context(text):
    assert grade(text).criteria["time_bound"].verdict == "partial", text


@pytest.mark.parametrize("text", [
    "Grow pipeline to €4M by week 12 of Q3",
    "Firmare 5 accordi entro la settimana 8 del 2027",
    "Increase the win rate in the first quarter from 20% to 24%",
    "Aumentare il fatturato del 10% nel primo trimestre 2027",
    "Raggiungere 50 clienti entro il 2027",
])
def test_a_calendar_period_stays_a_deadline(text):
    assert grade(text).criteria["time_bound"].verdict == "met", text


def test_the_number_of_a_plan_period_is_a_label_not_a_quantity():
    a = read("Anno 1: Focus su Nord Italia")
    assert not a.quantities
    assert [p.text for p in a.plan_periods] == ["Anno 1"]
    assert grade("Anno 1: Focus su Nord Italia").kind == "objective"
    assert [q.text for q in read("Year 1: 40 paying customers").quantities] == ["40"]


def test_a_plan_period_has_its_own_advice_and_is_no_calendar_deadline():
    result = grade("Anno 1: 30 clienti paganti")
    assert result.criteria["time_bound"].advice == load_lexicon("it").advice["time_bound_plan"]
    assert "Anno 1" in result.criteria["time_bound"].evidence
    assert not read("Anno 1: 30 clienti paganti").has_deadline  # the exercises ask for a date


@pytest.mark.parametrize("text, counted", [
    ("10+ membri attivi", "membri attivi"),
    ("2-3 bandi vinti", "bandi vinti"),
    ("+8 nuovi punti vendita", "nuovi punti vendita"),
    ("Almeno 2 gare pubbliche aggiudicate", "gare pubbliche aggiudicate"),
    ("30+ referral introductions from existing accounts", "referral introductions"),
])
def test_a_terse_fragment_counts_a_concrete_metric(text, counted):
    a = read(text)
    assert a.counted is not None and a.counted.text == counted
    result = grade(text)
    assert (result.kind, result.criteria["specific"].verdict) == ("key_result", "met")
    assert result.criteria["measurable"].verdict == "met"


def test_a_count_after_a_word_is_no_terse_fragment():
    # the count does not open the statement: the phrase after it is not taken as the metric
    assert read("Tra 10 anni leader").counted is None


@pytest.mark.parametrize("text, task", [
    ("Conto corrente aperto", True),
    ("Manuale di vendita documentato", True),
    ("Quote-to-cash playbook documented", True),
    ("Contratto quadro vinto", False),
    ("Contratto quadro con il distributore ottenuto", False),
])
def test_a_checklist_participle_names_what_was_done(text, task):
    result = grade(text)
    assert result.criteria["specific"].verdict == "met", text
    assert result.criteria["measurable"].verdict == "missing", text
    assert result.kind == "objective"
    assert result.activity is task, text


@pytest.mark.parametrize("text", [
    "Soddisfare il ROI definito",
    "Quadruplicare i trial attivati entro fine trimestre",
])
def test_a_participle_after_a_verb_qualifies_its_object(text):
    assert grade(text).activity is False, text


@pytest.mark.parametrize("text", [
    "Acquisto del nuovo CRM",
    "Apertura di due showroom a Milano",
    "4-5 candidature totali",
    "Avvio immediato della campagna rivenditori",
])
def test_an_italian_noun_of_action_names_a_task(text):
    assert grade(text).activity is True, text


def test_immediate_start_is_vague_timing():
    assert grade("Avvio immediato della campagna rivenditori").criteria[
        "time_bound"].verdict == "partial"


@pytest.mark.parametrize("text, lang", [
    ("€150.000+ di preventivi accettati", "it"),
    ("20+ negozi convenzionati", "it"),
    ("Conto corrente aperto", "it"),
    ("Contratto quadro vinto", "it"),
    ("5+ volontari coinvolti", "it"),
    ("Riconoscimento locale", "it"),
    ("NPS oltre 70", "it"),
    ("AUMENTARE IL FATTURATO DEL 10%", "it"),
    ("Launch AI Deal Coaching for Enterprise Reps", "en"),
    ("Roll out AI forecasting to the sales team", "en"),
    ("Grow ARR from 1,500 to 2,000 by Q3", "en"),
    ("Reach a CSAT of 4.5 by Q3", "en"),
])
def test_short_fragments_are_detected_by_shape_numbers_and_acronyms(text, lang):
    assert detect_language(text) == lang, text


@pytest.mark.parametrize("text, task", [
    ("Arrivare a 5.000 iscritti alla newsletter entro giugno", False),
    ("Prevediamo di raggiungere 2 milioni di fatturato nel 2027", False),
    ("Costruire una comunità di clienti attiva", False),
])
def test_italian_outcomes_are_not_tasks(text, task):
    assert grade(text).activity is task, text
