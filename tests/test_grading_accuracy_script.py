"""scripts/grading_accuracy.py: default corpus, --corpus, --holdout and bad input."""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT

_SPEC = importlib.util.spec_from_file_location("grading_accuracy",
                                               ROOT / "scripts" / "grading_accuracy.py")
script = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(script)


def test_default_corpus_prints_only_the_table():
    args = script.parse_args([])
    assert args.corpus == script.DEFAULT and not args.errors


@pytest.mark.parametrize("argv", [["--holdout"], ["--corpus", str(script.HOLDOUT)],
                                  [str(script.HOLDOUT)]])
def test_holdout_can_be_chosen_three_ways(argv):
    assert script.parse_args(argv).corpus == script.HOLDOUT


def test_two_corpora_are_refused(capsys):
    with pytest.raises(SystemExit) as stop:
        script.parse_args(["--holdout", str(script.DEFAULT)])
    assert stop.value.code == 2
    assert "give one corpus" in capsys.readouterr().err


def test_missing_corpus_is_one_sentence_and_exit_2(tmp_path, capsys):
    assert script.main(["--corpus", str(tmp_path / "nope.csv")]) == 2
    err = capsys.readouterr().err
    assert "is not a file" in err and "Traceback" not in err


def _first_rows(tmp_path, count: int):
    """A corpus file of the held-out set's header and first ``count`` rows."""
    small = tmp_path / "small.csv"
    lines = script.HOLDOUT.read_text(encoding="utf-8").splitlines()[:count + 1]
    small.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return small


def test_holdout_run_names_the_corpus_and_lists_errors(tmp_path, capsys):
    small = _first_rows(tmp_path, 2)
    assert script.main(["--corpus", str(small), "--errors"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("corpus: small.csv (2 statements)")
    assert "en   measurable" in out


def test_per_class_recall_adds_up_and_a_source_can_be_left_out(tmp_path, capsys):
    import re

    small = _first_rows(tmp_path, 5)
    assert script.main(["--corpus", str(small), "--per-class"]) == 0
    out = capsys.readouterr().out
    per_class = out.split("recall per class")[1]
    specific = next(line for line in per_class.splitlines() if line.startswith("en   specific"))
    counts = re.findall(r"(\w+): (\d+)/(\d+)", specific)
    assert counts and sum(int(rows) for _, _, rows in counts) == 5
    assert all(int(right) <= int(rows) for _, right, rows in counts)
    source = next(iter(script.load_corpus(small)))["source"]
    assert script.main(["--corpus", str(small), "--without-source", source.upper()]) == 0
    out = capsys.readouterr().out
    assert "(0 statements without the sources" in out.splitlines()[0]
