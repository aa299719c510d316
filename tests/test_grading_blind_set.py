"""The blind evaluation sets (tests/data/grading_blind.csv, grading_blind2.csv, grading_blind3.csv,
grading_blind4.csv, grading_blind5.csv, grading_blind6.csv, grading_blind7.csv) as files.

Shape, labels and sources of each set published by others. These tests check the data, not the
grader: a set must stay blind, so nothing here grades it. The labels follow tests/data/RUBRIC.md.
Each later set must also share no text with the earlier ones.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
# Each blind set, with the id prefix of its rows, in the order the sets were built.
BLIND_SETS = {"grading_blind.csv": "b1", "grading_blind2.csv": "b2", "grading_blind3.csv": "b3",
              "grading_blind4.csv": "b4", "grading_blind5.csv": "b5",
              "grading_blind6.csv": "b6", "grading_blind7.csv": "b7"}
OTHER_SETS = ("grading_corpus.csv", "grading_holdout.csv", "grading_holdout2.csv",
              "grading_holdout3.csv")
COLUMNS = ["id", "lang", "text", "parent", "kind", "activity", "specific", "measurable",
           "achievable", "relevant", "time_bound", "source"]
ALLOWED = {
    "lang": {"en", "it"},
    "kind": {"objective", "key_result"},
    "activity": {"true", "false"},
    "specific": {"met", "partial", "missing"},
    "measurable": {"met", "partial", "missing"},
    "achievable": {"partial", "missing", "unknown"},
    "relevant": {"met", "partial", "missing", "unknown"},
    "time_bound": {"met", "partial", "missing"},
}
MINIMUM_ROWS = {"en": 150, "it": 80}


def id_pattern(name: str) -> re.Pattern[str]:
    """Return the pattern of the row ids of one blind set (``b1-en-001``, ``b2-it-042``...)."""
    return re.compile(BLIND_SETS[name] + r"-(en|it)-(\d{3})")


def earlier_sets(name: str) -> tuple[str, ...]:
    """Return the labelled files a blind set must not copy from: the others and earlier blinds."""
    blinds = list(BLIND_SETS)
    return OTHER_SETS + tuple(blinds[:blinds.index(name)])


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Return the header and the rows of a labelled CSV file."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def same_text_key(text: str) -> str:
    """Fold case, accents, punctuation and spacing, so near-identical copies compare equal."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(re.findall(r"[\w%€$]+", folded))


@pytest.fixture(scope="module", params=sorted(BLIND_SETS))
def blind_name(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def blind(blind_name) -> list[dict[str, str]]:
    header, rows = read_rows(DATA / blind_name)
    assert header == COLUMNS
    return rows


@pytest.mark.parametrize("name", sorted(BLIND_SETS))
def test_columns_are_those_of_the_other_sets(name):
    header, _ = read_rows(DATA / name)
    assert header == COLUMNS
    for other in OTHER_SETS:
        assert read_rows(DATA / other)[0] == COLUMNS, other


@pytest.mark.parametrize("name", sorted(BLIND_SETS))
def test_lines_end_with_crlf_like_the_other_sets(name):
    data = (DATA / name).read_bytes()
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n"), name


def test_every_cell_is_filled_and_trimmed(blind):
    for row in blind:
        assert None not in row, f"{row['id']}: too many cells"
        for column in COLUMNS:
            value = row[column]
            assert value is not None, f"{row['id']}: {column} is absent"
            assert value == value.strip(), f"{row['id']}: {column} has outer spaces"
            if column != "parent":
                assert value, f"{row['id']}: {column} is empty"
        assert "  " not in row["text"], f"{row['id']}: double space in the text"


def test_ids_are_unique_numbered_and_match_the_language(blind, blind_name):
    pattern = id_pattern(blind_name)
    ids = [row["id"] for row in blind]
    assert len(ids) == len(set(ids))
    for lang in MINIMUM_ROWS:
        numbers = [int(match.group(2)) for row in blind
                   if (match := pattern.fullmatch(row["id"])) and match.group(1) == lang]
        assert numbers == list(range(1, len(numbers) + 1)), lang
    for row in blind:
        match = pattern.fullmatch(row["id"])
        assert match, row["id"]
        assert match.group(1) == row["lang"], row["id"]


@pytest.mark.parametrize("column", sorted(ALLOWED))
def test_labels_take_only_the_rubric_values(blind, column):
    unexpected = {row["id"]: row[column] for row in blind if row[column] not in ALLOWED[column]}
    assert not unexpected, f"{column}: {unexpected}"


def test_relevance_without_a_parent_is_met_or_unknown(blind):
    # RUBRIC.md: without a parent, relevant is met (a purpose clause) or unknown.
    wrong = [row["id"] for row in blind
             if not row["parent"] and row["relevant"] not in {"met", "unknown"}]
    assert not wrong


def test_a_key_result_is_exactly_a_statement_with_a_target_quantity(blind):
    # RUBRIC.md: kind is key_result when the text commits to a quantity, which is also what
    # makes measurable met; a label set that breaks this is self-contradictory.
    wrong = [row["id"] for row in blind
             if (row["kind"] == "key_result") != (row["measurable"] == "met")]
    assert not wrong


def test_a_task_without_a_number_is_not_half_measurable(blind):
    # RUBRIC.md: a task's measurable is missing unless it carries a number.
    wrong = [row["id"] for row in blind
             if row["activity"] == "true" and row["kind"] == "objective"
             and row["measurable"] != "missing"]
    assert not wrong


def test_every_row_names_the_public_page_it_was_copied_from(blind):
    for row in blind:
        url = urlparse(row["source"])
        assert url.scheme in {"http", "https"} and url.netloc, row["id"]
        assert " " not in row["source"], row["id"]


def test_there_are_enough_rows_in_each_language(blind):
    counts = Counter(row["lang"] for row in blind)
    for lang, minimum in MINIMUM_ROWS.items():
        assert counts[lang] >= minimum, f"{lang}: {counts[lang]} rows"


def test_both_kinds_activities_and_outcomes_are_present_in_each_language(blind):
    for lang in MINIMUM_ROWS:
        rows = [row for row in blind if row["lang"] == lang]
        for column in ("kind", "activity", "specific", "measurable", "time_bound"):
            assert {row[column] for row in rows} == ALLOWED[column], (lang, column)


def test_no_text_appears_twice(blind):
    counts = Counter(same_text_key(row["text"]) for row in blind)
    assert not [text for text, count in counts.items() if count > 1]


def test_no_row_is_copied_from_the_corpus_a_held_out_set_or_an_earlier_blind_set(
        blind, blind_name):
    for name in earlier_sets(blind_name):
        _, other = read_rows(DATA / name)
        known = {same_text_key(row["text"]) for row in other}
        copied = [row["id"] for row in blind if same_text_key(row["text"]) in known]
        assert not copied, (name, copied)


def test_a_later_blind_set_is_checked_against_every_earlier_one():
    assert earlier_sets("grading_blind.csv") == OTHER_SETS
    assert earlier_sets("grading_blind2.csv") == OTHER_SETS + ("grading_blind.csv",)
    assert earlier_sets("grading_blind3.csv") == OTHER_SETS + ("grading_blind.csv",
                                                               "grading_blind2.csv")
    assert earlier_sets("grading_blind4.csv") == OTHER_SETS + (
        "grading_blind.csv", "grading_blind2.csv", "grading_blind3.csv")
    assert earlier_sets("grading_blind5.csv") == OTHER_SETS + (
        "grading_blind.csv", "grading_blind2.csv", "grading_blind3.csv", "grading_blind4.csv")
    assert earlier_sets("grading_blind6.csv") == OTHER_SETS + (
        "grading_blind.csv", "grading_blind2.csv", "grading_blind3.csv", "grading_blind4.csv",
        "grading_blind5.csv")
    assert earlier_sets("grading_blind7.csv") == OTHER_SETS + (
        "grading_blind.csv", "grading_blind2.csv", "grading_blind3.csv", "grading_blind4.csv",
        "grading_blind5.csv", "grading_blind6.csv")


def test_the_text_key_ignores_case_accents_punctuation_and_spacing():
    assert same_text_key("Migliorare la soddisfazione dei clienti.") == same_text_key(
        "migliorare  la soddisfazione   dei clienti")
    assert same_text_key("Attività") == same_text_key("attivita")
    assert same_text_key("Increase ARR by 10%") != same_text_key("Increase ARR by 20%")
