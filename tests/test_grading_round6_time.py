"""Grader round 6: time expressions the reading missed or misread.

Classes of form, not sentences of a blind set: deadlines named by a cue word or a point of a month
instead of a preposition, periods of the plan given as ranges, durations per milestone, and
numbers that look like dates but are not. The statements are written for these tests (revenue
teams, English and Italian), with counter-examples the rules must not catch. Every verdict comes
from the one reading (:func:`okrsim.grading.grader.read`).
"""

from __future__ import annotations

import pytest

from okrsim.grading.grader import grade, read


def _time(text: str) -> str:
    return grade(text).criteria["time_bound"].verdict


@pytest.mark.parametrize("text", [
    "Publish the renewal playbook (mid-June target)",
    "Hold 20 discovery calls (target: end of April)",
    "Roll out the new CPQ. Target date: Feb 10",
    "Launch the partner portal [due Apr 30]",
    "Due end of May: train all 25 CSMs on the renewal script",
    "Deadline: Oct 15 – publish the new price list",
    "Grow expansion pipeline to $2M by end-Q3",
    "Cut time to first value to 14 days by late October",
    "Early June: 40 inbound trial sign-ups",
    "Q2 – win 6 new logos in retail",
    "Nov 30: sign off the FY plan",
    "Pubblicare il nuovo listino (scadenza: 20 febbraio)",
    "Chiudere 10 rinnovi, data obiettivo 31/10",
    "Organizzare 4 eventi per i partner, obiettivo fine maggio",
    "Metà aprile: 30 richieste di preventivo in ingresso",
    "Acquisire 6 nuovi clienti retail tra marzo e aprile",
    "Q2 – acquisire 6 nuovi clienti retail",
    "Giugno: formare tutti i 12 account manager",
])
def test_a_deadline_without_a_preposition_is_read(text):
    assert _time(text) == "met", text


@pytest.mark.parametrize("text", [
    "Launch the referral program. Target date: Jan 15",
    "Deadline: Nov 30 – roll out the new commission plan",
    "Lanciare il programma referral (scadenza: 15 gennaio)",
])
def test_the_day_of_a_deadline_is_no_quantity(text):
    a = grade(text)
    assert a.kind == "objective" and a.criteria["measurable"].verdict == "missing", text


@pytest.mark.parametrize("text", [
    "Month 2-3: lift trial-to-paid conversion to 18%",
    "Hire 3 CSMs in months 4-6",
    "Run the onboarding webinars in weeks 1-2",
    "In year 2, reach 300 paying customers",
    "Month 4 target: 20 active partners",
    "Win 8 new logos during the first quarter of the programme",
    "Mese 2-3: portare la conversione delle prove al 18%",
    "Assumere 3 CSM nei mesi 4-6",
    "Lanciare i webinar di onboarding nelle settimane 1-2",
    "Nel primo trimestre del programma, acquisire 8 nuovi clienti",
    "Nel secondo anno, raggiungere 300 clienti paganti",
])
def test_a_period_of_the_plan_is_partial(text):
    a = read(text)
    assert a.plan_periods and not a.time_anchored, text
    assert _time(text) == "partial", text


@pytest.mark.parametrize("text", [
    "Hire 3 CSMs in months 4-6 of 2027",
    "Win 8 new logos during the first quarter of the year",
    "Assumere 3 CSM nei mesi 4-6 del 2027",
    "Aumentare il fatturato del 10% nel primo trimestre 2027",
])
def test_a_calendar_period_stays_met(text):
    assert _time(text) == "met", text


def test_plan_ranges_are_labels_not_quantities():
    a = grade("Launch the referral program in weeks 1-2")
    assert a.kind == "objective" and a.criteria["measurable"].verdict == "missing"


@pytest.mark.parametrize("text", [
    "Active resellers: 2 (1mo), 8 (6mo), 15 (12mo)",
    "ARR: $50k (3 months), $200k (12 months)",
    "Rivenditori attivi: 2 (1 mese), 8 (6 mesi), 15 (12 mesi)",
    "ARR: 50k€ (3m), 200k€ (12m)",
])
def test_a_duration_per_milestone_is_a_bare_duration(text):
    a = grade(text)
    assert a.criteria["time_bound"].verdict == "partial", text
    assert a.kind == "key_result" and a.criteria["measurable"].verdict == "met", text


@pytest.mark.parametrize("text", [
    "Increase LTV (12mo) to $5k",
    "Aumentare il LTV (12 mesi) a 5k€",
])
def test_a_window_of_the_metric_in_parentheses_is_no_deadline(text):
    assert _time(text) == "missing", text


@pytest.mark.parametrize("text", [
    "Keep the app store rating at ≥ 4.5 stars",
    "Mantenere la valutazione al 4.5 stelle",
    "Mantenere la valutazione media al 4.5/5",
    "Send 250 outbound emails/mo",
    "Fare 40 chiamate al giorno, massimo 3/giorno per cliente",
    "Answer every inbound lead within 2 hours",
    "Rispondere a ogni lead in ingresso entro 2 ore",
    "Portare la retention 30gg all'80%",
    "Grow 30-day retention to 80%",
    "Close 6 enterprise deals (quality > quantity)",
    "Chiudere 6 contratti enterprise (qualità > quantità)",
])
def test_rates_windows_and_ratings_are_no_deadline(text):
    assert _time(text) == "missing", text


@pytest.mark.parametrize("text", [
    "Close 10 deals by 30/06",
    "Chiudere 10 contratti entro il 30.06",
])
def test_a_dotted_or_slashed_date_stays_a_deadline(text):
    assert _time(text) == "met", text


@pytest.mark.parametrize(("text", "lang"), [
    ("Run the partner webinar (Jan 9)", "en"),
    ("Ship the renewal deck [Oct 3]", "en"),
    ("Go-live of the new CPQ: March 2027", "en"),
    ("Joint webinar with partner B – Feb 12", "en"),
    ("Launch planned for March", "en"),
    ("Customer advisory board scheduled for early June", "en"),
    ("Webinar con il partner A (9 gennaio)", "it"),
    ("Go-live del nuovo CPQ: marzo 2027", "it"),
    ("Pubblicare 3 casi studio ad aprile", "it"),
])
def test_a_date_printed_with_a_task_is_its_deadline(text, lang):
    assert grade(text, lang=lang).criteria["time_bound"].verdict == "met", text


@pytest.mark.parametrize(("text", "lang"), [
    ("Close 20 deals - may be hard", "en"),
    ("Chiudere 20 contratti: marzo difficile", "it"),
])
def test_a_month_word_inside_a_sentence_is_no_deadline(text, lang):
    assert grade(text, lang=lang).criteria["time_bound"].verdict == "missing", text


@pytest.mark.parametrize(("text", "lang", "verdict"), [
    ("Chiudere 10 contratti entro 60-90 giorni", "it", "partial"),
    ("Close 10 deals within 60-90 days", "en", "partial"),
    ("Chiudere 10 contratti entro fine anno 1", "it", "partial"),
    ("Chiudere 10 contratti per il trimestre", "it", "met"),
    ("Aprile 2025 - Setup infrastruttura marketing - 3 campagne", "it", "met"),
    ("March 2027 – close 12 deals", "en", "met"),
    ("Primo trimestre: 30 nuovi clienti retail", "it", "partial"),
    ("31/03: 30 nuovi clienti retail", "it", "met"),
    ("Lanciare la campagna referral in autunno", "it", "met"),
    ("Launch the referral campaign in the fall", "en", "met"),
    ("Close 10 deals by 12/31", "en", "met"),
])
def test_ranges_seasons_and_labels_follow_the_rubric(text, lang, verdict):
    assert grade(text, lang=lang).criteria["time_bound"].verdict == verdict, text


def test_a_range_of_durations_is_no_date():
    assert not read("Chiudere 10 contratti entro 60-90 giorni", lang="it").time_anchored


@pytest.mark.parametrize(("text", "verdict"), [
    ("Q1 pipeline ignition.", "met"),
    ("End of March: 3-5 customers signed", "met"),
    ("Q1 Target: 20 demos", "met"),
    ("Quarter Target: 7-12 new clients", "missing"),
    ("Target date: 15/01", "met"),
])
def test_labels_that_name_a_period_and_labels_that_do_not(text, verdict):
    assert grade(text, lang="en").criteria["time_bound"].verdict == verdict, text


def test_a_range_of_counts_after_a_cue_word_is_no_date():
    assert grade("Obiettivo: 10-12 nuovi clienti", lang="it").criteria[
        "time_bound"].verdict == "missing"


@pytest.mark.parametrize(("text", "verdict"), [
    ("Sign 10 deals in the first 6 weeks", "partial"),
    ("Launch the partner portal in the first 2 weeks", "partial"),
    ("Sign 10 deals in the first 6 weeks of Q3", "met"),
    ("Sign 10 deals in the next 6 weeks", "met"),
])
def test_the_first_weeks_of_no_named_period_are_a_bare_window(text, verdict):
    assert grade(text, lang="en").criteria["time_bound"].verdict == verdict, text


def test_a_bare_window_of_a_task_is_no_quantity():
    assert grade("Launch the partner portal in the first 2 weeks", lang="en").kind == "objective"


@pytest.mark.parametrize(("text", "verdict"), [
    ("Nel 1° trimestre: 20 demo con i rivenditori", "met"),
    ("Portare il NPS a 50 nel semestre", "met"),
    ("Chiudere 10 contratti entro la prima metà dell'anno", "met"),
    ("Chiudere 10 contratti nel corso del 2027", "met"),
    ("Crescere del 10% nel trimestre precedente", "missing"),
])
def test_italian_periods_of_the_calendar(text, verdict):
    assert grade(text, lang="it").criteria["time_bound"].verdict == verdict, text
