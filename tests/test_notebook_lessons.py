"""Seeded notebook cells whose output *is* the lesson print what the library computes.

Notebooks are committed without outputs, so nbval (lax) only proves they run. Cells tagged
``lesson-output`` are checked here instead: each notebook is executed in a fresh kernel and the
text of those cells is compared with the library's own answer for the same inputs. Notebook 05
is also run with other papermill-style parameters, to prove its ``parameters`` cell drives it.
"""

from __future__ import annotations

import re

import nbformat
import pytest
from nbclient import NotebookClient

from okrsim.grading import grade, staircase
from okrsim.plan import load_plan
from okrsim.sim import default_plan, simulate, solve
from okrsim.sim.display import p_target_text, verdict
from tests.conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"


def run_lessons(path, parameters: str | None = None) -> list[str]:
    """Execute a notebook in a fresh kernel; return the text output of its lesson cells."""
    nb = nbformat.read(path, as_version=4)
    if parameters is not None:
        (cell,) = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        cell.source = parameters
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    texts = []
    for cell in nb.cells:
        if "lesson-output" in cell.metadata.get("tags", []):
            parts = []
            for out in cell.outputs:
                if out.output_type == "stream":
                    parts.append(out.text)
                elif "data" in out and "text/plain" in out.data:
                    parts.append(out.data["text/plain"])
            texts.append("".join(parts).strip())
    return texts


@pytest.mark.parametrize(("path", "lang"), [
    (NOTEBOOKS / "02_smart_key_results.ipynb", "en"),
    (NOTEBOOKS / "it" / "02_smart_key_results.ipynb", "it"),
])
def test_staircase_scores_shown_are_the_graders_and_rise(path, lang):
    (shown,) = run_lessons(path)
    scores = {step: int(score) for step, score in re.findall(r"(\w) (\d+)", shown)}
    assert scores == {step: grade(text).score for step, text in staircase(lang).items()}
    values = list(scores.values())
    assert all(b > a for a, b in zip(values, values[1:], strict=False)), values


@pytest.mark.parametrize(("path", "lang"), [
    (NOTEBOOKS / "04_will_it_add_up.ipynb", "en"),
    (NOTEBOOKS / "it" / "04_will_it_add_up.ipynb", "it"),
])
def test_will_it_add_up_shows_the_simulators_answer(path, lang):
    (shown,) = run_lessons(path)
    result = simulate(default_plan(), trials=2_000, seed=1)
    assert shown.splitlines()[0] == verdict(result, lang)[0]
    assert p_target_text(result, lang) in shown
    assert f"{result.on_paper_growth:+.1%}".replace(".", "," if lang == "it" else ".") in shown


def test_finance_notebook_goal_seek_follows_its_parameters():
    plan_path = ROOT / "exercises" / "plans" / "revenue_teams.yaml"
    parameters = ('plan_path = "../exercises/plans/revenue_teams.yaml"\n'
                  "trials = 500\nseed = 3\nprobability = 0.6\nout_dir = None\n")
    (shown,) = run_lessons(NOTEBOOKS / "05_finance_feasibility.ipynb", parameters)
    expected = solve(load_plan(plan_path), "hiring.count", 0.6, trials=500, seed=3)
    assert shown == expected.message
    assert re.search(r"\d", shown)
