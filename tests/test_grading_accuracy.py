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


# --- Held-out sets (tests/data/grading_holdout*.csv) -------------------------------------------
# Each was labelled before the grader was run on it (see tests/data/README.md). Floors are what
# the grader scored when the set was first measured, minus a margin of about 5-10 points, so that
# a regression fails here; they are not goals to tune the rules against. Set 1 was measured before
# the rules were changed on its errors (and is spoiled for those categories); sets 2 and 3 were
# written blind while the rules were changed, and measured once afterwards.
HOLDOUTS = {
    "grading_holdout.csv": {  # field: floor (first measured en / it)
        "kind": 0.90,        # 98.0% / 100.0%
        "activity": 0.85,    # 93.0% / 93.5%
        "specific": 0.75,    # 85.0% / 84.8%
        "measurable": 0.90,  # 97.0% / 100.0%
        "time_bound": 0.90,  # 98.0% / 95.7%
        "lang": 0.95,        # 100.0% / 97.8%
    },
    "grading_holdout2.csv": {
        "kind": 0.90,        # 95.9% / 96.0%
        "activity": 0.88,    # 96.9% / 96.0%
        "specific": 0.70,    # 86.7% / 78.0%
        "measurable": 0.85,  # 92.9% / 90.0%
        "time_bound": 0.85,  # 92.9% / 94.0%
        "lang": 0.95,        # 100.0% / 98.0%
    },
    "grading_holdout3.csv": {  # written blind during the Specific round, measured once after it
        "kind": 0.90,        # 99.0% / 98.6%
        "activity": 0.85,    # 93.1% / 95.9%
        "specific": 0.78,    # 93.1% / 85.1%
        "measurable": 0.88,  # 96.1% / 95.9%
        "time_bound": 0.90,  # 98.0% / 100.0%
        "lang": 0.95,        # 100.0% / 100.0%
    },
}
SETS = {name: load_corpus(ROOT / "tests" / "data" / name) for name in HOLDOUTS}


@pytest.fixture(scope="module")
def holdout_scores():
    return {name: evaluate(rows) for name, rows in SETS.items()}


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.mark.parametrize("name", sorted(HOLDOUTS))
def test_holdout_is_large_enough_and_disjoint_from_the_other_sets(name):
    rows = SETS[name]
    langs = [row["lang"] for row in rows]
    assert langs.count("en") >= 80 and langs.count("it") >= 40
    assert all("labelled before grading" in row["source"] for row in rows)
    others = [r for other, o in SETS.items() if other != name for r in o] + CORPUS
    assert not {_norm(r["text"]) for r in rows} & {_norm(r["text"]) for r in others}
    assert len({r["id"] for r in rows}) == len(rows)


@pytest.mark.parametrize("name", sorted(HOLDOUTS))
@pytest.mark.parametrize("lang", ["en", "it"])
@pytest.mark.parametrize("field", sorted(HOLDOUTS["grading_holdout.csv"]))
def test_holdout_accuracy_stays_above_its_floor(holdout_scores, name, lang, field):
    assert holdout_scores[name][lang][field].accuracy >= HOLDOUTS[name][field]
