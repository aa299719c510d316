"""The instructor edition is generated from the lessons and a notes file, never kept by hand."""

from __future__ import annotations

import importlib.util
import json
import re

import nbformat
import pytest

from tests.conftest import ROOT

_SPEC = importlib.util.spec_from_file_location(
    "build_instructor_edition", ROOT / "scripts" / "build_instructor_edition.py")
script = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(script)

LESSONS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if re.match(r"\d\d_", p.name))


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("instructor")
    return out, script.build(out)


def test_every_notebook_is_built_and_valid(edition):
    out, written = edition
    sources = sorted((ROOT / "notebooks").rglob("*.ipynb"))
    assert len(written) == len(sources)
    for path in written:
        nbformat.validate(nbformat.read(path, as_version=4))
    assert (out / "exercises" / "plans" / "revenue_teams.yaml").is_file()
    assert (out / "notebooks" / "data" / "quarter_in_operation.yaml").is_file()


def test_each_note_follows_its_tagged_cell(edition):
    out, _ = edition
    notes = script.load_notes()
    for relative, entries in notes.items():
        cells = json.loads((out / "notebooks" / relative).read_text(encoding="utf-8"))["cells"]
        assert "Instructor edition" in "".join(cells[0]["source"]) \
            or "Edizione per il docente" in "".join(cells[0]["source"])
        for key, note in entries.items():
            at = [i for i, c in enumerate(cells)
                  if f"instructor:{key}" in c.get("metadata", {}).get("tags", [])]
            assert len(at) == 1, (relative, key)
            inserted = "".join("".join(c["source"]) for c in cells[at[0] + 1:at[0] + 3])
            for text in note.values():
                assert text.strip().splitlines()[0] in inserted, (relative, key)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_learner_notebooks_hold_no_answer_blocks(path):
    text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
    for summary in re.findall(r"<summary>(.*?)</summary>", text):
        assert re.search(r"hint|suggeriment", summary, re.I), (path.name, summary)


def test_a_tag_without_notes_stops_the_build(tmp_path):
    lessons = tmp_path / "notebooks"
    lessons.mkdir()
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_markdown_cell("## Exercise")
    cell.metadata["tags"] = ["instructor:missing"]
    nb.cells = [cell]
    nbformat.write(nb, lessons / "01_x.ipynb")
    notes = tmp_path / "notes.yaml"
    notes.write_text("01_x.ipynb:\n  other:\n    answer: A1\n", encoding="utf-8")
    with pytest.raises(script.BuildError, match="tagged 'instructor:missing'"):
        script.build(tmp_path / "out", notes, lessons)
    cell.metadata["tags"] = ["instructor:other", "instructor:more"]
    nbformat.write(nb, lessons / "01_x.ipynb")
    notes.write_text("01_x.ipynb:\n  other:\n    answer: A1\n  more:\n    facilitator: ok\n"
                     "  unused:\n    answer: A2\n", encoding="utf-8")
    with pytest.raises(script.BuildError, match="notes 'unused' but no cell is tagged"):
        script.build(tmp_path / "out", notes, lessons)
    notes.write_text("02_y.ipynb:\n  k:\n    answer: a\n", encoding="utf-8")
    with pytest.raises(script.BuildError, match="not a notebook of the kit"):
        script.build(tmp_path / "out", notes, lessons)
    notes.write_text("01_x.ipynb:\n  other:\n    solution: a\n", encoding="utf-8")
    with pytest.raises(script.BuildError, match="'answer' and/or 'facilitator'"):
        script.build(tmp_path / "out", notes, lessons)


def test_command_line_reports_a_bad_notes_file_in_one_sentence(tmp_path, monkeypatch, capsys):
    bad = tmp_path / "notes.yaml"
    bad.write_text("- just\n- a list\n", encoding="utf-8")
    monkeypatch.setattr(script, "NOTES", bad)
    monkeypatch.setattr(script.build, "__defaults__",
                        (script.DEFAULT_OUT, bad, script.NOTEBOOKS))
    assert script.main(["--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err


def test_the_instructor_edition_runs(edition):
    from nbclient import NotebookClient

    out, _ = edition
    path = out / "notebooks" / "00_start_here.ipynb"
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(path.parent)}}).execute()
    shown = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert shown and not any(o.get("output_type") == "error" for o in shown)
    assert any(o.get("output_type") == "stream" or "text/html" in o.get("data", {})
               for o in shown)
