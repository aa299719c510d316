"""The grader against the labelled corpus (tests/data/grading_corpus.csv)."""

from __future__ import annotations

import pytest

from okrsim.grading.accuracy import evaluate, load_corpus
from tests.conftest import ROOT

CORPUS = load_corpus(ROOT / "tests" / "data" / "grading_corpus.csv")


@pytest.fixture(scope="module")
def scores():
    return evaluate(CORPUS)


def test_corpus_is_large_enough_and_sourced():
    langs = [row["lang"] for row in CORPUS]
    assert langs.count("en") >= 200 and langs.count("it") >= 80
    assert all(row["source"].strip() for row in CORPUS)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_measurable_and_time_bound_accuracy_at_least_90_percent(scores, lang):
    assert scores[lang]["measurable"].accuracy >= 0.90
    assert scores[lang]["time_bound"].accuracy >= 0.90


@pytest.mark.parametrize("lang", ["en", "it"])
def test_activity_versus_outcome_accuracy_at_least_80_percent(scores, lang):
    assert scores[lang]["activity"].accuracy >= 0.80


@pytest.mark.parametrize("lang", ["en", "it"])
def test_language_is_detected(scores, lang):
    assert scores[lang]["lang"].accuracy >= 0.97
