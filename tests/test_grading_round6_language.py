"""Grader round 6: terse Italian plan fragments full of English loan words.

The statements below are written for these tests (revenue teams), not taken from any labelled
set: Italian evidence (adjective and participle endings, articled prepositions, "gg", numbers
written the Italian way) must win even when most words are English loans, and English
statements, including those holding Italian loans, must stay English.
"""

from __future__ import annotations

import pytest

from okrsim.grading.language import detect_language, word_evidence
from okrsim.grading.lexicon import load_lexicon


@pytest.mark.parametrize("text", [
    "Newsletter bisettimanale",
    "Report semestrale forecast",
    "Webinar mensili per i reseller",
    "QBR trimestrali",
    "Posting giornaliero su TikTok",
    "Cold email giornaliere: 60",
    "Pipeline review rigorosa",
    "Rilancio partner program",
    "Servizio white-glove onboarding",
    "Churn 30gg <2%",
    "Meeting prenotate: target 20",
    "Trial attivate: 90",
    "Demo agli stakeholder: 10",
    "€7.500 MRR",
    "ARR €2,4M",
    "NPS enterprise ≥ 4,2/5",
    "Onboarding digitale SMB",
])
def test_terse_italian_fragments_full_of_loans_are_italian(text):
    assert detect_language(text) == "it", text


@pytest.mark.parametrize("text", [
    "Launch partner program",
    "Biweekly newsletter to resellers",
    "Close 12 enterprise deals",
    "Meeting requests: target 20",
    "Churn 30d < 2%",
    "$7,500 MRR",
    "Pizza Hut partner deal",
    "Pizzeria franchise pilot: 8 stores",
    "Book demos via the partner portal",
    "Portfolio review with top accounts",
    "Wholesale deals: €120,000",
    "Female founders webinar",
    "Daily TikTok posting",
])
def test_english_statements_with_loans_stay_english(text):
    assert detect_language(text) == "en", text


def test_no_evidence_keeps_the_english_default():
    assert detect_language("Upsell enterprise accounts: 15") == "en"
    assert detect_language("Win rate 28% → 32%") == "en"


def test_italian_numbers_are_read_from_the_lexicon():
    numbers = load_lexicon("it").detect_numbers
    assert numbers is not None
    assert numbers.findall("€5.000-8.000 e 1,5") == ["5.000", "8.000", "1,5"]
    assert numbers.findall("$5,000-8,000 and 1.500.5") == []


def test_a_loan_is_no_evidence_of_its_language_even_by_shape():
    assert word_evidence("pizza") == ()
    assert word_evidence("pizzeria") == ()
    assert word_evidence("giornaliero") == (("it", 1.5),)
