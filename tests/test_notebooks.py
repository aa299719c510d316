"""The curriculum notebooks: committed clean, one structure, short cells, paths that resolve.

nbval runs every notebook top to bottom (``make test``); these tests check what nbval does not.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from tests.conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
ALL = sorted(NOTEBOOKS.rglob("*.ipynb"))
CURRICULUM = [p for p in ALL if re.match(r"\d\d_", p.name)]

EXPECTED = [
    "00_start_here.ipynb",
    "01_okr_basics.ipynb",
    "02_smart_key_results.ipynb",
    "03_cascade_and_alignment.ipynb",
    "04_will_it_add_up.ipynb",
    "05_finance_feasibility.ipynb",
    "06_capstone.ipynb",
    "07_okrs_in_operation.ipynb",
]
HEADINGS = {
    "en": ["Overview", "Prerequisites and time", "Imports", "Exercise", "Summary", "What's next"],
    "it": ["Panoramica", "Prerequisiti e tempi", "Import", "Esercizio", "Riepilogo",
           "Prossimi passi"],
}
MAX_CODE_LINES = 12
#: Paths a code cell names, relative to the notebook's folder (nbval runs there).
REPO_PATH = re.compile(r"""["']((?:\.\./)+[\w./-]+|data/[\w./-]+)["']""")
MACHINE_PATH = re.compile(r"(/work/|/home/|/Users/|/tmp/|[A-Z]:\\\\)")


def _id(path: Path) -> str:
    return str(path.relative_to(NOTEBOOKS))


def _read(path: Path):
    return nbformat.read(path, as_version=4)


def _lang(path: Path) -> str:
    return "it" if path.parent.name == "it" else "en"


def test_the_curriculum_has_the_planned_notebooks():
    assert sorted(p.name for p in CURRICULUM if p.parent == NOTEBOOKS) == EXPECTED
    assert (NOTEBOOKS / "it" / "02_smart_key_results.ipynb").exists()


def test_finance_notebook_has_a_papermill_parameters_cell():
    nb = _read(NOTEBOOKS / "05_finance_feasibility.ipynb")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0].cell_type == "code"
    assert "plan_path" in tagged[0].source and "trials" in tagged[0].source


def test_start_here_explains_voila_and_the_three_paths():
    text = "\n".join(c.source for c in _read(NOTEBOOKS / "00_start_here.ipynb").cells)
    assert "voila notebooks/02_smart_key_results.ipynb" in text
    for path in ("90-minute", "Half-day", "Self-paced"):
        assert path.lower() in text.lower()
    for translated in (p for p in CURRICULUM if p.parent != NOTEBOOKS):
        assert (NOTEBOOKS / translated.name).exists(), f"{_id(translated)} has no English original"


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_notebook_is_committed_without_outputs(path):
    nb = _read(path)
    nbformat.validate(nb)
    dirty = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, f"{_id(path)}: clear the outputs of cells {dirty} before committing"


@pytest.mark.parametrize("path", CURRICULUM, ids=_id)
def test_notebook_follows_the_curriculum_structure(path):
    nb = _read(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "title first"
    headings = [
        line[3:].strip()
        for c in nb.cells if c.cell_type == "markdown"
        for line in c.source.splitlines() if line.startswith("## ")
    ]
    positions = []
    for wanted in HEADINGS[_lang(path)]:
        found = [i for i, h in enumerate(headings) if h.startswith(wanted)]
        assert found, f"{_id(path)} has no '## {wanted}' section"
        positions.append(found[0])
    assert positions == sorted(positions), f"{_id(path)}: sections out of order: {headings}"
    sections = positions[3] - positions[2] - 1
    assert sections >= 1, f"{_id(path)}: needs at least one lesson section before the exercise"


@pytest.mark.parametrize("path", CURRICULUM, ids=_id)
def test_code_cells_are_short_calls_into_the_library(path):
    for i, cell in enumerate(c for c in _read(path).cells if c.cell_type == "code"):
        lines = cell.source.splitlines()
        assert len(lines) <= MAX_CODE_LINES, f"{_id(path)} code cell {i}: move logic to okrsim"
        assert not re.search(r"^\s*(def|class) ", cell.source, re.M), (
            f"{_id(path)} code cell {i} defines a function or class; it belongs in okrsim"
        )


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_notebook_paths_are_relative_and_exist(path):
    for cell in _read(path).cells:
        assert not MACHINE_PATH.search(cell.source), f"{_id(path)} names a path of one machine"
        if cell.cell_type != "code":
            continue
        for name in REPO_PATH.findall(cell.source):
            assert (path.parent / name).exists(), f"{_id(path)} refers to missing {name}"
