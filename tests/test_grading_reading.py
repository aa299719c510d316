"""The grader's reading of a statement: quantities, labels, deadlines, verb, metric, prefix, kind.

One reading per statement is what every verdict, the rewrite, the exercise element checks and the
cascade's number check use; these tests pin each class of the reading on made-up examples.
"""

from __future__ import annotations

import pytest

from okrsim.cascade import has_number
from okrsim.errors import OkrsimError
from okrsim.grading import grade, read


@pytest.mark.parametrize(("text", "x", "y"), [
    ("Cut first response time from 72h to 24h by Q3", "72h", "24h"),
    ("Grow ARR from €1,2M to €1,5M by Q4 2027", "€1,2M", "€1,5M"),
    ("Grow pipeline coverage from 1.5x to 3x by Q3", "1.5", "3"),
    ("Ridurre i tempi di consegna da 45 gg a 30 gg entro il Q2", "45 gg", "30 gg"),
    ("Aumentare i DAU da 10K a 15K entro giugno", "10K", "15K"),
])
def test_numbers_with_units_and_suffixes_are_baseline_and_target(text, x, y):
    a = read(text)
    assert a.has_from_to
    assert (a.baseline_targets[0].x.text, a.baseline_targets[0].y.text) == (x, y)
    assessment = grade(text)
    assert assessment.criteria["measurable"].advice == a.lexicon.advice["measurable_met"]
    assert x in assessment.suggestion and y in assessment.suggestion


@pytest.mark.parametrize("text", [
    "Publish the 2026 report", "Ship version 3.2 of the app", "Move tier-1 accounts to Wave 2",
    "Review KR3 with the team", "Pubblicare il piano 2027 per la fase 2",
])
def test_numbers_that_label_are_not_measures(text):
    a = read(text)
    assert not a.has_number and a.non_measures
    assert grade(text).criteria["measurable"].verdict != "met"
    assert not has_number(text)


@pytest.mark.parametrize("text", [
    "Keep churn below 2% through 2027", "Close the books by EOQ",
    "FY26-Q2: grow ARR from €12M to €13M", "New hires close a deal in the first week",
    "Ridurre il churn entro il trimestre", "Attivare i nuovi clienti nelle prime 6 settimane",
    "Activate new accounts within two weeks of going live",
    "Attivare i nuovi account entro 60 giorni dalla firma",
])
def test_deadlines_periods_and_event_durations_are_found(text):
    a = read(text)
    assert a.has_deadline
    assert grade(text).criteria["time_bound"].verdict in ("met", "partial")


@pytest.mark.parametrize("text", [
    # a limit per item (a service level) is part of the metric, not a deadline (RUBRIC.md)
    "Resolve tickets within 48 hours of opening", "Rispondere entro 48 ore dall'apertura",
    "Pay every supplier invoice within 30 days", "Evadere ogni ordine entro 5 giorni",
])
def test_a_limit_per_item_is_part_of_the_metric_not_a_deadline(text):
    a = read(text)
    assert a.limits and not a.has_deadline
    assert grade(text).criteria["time_bound"].verdict == "missing"


@pytest.mark.parametrize("text", [
    "Increase conversion by 15-20%", "Grow revenue 20% YoY", "Increase demos per month to 40",
])
def test_a_change_or_a_rate_is_not_a_deadline(text):
    a = read(text)
    assert not a.has_deadline
    assert grade(text).criteria["time_bound"].verdict == "missing"


@pytest.mark.parametrize(("text", "metric"), [
    ("Reduce cart abandonment from 40% to 30% by Q3", "cart abandonment"),
    ("Aumentare i DAU da 10K a 15K entro giugno", "i DAU"),
    ("Aumentare gli iscritti alla newsletter da 2.000 a 3.000 entro giugno",
     "gli iscritti alla newsletter"),
    ("Reduce response times to improve satisfaction", "response times"),
    ("Sign 10 new customers by Q4", "new customers"),
    ("Mantenere il 92% dei ricavi annui entro fine anno", "dei ricavi annui"),
])
def test_the_metric_is_found_by_structure(text, metric):
    a = read(text)
    assert a.metric_phrase is not None and a.metric_phrase.text == metric
    assessment = grade(text)
    if a.has_number:  # a metric carrying a quantity is concrete, whatever its words
        assert assessment.criteria["specific"].verdict == "met"
    assert metric in assessment.suggestion
    assert "[metric]" not in assessment.suggestion and "[metrica]" not in assessment.suggestion


@pytest.mark.parametrize(("text", "kind", "direction"), [
    ("Maintain retention above 92% through 2027", "keep", "keep"),
    ("Mantenere il churn sotto il 2%", "keep", "keep"),
    ("Cut discounts from 15% to 10%", "change", "down"),
    ("Grow NRR from 104% to 110%", "change", "up"),
    ("Launch the partner portal by Q3", "deliver", None),
])
def test_the_main_verb_has_a_kind_and_a_direction(text, kind, direction):
    a = read(text)
    assert (a.verb_kind, a.direction) == (kind, direction)


@pytest.mark.parametrize("text", [
    "Fix the checkout bugs", "Upgrade the CRM", "Redo the pricing page", "Execute the launch plan",
    "Assess our sales process", "Identify 20 target accounts", "Collect customer feedback",
    "Place ads on LinkedIn", "Rifare il sito", "Identificare i clienti a rischio",
    "Spiegare il nuovo listino ai venditori", "Rifacciamo la pagina prezzi",
])
def test_more_tasks_are_activities(text):
    assert grade(text).activity


@pytest.mark.parametrize(("text", "kind"), [
    ("O1: Make new sellers productive fast", "objective"),
    ("Objective: Win the mid-market", "objective"),
    ("KR3: Increase NPS from 30 to 40 by Q4", "key_result"),
    ("KR3 Increase NPS from 30 to 40 by Q4", "key_result"),
    ("Risultato chiave: aumentare il NPS da 30 a 40 entro il Q4", "key_result"),
    ("Obiettivo: conquistare il mid-market", "objective"),
])
def test_prefixes_say_the_kind_and_are_not_part_of_the_statement(text, kind):
    a = read(text)
    assert a.prefix_kind == kind
    assessment = grade(text)
    assert assessment.kind == kind
    assert not any(p in assessment.suggestion for p in ("O1", "KR3", "Objective", "Risultato"))


def test_an_objective_is_judged_on_the_objective_rubric():
    a = grade("Keep the customers we have and make them happier")
    assert a.kind == "objective" and a.score >= 50
    assert a.criteria["time_bound"].advice == read("x y").lexicon.advice["time_bound_objective"]
    assert "numbers in its key results" in a.criteria["measurable"].advice
    as_kr = grade("Keep the customers we have and make them happier", kind="key_result")
    assert as_kr.kind == "key_result" and as_kr.score < a.score


def test_an_objective_with_a_number_is_told_it_reads_as_a_key_result():
    a = grade("Increase sales by 10% this year", kind="objective")
    assert a.kind == "objective"
    assert "reads as a key result" in a.criteria["measurable"].advice
    same_without_number = grade("Increase sales this year", kind="objective")
    assert same_without_number.score > a.score
    italian = grade("O1: aumentare le vendite del 10% quest'anno")
    assert italian.kind == "objective"
    assert "risultato chiave" in italian.criteria["measurable"].advice


def test_an_objective_needs_no_deadline_but_a_key_result_does():
    objective = grade("Make new sellers productive fast", kind="objective")
    dated = grade("Make new sellers productive fast by Q4", kind="objective")
    assert abs(objective.score - dated.score) <= 5
    kr = grade("Reach 80% of quota with new sellers", kind="key_result")
    kr_dated = grade("Reach 80% of quota with new sellers by Q4", kind="key_result")
    assert kr_dated.score - kr.score >= 20


@pytest.mark.parametrize("kind", ["goal", "", "KR", 3])
def test_an_unknown_kind_is_refused_in_one_sentence(kind):
    with pytest.raises(OkrsimError, match="Unknown kind .* use 'objective' or 'key_result'"):
        grade("Grow ARR", kind=kind)


def test_cli_kind(cli):
    code, out, _ = cli("grade", "--kind", "objective", "--json", "Increase sales by 10% this year")
    assert code == 0 and '"kind": "objective"' in out and "reads as a key result" in out
    code, _, err = cli("grade", "--kind", "goal", "Grow ARR")
    assert code == 2 and "Unknown kind 'goal'" in err and "Traceback" not in err


def test_read_refuses_bad_input_like_grade():
    with pytest.raises(OkrsimError, match="empty"):
        read("   ")
    with pytest.raises(OkrsimError, match="Unknown language"):
        read("Grow ARR", lang="fr")


@pytest.mark.parametrize(("text", "rewrite"), [
    ("Maintain retention above 92% through 2027", "Keep retention above 92% through 2027"),
    ("Increase NRR by 3 percent", "Increase NRR by 3 percent from [X] by [date]"),
    ("Reduce response times to improve satisfaction",
     "Reduce response times from [X] to [Y] by [date]"),
    ("Reduce churn to less than 5% by Q3", "Reduce churn from [X] to less than 5% by Q3"),
    ("FY26-Q2: grow ARR from €12M to €13M", "Increase ARR from €12M to €13M by FY26-Q2"),
    ("Ridurre il tempo medio di risposta da 45 a 30 minuti",
     "Ridurre il tempo medio di risposta da 45 a 30 minuti entro [data]"),
    ("Ridurre il churn al 6% entro fine anno", "Ridurre il churn da [X] al 6% entro fine anno"),
    ("Aumentare la conversione all'8%", "Aumentare la conversione da [X] all'8% entro [data]"),
    ("Mantenere il 92% dei ricavi annui fino al 31 dicembre 2027",
     "Mantenere il 92% dei ricavi annui fino al 31 dicembre 2027"),
    ("Deliziare i clienti così che restino con noi",
     "Aumentare i clienti da [X] a [Y] entro [data]"),
    ("Ridurre i tempi di risposta ai ticket a meno di 4 ore entro marzo",
     "Ridurre i tempi di risposta ai ticket da [X] a meno di 4 ore entro marzo"),
])
def test_rewrites_keep_the_meaning_and_the_grammar(text, rewrite):
    assert grade(text).suggestion == rewrite
