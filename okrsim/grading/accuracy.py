"""Measure the grader against a labelled corpus: accuracy, precision and recall per criterion."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from okrsim.grading.grader import grade
from okrsim.grading.result import CRITERIA

#: What is compared, and the label counted as "positive" for precision and recall.
FIELDS: dict[str, str] = {"kind": "key_result", "activity": "true",
                          **{name: "met" for name in CRITERIA}}


@dataclass(frozen=True)
class Score:
    """Agreement of the grader with the labels on one field of one language.

    Attributes
    ----------
    n : int
        Statements compared.
    correct : int
        Statements where the grader's value equals the label.
    true_pos, false_pos, false_neg : int
        Counts for the positive value of :data:`FIELDS`.
    """

    n: int
    correct: int
    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def accuracy(self) -> float:
        """Share of statements graded as labelled."""
        return self.correct / self.n if self.n else float("nan")

    @property
    def precision(self) -> float:
        """Share of the grader's positives that are labelled positive."""
        predicted = self.true_pos + self.false_pos
        return self.true_pos / predicted if predicted else float("nan")

    @property
    def recall(self) -> float:
        """Share of the labelled positives the grader found."""
        actual = self.true_pos + self.false_neg
        return self.true_pos / actual if actual else float("nan")


def load_corpus(path: str | Path) -> list[dict[str, str]]:
    """Read the labelled corpus (CSV with a header: text, lang, parent, labels, source)."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def predictions(row: dict[str, str]) -> dict[str, str]:
    """Grade one corpus row (language auto-detected) and return its values per field."""
    a = grade(row["text"], parent=row.get("parent") or None)
    values = {"kind": a.kind, "activity": "true" if a.activity else "false", "lang": a.lang}
    values.update({name: a.criteria[name].verdict for name in CRITERIA})
    return values


def evaluate(rows: Iterable[dict[str, str]]) -> dict[str, dict[str, Score]]:
    """Compare the grader with the labels.

    Parameters
    ----------
    rows : iterable of dict
        Corpus rows, as from :func:`load_corpus`.

    Returns
    -------
    dict
        ``{lang: {field: Score}}`` for every field of :data:`FIELDS` plus ``"lang"``
        (language detection).
    """
    tallies: dict[str, dict[str, list[int]]] = {}
    for row in rows:
        got = predictions(row)
        per_lang = tallies.setdefault(row["lang"], {})
        for field in [*FIELDS, "lang"]:
            label = row[field]
            positive = FIELDS.get(field, row["lang"])
            t = per_lang.setdefault(field, [0, 0, 0, 0, 0])
            t[0] += 1
            t[1] += got[field] == label
            t[2] += got[field] == positive and label == positive
            t[3] += got[field] == positive and label != positive
            t[4] += got[field] != positive and label == positive
    return {lang: {field: Score(*t) for field, t in fields.items()}
            for lang, fields in tallies.items()}


def _pct(value: float) -> str:
    return "n/a" if value != value else f"{value:.1%}"


def format_table(scores: dict[str, dict[str, Score]]) -> str:
    """A plain-text table: one line per language and field."""
    lines = [f"{'lang':<5}{'field':<12}{'n':>5}{'accuracy':>10}{'precision':>11}{'recall':>8}"
             "  (positive)"]
    for lang in sorted(scores):
        for field, s in scores[lang].items():
            positive = FIELDS.get(field, lang)
            lines.append(f"{lang:<5}{field:<12}{s.n:>5}{_pct(s.accuracy):>10}"
                         f"{_pct(s.precision):>11}{_pct(s.recall):>8}  ({positive})")
    return "\n".join(lines)
