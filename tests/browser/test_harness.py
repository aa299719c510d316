"""Prove the browser harness on a tiny notebook generated here (plain ipywidgets).

The notebook has a text box, two buttons and an HTML output: "Echo" escapes what was typed,
"Echo unescaped" does not. The unescaped one is the control that shows the dialog and <img>
checks used by the real tests can fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.lab_page import (
    expect_inert_markup,
    open_notebook,
    run_all_cells,
    text_input,
    widget,
)
from tests.browser.notebooks import write_notebook

pytestmark = pytest.mark.browser

MARKUP = "<img src=x onerror=alert(1)>"
ECHO_NOTEBOOK = "harness/echo.ipynb"
ECHO_SOURCE = '''\
import html

import ipywidgets as widgets
from IPython.display import display

box = widgets.Text(placeholder="Type something")
box.add_class("demo-input")
safe = widgets.Button(description="Echo")
safe.add_class("demo-echo")
unsafe = widgets.Button(description="Echo unescaped")
unsafe.add_class("demo-echo-unescaped")
shown = widgets.HTML()
shown.add_class("demo-output")


def echo(_button):
    shown.value = "<b>You typed:</b> " + html.escape(box.value)


def echo_unescaped(_button):
    shown.value = "<b>You typed:</b> " + box.value


safe.on_click(echo)
unsafe.on_click(echo_unescaped)
display(widgets.VBox([box, widgets.HBox([safe, unsafe]), shown]))
'''


@pytest.fixture(scope="module")
def echo_notebook(lab_root: Path) -> str:
    """Write the tiny notebook into the server root; return its path relative to the root."""
    return write_notebook(lab_root, ECHO_NOTEBOOK, "Echo", ECHO_SOURCE)


def type_and_press(page: Page, text: str, button_class: str) -> None:
    box = text_input(page, "demo-input")
    box.fill(text)
    widget(page, button_class).click()


def test_lab_types_clicks_and_reads_output(
    page, lab, echo_notebook, blocked_requests, screenshot
):
    notebook = open_notebook(page, lab, echo_notebook)
    run_all_cells(page, notebook)

    type_and_press(page, "pipeline coverage 3x", "demo-echo")

    expect(widget(page, "demo-output")).to_have_text("You typed: pipeline coverage 3x")
    screenshot("harness-lab-echo", for_docs=False)
    assert blocked_requests == [], "JupyterLab tried to reach the network"


def test_lab_shows_markup_literally_and_runs_nothing(page, lab, echo_notebook, dialogs):
    notebook = open_notebook(page, lab, echo_notebook)
    run_all_cells(page, notebook)

    type_and_press(page, MARKUP, "demo-echo")

    output = widget(page, "demo-output")
    expect(output).to_have_text(f"You typed: {MARKUP}")
    expect_inert_markup(page, output, MARKUP, dialogs)


def test_lab_control_unescaped_markup_is_caught(page, lab, echo_notebook, dialogs):
    """The control: without escaping, the same checks see the <img> and the alert."""
    notebook = open_notebook(page, lab, echo_notebook)
    run_all_cells(page, notebook)

    with page.expect_event("dialog"):
        type_and_press(page, MARKUP, "demo-echo-unescaped")

    expect(widget(page, "demo-output").locator("img")).to_have_count(1)
    assert dialogs == ["1"]


def test_voila_types_clicks_and_reads_output(
    page, voila, echo_notebook, dialogs, blocked_requests, screenshot
):
    page.goto(voila(echo_notebook).url(""))

    type_and_press(page, MARKUP, "demo-echo")

    output = widget(page, "demo-output")
    expect(output).to_have_text(f"You typed: {MARKUP}")
    expect_inert_markup(page, output, MARKUP, dialogs)
    screenshot("harness-voila-echo", for_docs=False)
    # Voila's template links Font Awesome stylesheets on a CDN (icons only); nothing else may
    # come from the network, least of all a script.
    assert all(url.endswith(".css") for url in blocked_requests), blocked_requests
