"""The SMART grader of notebook 02 in JupyterLab and in Voila.

Expected verdicts come from ``okrsim.grade`` run here on the same text, so the test proves the
browser shows what the library decided for each SMART letter.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from okrsim import grade
from okrsim.grading import CRITERIA
from tests.browser.lab_page import (
    WIDGET_TIMEOUT_MS,
    expect_inert_markup,
    open_notebook,
    run_all_cells,
)

pytestmark = pytest.mark.browser

GRADER_NOTEBOOK = "notebooks/02_smart_key_results.ipynb"
MARKUP = "<img src=x onerror=alert(1)>"
#: Markup inside a real key result: the grader grades the words and the page shows it all literally.
MARKED_UP = MARKUP + " Raise the win rate from 20% to 25% by 30 June 2027"
STRONG = "Raise the win rate on qualified opportunities from 20% to 25% by 31 December 2027"
WEAK = "Improve customer satisfaction"


def first_grader(page: Page) -> Locator:
    """The first SMART grader on the page, scrolled into view."""
    grader = page.locator(".okrsim-grader").first
    expect(grader).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
    grader.scroll_into_view_if_needed()
    return grader


def grade_in_page(page: Page, text: str) -> Locator:
    """Type ``text`` into the first grader, press Grade, and return the fresh result area."""
    grader = first_grader(page)
    grader.locator(".okrsim-grader-input textarea").fill(text)
    grader.locator(".okrsim-grader-button").click()
    result = grader.locator(".okrsim-grader-result")
    # The quoted text changes only when the new assessment has arrived.
    expect(result.locator(".okrsim-assessment blockquote")).to_have_text(text)
    return result


def expect_verdicts(result: Locator, text: str) -> None:
    """Each SMART letter shows the verdict ``okrsim.grade`` gives ``text``."""
    assessment = grade(text)
    for name in CRITERIA:
        row = result.locator(f".okrsim-criterion-{name}")
        expect(row).to_have_attribute("data-verdict", assessment.criteria[name].verdict)
        expect(row).to_contain_text(f"{name[0].upper()} · ")
    expect(result).to_contain_text(f"{assessment.score}/100")


@pytest.fixture
def grader_in_lab(page: Page, lab) -> Page:
    notebook = open_notebook(page, lab, GRADER_NOTEBOOK)
    run_all_cells(page, notebook)
    return page


def test_lab_grader_gives_feedback_per_letter(grader_in_lab, screenshot):
    page = grader_in_lab
    result = grade_in_page(page, WEAK)
    expect_verdicts(result, WEAK)

    result = grade_in_page(page, STRONG)
    expect_verdicts(result, STRONG)
    screenshot("smart-grader-lab", show=first_grader(page))


def test_lab_grader_shows_markup_literally_and_runs_nothing(grader_in_lab, dialogs, screenshot):
    page = grader_in_lab
    result = grade_in_page(page, MARKED_UP)

    expect_inert_markup(page, result, MARKED_UP, dialogs)
    expect_verdicts(result, MARKED_UP)
    screenshot("smart-grader-markup-lab", show=first_grader(page))


def test_voila_grader_works(page, voila, dialogs, blocked_requests, screenshot):
    page.goto(voila(GRADER_NOTEBOOK).url(""))

    result = grade_in_page(page, STRONG)
    expect_verdicts(result, STRONG)
    screenshot("smart-grader-voila", show=first_grader(page))

    result = grade_in_page(page, MARKED_UP)
    expect_inert_markup(page, result, MARKED_UP, dialogs)
    assert all(url.endswith(".css") for url in blocked_requests), blocked_requests
