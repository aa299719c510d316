"""Measure the grader against a labelled corpus: accuracy, precision and recall per criterion."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    per_label : dict
        ``{label: (statements with that label, of which graded as labelled)}``.
    """

    n: int
    correct: int
    true_pos: int
    false_pos: int
    false_neg: int
    per_label: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def balanced_accuracy(self) -> float:
        """Mean over the labels present of the share graded as labelled (macro recall).

        Unlike plain accuracy it does not flatter a grader on a set where one label dominates
        (most published key results have no deadline, for instance).
        """
        shares = [right / total for total, right in self.per_label.values() if total]
        return sum(shares) / len(shares) if shares else float("nan")

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
    labels: dict[str, dict[str, dict[str, list[int]]]] = {}
    for row in rows:
        got = predictions(row)
        per_lang = tallies.setdefault(row["lang"], {})
        for name in [*FIELDS, "lang"]:
            label = row[name]
            positive = FIELDS.get(name, row["lang"])
            t = per_lang.setdefault(name, [0, 0, 0, 0, 0])
            t[0] += 1
            t[1] += got[name] == label
            t[2] += got[name] == positive and label == positive
            t[3] += got[name] == positive and label != positive
            t[4] += got[name] != positive and label == positive
            by_label = labels.setdefault(row["lang"], {}).setdefault(name, {})
            count = by_label.setdefault(label, [0, 0])
            count[0] += 1
            count[1] += got[name] == label
    return {lang: {name: Score(*t, per_label={k: (v[0], v[1])
                                               for k, v in labels[lang][name].items()})
                   for name, t in fields.items()}
            for lang, fields in tallies.items()}


def _pct(value: float) -> str:
    return "n/a" if value != value else f"{value:.1%}"


def format_table(scores: dict[str, dict[str, Score]]) -> str:
    """A plain-text table: one line per language and field."""
    lines = [f"{'lang':<5}{'field':<12}{'n':>5}{'accuracy':>10}{'balanced':>10}{'precision':>11}"
             f"{'recall':>8}  (positive)"]
    for lang in sorted(scores):
        for name, s in scores[lang].items():
            positive = FIELDS.get(name, lang)
            lines.append(f"{lang:<5}{name:<12}{s.n:>5}{_pct(s.accuracy):>10}"
                         f"{_pct(s.balanced_accuracy):>10}"
                         f"{_pct(s.precision):>11}{_pct(s.recall):>8}  ({positive})")
    return "\n".join(lines)


#: The order labels are listed in by :func:`format_per_class` (others follow, sorted).
LABEL_ORDER = ("key_result", "objective", "true", "false", "met", "partial", "missing", "unknown")


def format_per_class(scores: dict[str, dict[str, Score]]) -> str:
    """Per-class recall as plain text: one line per language and field.

    Each label present is shown as ``label: graded as labelled/rows``, e.g.
    ``en   specific     met: 144/160  partial: 12/36  missing: 5/11``.
    """
    lines = []
    for lang in sorted(scores):
        for name, s in scores[lang].items():
            order = sorted(s.per_label, key=lambda label: (
                LABEL_ORDER.index(label) if label in LABEL_ORDER else len(LABEL_ORDER), label))
            classes = "  ".join(f"{label}: {s.per_label[label][1]}/{s.per_label[label][0]}"
                                for label in order)
            lines.append(f"{lang:<5}{name:<12} {classes}")
    return "\n".join(lines)
