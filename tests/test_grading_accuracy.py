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


# --- Held-out set (tests/data/grading_holdout.csv) -------------------------------------------
# Labelled before the grader was run on it (see tests/data/README.md). Floors are what the grader
# scored when the set was first measured, minus a margin of about 5-10 points, so that a
# regression fails here; they are not goals to tune the rules against.
HOLDOUT = load_corpus(ROOT / "tests" / "data" / "grading_holdout.csv")
HOLDOUT_FLOORS = {  # field: floor (first measured en / it)
    "kind": 0.90,        # 98.0% / 100.0%
    "activity": 0.85,    # 93.0% / 93.5%
    "specific": 0.75,    # 85.0% / 84.8%
    "measurable": 0.90,  # 97.0% / 100.0%
    "time_bound": 0.90,  # 98.0% / 95.7%
    "lang": 0.95,        # 100.0% / 97.8%
}


@pytest.fixture(scope="module")
def holdout_scores():
    return evaluate(HOLDOUT)


def test_holdout_is_large_enough_and_disjoint_from_the_corpus():
    langs = [row["lang"] for row in HOLDOUT]
    assert langs.count("en") >= 80 and langs.count("it") >= 40
    assert all("labelled before grading" in row["source"] for row in HOLDOUT)

    def norm(text):
        return " ".join(text.lower().split())

    assert not {norm(r["text"]) for r in HOLDOUT} & {norm(r["text"]) for r in CORPUS}
    assert len({r["id"] for r in HOLDOUT}) == len(HOLDOUT)


@pytest.mark.parametrize("lang", ["en", "it"])
@pytest.mark.parametrize("field", sorted(HOLDOUT_FLOORS))
def test_holdout_accuracy_stays_above_its_floor(holdout_scores, lang, field):
    assert holdout_scores[lang][field].accuracy >= HOLDOUT_FLOORS[field]
