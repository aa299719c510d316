"""The exercise at the end of notebook 02 in JupyterLab: a wrong answer, a hint, the right
answer, the model answer.

The expected texts come from the exercise bank and the library's own checker, so the test
proves the browser shows what the library decided, not strings copied here.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from okrsim.exercises import Exercise, load_bank
from tests.browser.lab_page import WIDGET_TIMEOUT_MS, open_notebook, run_all_cells

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/02_smart_key_results.ipynb"
EXERCISE_ID = "en-rewrite-activity"


@pytest.fixture(scope="module")
def exercise() -> Exercise:
    return load_bank().get(EXERCISE_ID)


def exercise_box(page: Page, exercise: Exercise) -> Locator:
    """The exercise widget holding the exercise's title (the notebook may show others)."""
    title = page.get_by_text(exercise.title, exact=True)
    expect(title).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
    box = page.locator(".okrsim-exercise").filter(has=title)
    expect(box).to_have_count(1)
    box.scroll_into_view_if_needed()
    return box


def check_answer(box: Locator, answer: str) -> None:
    box.get_by_placeholder("Type your answer here").fill(answer)
    box.get_by_role("button", name="Check", exact=True).click()


def test_wrong_answer_then_hint_then_right_answer(page, lab, exercise, screenshot):
    notebook = open_notebook(page, lab, NOTEBOOK)
    run_all_cells(page, notebook)
    box = exercise_box(page, exercise)
    reveal = box.get_by_role("button", name="Show the model answer")
    expect(reveal).to_be_disabled()

    wrong = exercise.wrong_answers[0]
    check_answer(box, wrong)
    expect(box.get_by_text(exercise.check(wrong).summary)).to_be_visible()

    box.get_by_role("button", name="Show a hint").click()
    expect(box.get_by_text(f"Hint 1 of {len(exercise.hints)}:")).to_be_visible()
    expect(box.get_by_text(exercise.hints[0])).to_be_visible()
    expect(box.get_by_text(exercise.hints[1])).to_have_count(0)

    check_answer(box, exercise.model_answer)
    expect(box.get_by_text(exercise.check(exercise.model_answer).summary)).to_be_visible()
    expect(box.get_by_text(exercise.check(wrong).summary)).to_have_count(0)

    reveal.click()
    expect(box.get_by_text("Why it works")).to_be_visible()
    expect(box.get_by_text(exercise.explanation.split("\n")[0], exact=False)).to_be_visible()
    screenshot("exercise-widget-lab", show=box)
