"""Notebook 07 in JupyterLab, and the printable cheat sheets on paper.

The grades the browser must show come from the library (:meth:`Quarter.grades`), so the test
proves the page shows what the library decided: a committed key result below 1.0 red, not green.
"""

from __future__ import annotations

import importlib.util
import re

import pytest
from playwright.sync_api import expect

from okrsim.plan.quarter import load_quarter
from tests.browser.lab_page import WIDGET_TIMEOUT_MS, open_notebook, run_all_cells
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/07_okrs_in_operation.ipynb"
A4_HEIGHT_PX = 1123  # 297 mm at 96 px per inch


def test_quarter_grades_show_a_committed_miss_in_red(page, lab, screenshot):
    notebook = open_notebook(page, lab, NOTEBOOK)
    run_all_cells(page, notebook)
    table = page.locator(".okrsim-quarter-grades")
    expect(table).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
    for grade in load_quarter(ROOT / "notebooks/data/quarter_in_operation.yaml").grades():
        row = table.locator("tr", has_text=grade.id)
        badge = row.locator(".okrsim-grade .okrsim-badge")
        expect(badge).to_have_text(f"{grade.grade:.2f}")
        expect(badge).to_have_class(re.compile(rf"okrsim-tone-{grade.tone}"))
    missed = table.locator('.okrsim-grade[data-status="missed"] .okrsim-badge')
    expect(missed).to_have_class(re.compile("okrsim-tone-bad"))
    expect(page.locator(".okrsim-quarter-check-ins")).to_be_visible()
    expect(page.locator(".okrsim-quarter-retrospective li").first).to_be_visible()
    screenshot("okrs-in-operation-lab", show=table, for_docs=False)


def _print_docs():
    spec = importlib.util.spec_from_file_location("print_docs", ROOT / "scripts/print_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["cheat-sheet.md", "cheat-sheet.it.md"])
def test_each_cheat_sheet_prints_on_one_a4_page(page, tmp_path, screenshot, name):
    script = _print_docs()
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    page.set_viewport_size({"width": 794, "height": A4_HEIGHT_PX})
    page.set_content(script.to_html(text, name, compact=True))
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"{name} prints on {pages} pages"
    expect(page.locator("table").first).to_be_visible()
    screenshot(f"print-{name[:-3]}", for_docs=False)
