"""The facilitator's tables over a journal, the demo room and the chart."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from okrsim.plots.room import plot_missed_criteria  # noqa: E402
from okrsim.workshop import room  # noqa: E402
from okrsim.workshop.journal import Journal  # noqa: E402


@pytest.fixture
def small_room(tmp_path):
    journal = Journal(tmp_path / "room.sqlite")
    rows = [
        ("Ada", "en-rewrite-churn", "Reduce churn.", 20, False, ["measurable", "time_bound"]),
        ("Ada", "en-rewrite-churn", "Reduce annual churn from 10% to 8% by 31 December 2027",
         100, True, []),
        ("Bo", "en-rewrite-churn", "Reduce churn by 2 points", 40, False, ["time_bound"]),
        ("Bo", "en-feas-ramp-share", "75", 100, True, []),
    ]
    for name, exercise, text, score, passed, missed in rows:
        journal.record(participant=name, exercise=exercise, text=text, score=score,
                       passed=passed, missed=missed)
    return journal.attempts()


def test_participation(small_room):
    table = room.participation(small_room)
    assert table.loc["Ada", "attempts"] == 2 and table.loc["Ada", "passed"] == 1
    assert table.loc["Bo", "exercises"] == 2 and table.loc["Bo", "mean_best_score"] == 70.0


def test_scores_per_exercise(small_room):
    table = room.scores_per_exercise(small_room)
    churn = table.loc["en-rewrite-churn"]
    assert churn["participants"] == 2 and churn["attempts"] == 3
    assert churn["mean_first_score"] == 30.0 and churn["mean_best_score"] == 70.0
    assert churn["pass_rate"] == 0.5 and churn["kind"] == "rewrite"
    assert table.index[0] == "en-rewrite-churn"


def test_missed_criteria_counts_each_letter(small_room):
    table = room.missed_criteria(small_room)
    assert table["letter"].tolist()[:2] == ["T", "M"]
    assert table.set_index("criterion")["misses"].to_dict() == {
        "time_bound": 2, "measurable": 1, "achievable": 0, "relevant": 0, "specific": 0}
    assert table.loc[0, "share"] == 0.5


def test_best_rewrites_only_written_answers(small_room):
    table = room.best_rewrites(small_room, n=5)
    assert table["exercise"].tolist() == ["en-rewrite-churn", "en-rewrite-churn"]
    assert table.loc[0, "participant"] == "Ada" and table.loc[0, "score"] == 100


def test_empty_journal_gives_empty_tables(tmp_path):
    empty = Journal(tmp_path / "empty.sqlite").attempts()
    assert room.participation(empty).empty and room.scores_per_exercise(empty).empty
    assert room.best_rewrites(empty).empty
    assert room.missed_criteria(empty)["misses"].sum() == 0


def test_demo_room_is_seeded_and_graded_by_the_real_checks(tmp_path):
    first = room.demo_room(tmp_path / "a.sqlite", seed=3, participants=6).attempts()
    again = room.demo_room(tmp_path / "b.sqlite", seed=3, participants=6).attempts()
    other = room.demo_room(tmp_path / "c.sqlite", seed=4, participants=6).attempts()
    columns = ["participant", "exercise", "text", "score"]
    pd.testing.assert_frame_equal(first[columns], again[columns])
    assert not first[columns].equals(other[columns])
    assert first["participant"].nunique() == 6
    assert first["score"].between(0, 100).all() and first["passed"].any()
    assert (~first["passed"]).any()
    with pytest.raises(ValueError, match="participants is 0"):
        room.demo_room(tmp_path / "d.sqlite", participants=0)


def test_export_csv_round_trips(small_room, tmp_path):
    path = room.export_csv(small_room, tmp_path / "room.csv")
    back = pd.read_csv(path)
    assert back["text"].tolist() == small_room["text"].tolist()


def test_plot_missed_criteria(small_room):
    figure = plot_missed_criteria(room.missed_criteria(small_room))
    axis = figure.axes[0]
    assert len(axis.patches) == 5 and "T · Time-bound" in [t.get_text() for t in
                                                          axis.get_yticklabels()]


@pytest.mark.parametrize("lang", ["en", "it"])
def test_missed_chart_labels_shares_on_its_percent_axis_in_its_language(small_room, lang):
    from okrsim.i18n import format_percent, term

    table = room.missed_criteria(small_room)
    axis = plot_missed_criteria(table, lang=lang).axes[0]
    bar_labels = [t.get_text() for t in axis.texts]
    # The axis is in %, so are the numbers on its bars (never counts on a % axis).
    assert sorted(bar_labels) == sorted(format_percent(s, lang, 0) for s in table["share"])
    assert "%" in axis.xaxis.get_major_formatter()(0.5, 0)
    names = [t.get_text() for t in axis.get_yticklabels()]
    assert f"T · {term(lang, 'criterion.time_bound')}" in names
