"""What docs/jupyterhub.md promises, as far as one machine allows: the environment variables a
hub sets reach the participants' kernels, the widgets record into PostgreSQL under the room, and
the facilitator's dashboard notebook reads that room back."""

from __future__ import annotations

import os

import nbformat
import pytest
from nbclient import NotebookClient

from okrsim.workshop.journal import Journal
from tests.conftest import ROOT

DASHBOARD = ROOT / "notebooks" / "facilitator_dashboard.ipynb"
PARTICIPANT = """
import os
from okrsim.widgets import ExerciseWidget
widget = ExerciseWidget("en-rewrite-churn", participant="Giulia")
widget.answer.value = "Reduce annual churn from 10% to 8% by 31 December 2027"
widget.check_button.click()
print(os.environ["OKRSIM_ROOM"], widget.journal)
"""


def _run(notebook, folder, env: dict[str, str]) -> None:
    previous = {k: os.environ.get(k) for k in env}
    os.environ.update(env)  # the kernel inherits the environment, as a hub's spawner sets it
    try:
        NotebookClient(notebook, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(folder)}}).execute()
    finally:
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _outputs(cell) -> str:
    return "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
                   for o in cell.outputs)


def test_hub_variables_reach_the_kernel_and_the_dashboard_reads_the_room(pg_url, tmp_path):
    pytest.importorskip("ipywidgets")
    participant = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PARTICIPANT)])
    _run(participant, tmp_path, {"OKRSIM_JOURNAL": pg_url, "OKRSIM_ROOM": "Milano, 3 marzo"})
    assert "Milano, 3 marzo" in _outputs(participant.cells[0])
    Journal(pg_url, room="London").record(participant="Tom", exercise="en-rewrite-churn",
                                          text="Reduce churn.", score=20)
    recorded = Journal(pg_url).attempts(room="Milano, 3 marzo")
    assert recorded["participant"].tolist() == ["Giulia"]

    dashboard = nbformat.read(DASHBOARD, as_version=4)
    _run(dashboard, tmp_path, {"OKRSIM_JOURNAL": pg_url, "OKRSIM_ROOM": "Milano, 3 marzo"})
    text = "\n".join(_outputs(c) for c in dashboard.cells if c.cell_type == "code")
    assert "Reading the shared journal Journal('postgresql://" in text
    assert "in 2 room(s)" in text
    assert "Looking at room 'Milano, 3 marzo': 1 attempts by 1 people." in text
