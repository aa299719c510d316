"""Grader round 7: numbers that measure nothing, periods of a plan, service levels, metrics
named without a target.

Classes of form, not sentences of a blind set: the statements are written for these tests
(revenue teams, English and Italian), each class with the near misses its rule must leave alone.
Every verdict comes from the one reading (:func:`okrsim.grading.grader.read`), labelled by
``tests/data/RUBRIC.md``:

- *kind*: a key result commits to a quantity, "a number that is not a date, a year, a version, an
  ordinal label or the period itself"; the number of a standard, a product generation or a
  document's part or code ("SOC 2", "ISO 27001", "the 3.1 release", "see section 3.4", "SOP-MKT-07")
  is such a label. A score on a scale with its maximum ("level 4 of 5") is a threshold, like
  "at least 4.5/5": a quantity.
- *time_bound*: a phase, a wave or an ordinal period labelling the line ("Phase 1 Target:",
  "Primo trimestre:") is a period of the plan, `partial` (blind set 3's reading of "Anno 1:");
  "in the first quarter" stays the calendar's (`met`).
- *time_bound*: a duration counted from each item's event ("within 21 days of contract signature")
  is a service level, part of the metric: `missing`, as an SLA; "within 45 days" after a count
  and "within 4 months of starting" (a ramp) stay bare durations (`partial`).
- *measurable*: a metric named without its target ("Renewal rate on multi-year contracts", a line
  of a KPI table whose target sits elsewhere, as blind set 3 reads it) is `partial`; a state won
  ("Win board-level sponsorship") or a result of others we only help ("Help account managers close
  renewals") names no metric of ours: `missing`.
"""

from __future__ import annotations

import pytest

from okrsim.grading.grader import grade, read


def _verdicts(text: str, lang: str | None = None) -> tuple[str, str, str]:
    a = grade(text, lang=lang)
    return a.kind, a.criteria["measurable"].verdict, a.criteria["time_bound"].verdict


@pytest.mark.parametrize(("text", "lang"), [
    ("Ship the 3.1 release of the quoting tool", "en"),
    ("Publish the 4.2 update of the objection handling guide", "en"),
    ("Earn SOC 2 Type 2 attestation for the customer portal", "en"),
    ("Achieve ISO 27001 compliance for the renewals desk", "en"),
    ("Upgrade the online store to PCI DSS 4.0", "en"),
    ("Coach the SDR team on the SPIN 3.0 method", "en"),
    ("Route inbound leads per SOP-LEAD-03", "en"),
    ("Rewrite the partner agreement (see section 7.1)", "en"),
    ("Move the ecommerce site to Magento 2", "en"),
    ("Rilasciare la 2.4 del configuratore d'offerta", "it"),
    ("Ottenere la certificazione ISO 27001 per il customer care", "it"),
    ("Rivedere il contratto quadro (vedi allegato 2)", "it"),
    ("Compilare i preventivi secondo la procedura VEN-07", "it"),
    ("Allineare il listino al paragrafo 3.2 delle condizioni generali", "it"),
])
def test_the_number_of_a_standard_a_version_or_a_document_is_no_quantity(text, lang):
    kind, measurable, _ = _verdicts(text, lang)
    assert (kind, measurable) == ("objective", "missing"), text


@pytest.mark.parametrize(("text", "lang"), [
    ("Sign 4 Tier 1 resellers this quarter", "en"),
    ("Win 12 Fortune 500 accounts", "en"),
    ("Reach level 4 of 5 on the partner maturity scale", "en"),  # a score on a scale
    ("Certify 25 reps on version 3 of the demo script", "en"),
    ("Raise NPS 45 by year end", "en"),  # a metric named before its target
    ("Grow Customers To 500 By Q3", "en"),  # Title Case: "To" names no product
    ("CLOSE 20 DEALS BY Q3", "en"),  # capitals: no word tells an acronym
    ("Chiudere 15 contratti secondo la procedura VEN-07", "it"),
    ("Formare 20 agenti sulla versione 3 del CRM", "it"),
    ("Raggiungere 1.500 clienti attivi", "it"),
])
def test_a_count_beside_a_label_stays_a_quantity(text, lang):
    kind, measurable, _ = _verdicts(text, lang)
    assert (kind, measurable) == ("key_result", "met"), text


def test_the_label_of_a_standard_is_read_once_and_kept_out_of_the_quantities():
    a = read("Earn SOC 2 Type 2 attestation for the customer portal")
    assert not a.quantities
    assert {s.text for s in a.non_measures} >= {"SOC 2", "Type 2"}
    # what the standard names is the statement's object, and its scope no metric of its own
    assert a.metric_phrase is not None and a.metric_phrase.text == "attestation"
    assert {s.text for s in a.labelled_objects} == {"attestation", "customer"}


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("Phase 1 Target: 25% of new ARR from the channel", "en", "key_result"),
    ("Wave 3 goal: 16 agency partners signed", "en", "key_result"),
    ("Phase 2: train all 35 channel managers on the new portal", "en", "key_result"),
    ("Sprint 4 goal: publish the reseller price list", "en", "objective"),
    ("Third quarter: 9 co-sell opportunities with integrators", "en", "key_result"),
    ("First quarter account plans approved for every region", "en", "objective"),
    ("Milestone 2 - 30 marketplace reviews", "en", "key_result"),
    ("Fase 1: 25 farmacie affiliate attive", "it", "key_result"),
    ("Fase 2 - 35% del fatturato dai rivenditori", "it", "key_result"),
    ("Ondata 2: formare i 18 agenti del Nord-Est", "it", "key_result"),
    ("Primo trimestre: 14 nuovi studi dentistici clienti", "it", "key_result"),
    ("Secondo semestre - 6 nuovi grossisti", "it", "key_result"),
])
def test_a_period_of_the_plan_labelling_the_line_is_partial(text, lang, kind):
    assert _verdicts(text, lang)[0::2] == (kind, "partial"), text


@pytest.mark.parametrize(("text", "lang", "verdict"), [
    ("Complete phase 2 of the partner portal rollout by end of June", "en", "met"),
    ("Roll out wave 3 of the sales academy", "en", "missing"),  # the wave names the work
    ("Win 7 new logos in the second quarter", "en", "met"),  # the calendar's quarter
    ("Acquisire 9 nuovi clienti nel secondo trimestre", "it", "met"),
    ("Avviare la fase 2 del programma partner", "it", "missing"),
])
def test_a_phase_named_as_work_or_a_calendar_quarter_keeps_its_reading(text, lang, verdict):
    assert _verdicts(text, lang)[2] == verdict, text


def test_the_number_of_a_plan_label_is_no_quantity_but_the_target_after_it_is():
    a = read("Fase 2 - 35% del fatturato dai rivenditori", lang="it")
    assert [s.text for s in a.quantities] == ["35%"]
    assert [s.text for s in a.plan_periods] == ["Fase 2"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Referral fee processing within 21 days of contract signature", "en"),
    ("Commission payout within 10 days of month close", "en"),
    ("Quote delivery within 3 days of a discovery call", "en"),
    ("Process every reseller rebate within 30 days of deal close", "en"),
    ("Rimborso della caparra entro 7 giorni dalla disdetta", "it"),
    ("Pagamento delle provvigioni entro 20 giorni dalla chiusura del contratto", "it"),
    ("Rimborsare ogni caparra entro 7 giorni dalla disdetta", "it"),
])
def test_a_duration_from_each_items_event_is_a_service_level(text, lang):
    kind, measurable, time = _verdicts(text, lang)
    assert (kind, measurable, time) == ("key_result", "met", "missing"), text
    assert read(text, lang=lang).limits, text


@pytest.mark.parametrize(("text", "lang"), [
    ("Onboard 9 agencies within 45 days", "en"),
    ("New reps reach full quota within 4 months of starting", "en"),
    ("Launch the partner portal within 30 days of the CRM go-live", "en"),
    ("Attivare 10 nuovi partner entro 30 giorni", "it"),
])
def test_a_duration_after_a_count_a_ramp_or_a_one_off_task_stays_a_bare_duration(text, lang):
    assert _verdicts(text, lang)[2] == "partial", text


@pytest.mark.parametrize(("text", "lang"), [
    ("Renewal rate on multi-year contracts", "en"),
    ("Demo no-show rate", "en"),
    ("Partner-sourced deal share", "en"),
    ("Quote turnaround time improvement", "en"),
    ("Upsell pipeline expansion in the mid-market", "en"),
    ("Growth of partner-sourced pipeline", "en"),
    ("Tasso di presenza alle demo fissate", "it"),
    ("Percentuale di offerte accettate", "it"),
    ("Crescita del fatturato da partner", "it"),
])
def test_a_metric_named_without_its_target_is_measurable_partial(text, lang):
    a = grade(text, lang=lang)
    assert (a.kind, a.criteria["measurable"].verdict) == ("objective", "partial"), text
    assert not a.activity, text


@pytest.mark.parametrize(("text", "lang"), [
    ("Churn dashboard for the CS team", "en"),  # a deliverable the metric qualifies
    ("Lead routing setup", "en"),
    ("Win board-level sponsorship", "en"),  # a state won
    ("Secure budget for the partner program", "en"),
    ("Help account managers close renewals", "en"),  # closing is theirs, helping ours
    ("Track the win rate every week", "en"),  # a task names no target
    ("Ottenere l'appoggio della direzione generale", "it"),
    ("Aiutare gli agenti a chiudere i rinnovi", "it"),
    ("Mettere gli agenti in condizione di chiudere trattative", "it"),
])
def test_a_wish_a_state_won_or_a_deliverable_names_no_metric_to_measure(text, lang):
    assert grade(text, lang=lang).criteria["measurable"].verdict == "missing", text


@pytest.mark.parametrize(("text", "lang"), [
    ("Increase win rate", "en"),
    ("Strengthen the partner channel and increase partner revenue", "en"),
    ("Get enterprise customers to renew early", "en"),
    ("Aumentare il tasso di rinnovo", "it"),
])
def test_a_direction_of_our_own_keeps_measurable_partial(text, lang):
    assert grade(text, lang=lang).criteria["measurable"].verdict == "partial", text
