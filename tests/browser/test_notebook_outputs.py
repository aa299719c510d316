"""Every output of every executed notebook is something a person reads, never Python's raw form.

Each notebook runs top to bottom in a fresh kernel (as JupyterLab, Voilà or papermill would run
it) and every output that has only a plain-text form is inspected: a figure shown as
``<Figure size 700x400 with 1 Axes>``, a dict, a tuple or a bare ``True``/``False`` means the
learner sees a Python value instead of a display.
"""

from __future__ import annotations

import re

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((ROOT / "notebooks").rglob("*.ipynb"))
RAW = re.compile(r"^(<Figure size .*>|\{.*\}|\(.*\)|True|False|None)$", re.DOTALL)


def raw_outputs(path) -> list[str]:
    """The plain-text-only outputs of a notebook run that look like Python values."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if out.get("output_type") in ("execute_result", "display_data") and \
                    set(data) <= {"text/plain"}:
                text = str(data.get("text/plain", "")).strip()
                if RAW.match(text):
                    found.append(f"{cell.source.splitlines()[-1]!r} -> {text[:80]}")
    return found


@pytest.mark.parametrize("path", [
    pytest.param(p, id=str(p.relative_to(ROOT / "notebooks"))) for p in NOTEBOOKS])
def test_no_output_is_a_raw_python_value(path):
    assert raw_outputs(path) == []


def test_the_check_catches_a_figure_repr_and_a_tuple(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("from matplotlib.figure import Figure\nFigure()"),
                nbformat.v4.new_code_cell("(True, 0)")]
    path = tmp_path / "raw.ipynb"
    nbformat.write(nb, path)
    shown = raw_outputs(path)
    assert len(shown) == 2 and "<Figure size" in shown[0] and "(True, 0)" in shown[1]
