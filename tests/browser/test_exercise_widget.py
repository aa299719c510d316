"""The exercise widget in JupyterLab: a wrong answer, a hint, the right answer, the model answer.

The expected texts come from the exercise bank and the library's own checker, so the test
proves the browser shows what the library decided, not strings copied here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from okrsim.exercises import Exercise, load_bank
from tests.browser.lab_page import open_notebook, run_all_cells
from tests.browser.notebooks import write_notebook

pytestmark = pytest.mark.browser

EXERCISE_ID = "en-krs-sales-growth"


@pytest.fixture(scope="module")
def exercise() -> Exercise:
    return load_bank().get(EXERCISE_ID)


@pytest.fixture(scope="module")
def exercise_notebook(lab_root: Path) -> str:
    return write_notebook(
        lab_root,
        "browser/exercise.ipynb",
        "Exercise",
        "from okrsim.widgets import ExerciseWidget",
        f"ExerciseWidget({EXERCISE_ID!r}, journal=False)",
    )


def check_answer(page: Page, answer: str) -> None:
    page.get_by_placeholder("Type your answer here").fill(answer)
    page.get_by_role("button", name="Check", exact=True).click()


def test_wrong_answer_then_hint_then_right_answer(
    page, lab, exercise_notebook, exercise, screenshot
):
    notebook = open_notebook(page, lab, exercise_notebook)
    run_all_cells(page, notebook)
    expect(notebook.get_by_text(exercise.title)).to_be_visible()
    reveal = page.get_by_role("button", name="Show the model answer")
    expect(reveal).to_be_disabled()

    wrong = exercise.wrong_answers[0]
    check_answer(page, wrong)
    expect(notebook.get_by_text(exercise.check(wrong).summary)).to_be_visible()

    page.get_by_role("button", name="Show a hint").click()
    expect(notebook.get_by_text(f"Hint 1 of {len(exercise.hints)}:")).to_be_visible()
    expect(notebook.get_by_text(exercise.hints[0])).to_be_visible()
    expect(notebook.get_by_text(exercise.hints[1])).to_have_count(0)

    check_answer(page, exercise.model_answer)
    expect(notebook.get_by_text(exercise.check(exercise.model_answer).summary)).to_be_visible()
    expect(notebook.get_by_text(exercise.check(wrong).summary)).to_have_count(0)

    reveal.click()
    expect(notebook.get_by_text("Why it works")).to_be_visible()
    expect(notebook.get_by_text(exercise.explanation.split("\n")[0], exact=False)).to_be_visible()
    screenshot("exercise-widget-lab", show=notebook.get_by_text(exercise.title))
