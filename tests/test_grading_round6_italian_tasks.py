"""Grader round 6: Italian tasks and deliverables of a terse plan read as tasks, not outcomes.

Three forms of a plan line name what we will do: a leading noun of action ("Ricerca di 40
rivenditori"), a second-person imperative of a checklist ("Segui 25 buyer su LinkedIn") and a
past participle of a task verb closing a deliverable ("6 video registrati"). A change noun on a
metric ("Crescita del 15% dei lead") stays an outcome. The statements are written for these
tests; every verdict comes from the one reading (:func:`okrsim.grading.grader.read`).
"""

from __future__ import annotations

import pytest

from okrsim.grading.analysis import known_form
from okrsim.grading.grader import grade, read
from okrsim.grading.lexicon import load_lexicon


@pytest.mark.parametrize("text", [
    "Setup del portale partner e delle sue regole",
    "Ricerca di 40 rivenditori in Spagna",
    "Prima sessione di coaching per i team leader",
    "Serie di workshop per i partner del canale",
    "Campagne email per i clienti inattivi",
    "Sponsorizzazione di due fiere di settore",
    "Sponsorizzazione di 4 eventi regionali",
])
def test_a_leading_noun_of_action_is_a_task(text):
    assert grade(text, lang="it").activity is True, text


@pytest.mark.parametrize("text", [
    "Segui 25 buyer su LinkedIn",
    "Rispondi alle richieste dei partner entro 3 ore",
    "Scrivi 4 articoli per il blog",
    "Definisci le regole di assegnazione dei lead",
])
def test_a_second_person_imperative_of_a_task_verb_is_a_task(text):
    assert grade(text, lang="it").activity is True, text


@pytest.mark.parametrize("text", [
    "Chiudi 12 contratti con la grande distribuzione",
    "Vinci 5 nuovi clienti enterprise",
])
def test_the_imperative_of_an_outcome_verb_stays_an_outcome(text):
    assert grade(text, lang="it").activity is False, text


@pytest.mark.parametrize("text", [
    "20 post programmati per il blog",
    "6 video registrati per il canale YouTube",
    "Manuale del partner scritto e condiviso",
    "Flusso di rinnovo dei clienti documentato",
])
def test_a_participle_of_a_task_verb_closes_a_deliverable(text):
    assert grade(text, lang="it").activity is True, text
    assert read(text, lang="it").activity_verbs, text


@pytest.mark.parametrize("text", [
    "Churn mensile sotto il 2%",
    "Fatturato ricorrente cresciuto del 20%",
    "Clienti attivi: 500",
    "Crescita del 15% dei lead qualificati",
    "Riduzione del churn al 3%",
    "Generazione di 300 lead qualificati",
    "50 clienti attivati sul nuovo modulo",
])
def test_a_change_or_a_level_of_a_metric_stays_an_outcome(text):
    assert grade(text, lang="it").activity is False, text


def test_known_form_maps_an_ending_to_the_infinitive_of_the_list():
    lexicon = load_lexicon("it")
    assert known_form("segui", "imperative_endings", "activity_verbs", lexicon)
    assert known_form("registrati", "participle_endings", "activity_verbs", lexicon)
    assert not known_form("chiudi", "imperative_endings", "activity_verbs", lexicon)
    assert not known_form("segui", "no_such_list", "activity_verbs", lexicon)


@pytest.mark.parametrize("text", [
    "Publish 5 customer stories",
    "Revenue playbook documented",
    "Grow qualified pipeline by 20%",
])
def test_english_is_read_as_before(text):
    expected = {"Publish 5 customer stories": True, "Revenue playbook documented": True,
                "Grow qualified pipeline by 20%": False}[text]
    assert grade(text, lang="en").activity is expected, text
