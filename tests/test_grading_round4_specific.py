"""Grader round 4: the *specific* verdict between met, partial and missing, on made-up examples.

Each class is the one blind set 2 found (see tests/data/README.md): two goals joined in one
statement, an aspiration on a named segment, a vague verb on an abstract quality, a generic
population that nothing changes; and the one-goal forms a conjunction must not split.
"""

from __future__ import annotations

import pytest

from okrsim.grading import grade, read


@pytest.mark.parametrize(("text", "second"), [
    ("Audit the discount approvals and retrain the deal desk", "retrain"),
    ("Grow expansion ARR by 10% and hire a renewals manager", "hire"),
    ("Map the quoting steps and, where needed, automate the approvals", "automate"),
    ("Rivedere il listino e aggiornare le schede prodotto", "aggiornare"),
    ("Aumentare i rinnovi del 5% e assumere un responsabile rinnovi", "assumere"),
])
def test_two_verbs_joined_are_two_goals(text, second):
    a = read(text)
    assert [s.text for s in a.joined_goals][1] == second
    result = grade(text).criteria["specific"]
    assert result.verdict == "partial"
    assert result.advice == a.lexicon.advice["specific_several"]
    assert second in result.evidence


@pytest.mark.parametrize("text", [
    "Increase demo volume & win rate", "Raise partner satisfaction and renewal rate",
    "Aumentare la fedeltà e il coinvolgimento dei distributori",
])
def test_two_objects_measuring_different_things_are_two_goals(text):
    assert len(read(text).joined_goals) == 2
    assert grade(text).criteria["specific"].verdict == "partial"


@pytest.mark.parametrize("text", [
    "Write a pricing FAQ and share it with all 30 reps by June",
    "Design and launch the referral programme by Q3",
    "Grow ARR by 12% through referrals and better onboarding",
    "Cut churn among SMB and mid-market accounts to 6% by Q4",
    "Preparare una guida alle obiezioni e condividerla con i 20 venditori entro giugno",
    "Aumentare l'ARR del 10% grazie a nuovi partner e a un listino più semplice",
])
def test_one_goal_with_a_conjunction_stays_met(text):
    a = read(text)
    assert a.joined_goals == []
    assert grade(text).criteria["specific"].verdict == "met"


@pytest.mark.parametrize(("text", "verdict"), [
    ("Dominate the mid-market in France", "partial"),
    ("Become the go-to vendor for enterprise banks", "partial"),
    ("Dominate the industry", "missing"),
    ("Diventare il fornitore preferito delle PMI in Spagna", "partial"),
    ("Diventare leader del settore", "missing"),
])
def test_an_aspiration_is_partial_on_a_named_segment_and_missing_without(text, verdict):
    a = read(text)
    assert a.wishes
    result = grade(text).criteria["specific"]
    assert result.verdict == verdict
    key = "specific_aspiration" if verdict == "partial" else "specific_missing_objective"
    assert result.advice == a.lexicon.advice[key]


@pytest.mark.parametrize("text", [
    "Strengthen our credibility with buyers", "Improve customer trust in our quotes",
    "Rafforzare la propria credibilità", "Migliorare la nostra reattività verso i clienti",
])
def test_a_vague_verb_on_an_abstract_quality_is_missing(text):
    a = read(text)
    assert a.object_head == "area"
    assert grade(text).criteria["specific"].verdict == "missing"


@pytest.mark.parametrize(("text", "verdict"), [
    ("Get more clients", "missing"), ("Be kind to our customers", "missing"),
    ("Win more customers in Germany", "met"), ("Improve customer service", "partial"),
    ("Migliorare l'assistenza clienti", "partial"),
])
def test_a_generic_population_needs_a_verb_or_a_named_function(text, verdict):
    assert grade(text).criteria["specific"].verdict == verdict


@pytest.mark.parametrize(("text", "verdict"), [
    ("Superb onboarding for our mid-market accounts", "partial"),
    ("Host stellar partner summits", "partial"),
    ("An awesome customer experience", "missing"),
    ("Un supporto impeccabile per i rivenditori enterprise", "partial"),
    ("Un'esperienza d'acquisto perfetta", "missing"),
])
def test_an_evaluative_adjective_is_vague(text, verdict):
    assert read(text).vague_verbs
    assert grade(text).criteria["specific"].verdict == verdict


@pytest.mark.parametrize(("text", "verdict"), [
    ("Become the leading supplier in the payroll software market", "partial"),
    ("Become the best vendor in our market", "missing"),
    ("Diventare il fornitore preferito nel settore dell'arredo", "partial"),
    ("Essere i primi nel mercato nazionale", "missing"),
])
def test_a_market_named_by_what_qualifies_it_is_a_segment(text, verdict):
    assert grade(text).criteria["specific"].verdict == verdict


@pytest.mark.parametrize(("text", "joined"), [
    ("Demos up 30% and trials up 15% by Q3", True),
    ("Opportunità a 300 e demo a 120 entro giugno", True),
    ("Sign between 8 and 10 new resellers in H2", False),
    ("Publish 12 case studies and testimonials (today 3)", False),
    ("Firmare tra 8 e 10 nuovi rivenditori nel secondo semestre", False),
])
def test_two_targets_joined_are_two_goals_and_a_range_is_one(text, joined):
    a = read(text)
    assert bool(a.joined_goals) is joined
    assert (grade(text).criteria["specific"].verdict == "partial") is joined


@pytest.mark.parametrize(("text", "verdict"), [
    ("A partner referral portal for resellers", "met"),
    ("A competitor battlecard for each region", "met"),
    ("Nuova scheda prodotto per i distributori", "met"),
    ("Customer obsession", "missing"),
    ("Crush it this year", "missing"),
    ("Mentalità vincente", "missing"),
])
def test_a_deliverable_named_without_a_verb_is_concrete_and_a_slogan_is_not(text, verdict):
    a = read(text)
    assert (a.named_object is not None) is (verdict == "met")
    assert grade(text).criteria["specific"].verdict == verdict
