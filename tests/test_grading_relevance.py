"""Relevance to a parent objective: what a qualitative objective is about counts.

A good objective names no metric ("Provide an amazing support service"), so its key results
cannot share one with it; they serve it by measuring its area (growth, customer experience,
engagement, demand, efficiency, enablement, profitability) or by working on what it names.
"""

from __future__ import annotations

import pytest

from okrsim.grading import grade
from okrsim.grading.rules import AREAS


def relevance(text: str, parent: str, lang: str = "en") -> str:
    return grade(text, lang=lang, parent=parent).criteria["relevant"].verdict


@pytest.mark.parametrize(("text", "parent", "lang"), [
    ("Raise CSAT from 4.0 to 4.5 by Q3", "Provide an amazing customer support service", "en"),
    ("Reduce the sales cycle from 60 to 45 days by Q4", "Run a faster, more predictable sales "
     "process", "en"),
    ("Lift gross margin from 62% to 66% by year end", "Make our services line profitable", "en"),
    ("Ridurre il ciclo di vendita da 60 a 45 giorni entro il Q4",
     "Rendere il processo commerciale più veloce e prevedibile", "it"),
    ("Portare il margine lordo dal 62% al 66% entro dicembre", "Rendere redditizia la linea "
     "servizi", "it"),
])
def test_a_key_result_that_measures_the_objectives_area_serves_it(text, parent, lang):
    assessment = grade(text, lang=lang, parent=parent)
    relevant = assessment.criteria["relevant"]
    assert relevant.verdict == "met"
    assert relevant.evidence and all(e in text for e in relevant.evidence)


def test_a_parent_with_its_own_number_is_served_directly_only_by_its_metric():
    parent = "Grow new-business revenue by 15% in 2027"
    assert relevance("Raise the average deal size from €18k to €22k by Q4", parent) == "partial"
    assert relevance("Grow new-business ARR from €2M to €2.3M by Q4", parent) == "met"


@pytest.mark.parametrize(("text", "parent", "lang"), [
    ("Raise CSAT from 4.1 to 4.5 by Q3", "Make our services line profitable", "en"),
    ("Publish 12 blog posts on pricing by June", "Cut the time new sellers need to reach quota",
     "en"),
    ("Pubblicare 12 articoli sul blog entro giugno",
     "Ridurre il tempo dei nuovi venditori per arrivare a quota", "it"),
])
def test_a_key_result_of_another_area_still_does_not_serve(text, parent, lang):
    assert relevance(text, parent, lang) == "missing"


def test_sharing_two_topic_words_is_working_on_the_parent_one_word_is_a_hint():
    assert relevance("Launch the partner portal to all resellers by March",
                     "Launch a partner portal for our resellers") == "met"
    assert relevance("Hold four pricing workshops with the sales team by Q2",
                     "Improve our pricing") == "partial"


def test_every_area_has_words_in_every_language_and_known_families():
    from okrsim.grading.lexicon import available_languages, load_lexicon

    for lang in available_languages():
        assert set(load_lexicon(lang).areas) == set(AREAS), lang
    families = set(load_lexicon("en").metrics)
    assert set().union(*AREAS.values()) <= families
