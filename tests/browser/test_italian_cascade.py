"""The Italian cascade lesson (notebooks/it/03) in JupyterLab: repair the broken plan, in Italian.

The expected words (the button, the clean verdict) come from the library's own Italian widget,
so the test proves the browser shows what ``ui="it"`` decided, not strings copied here.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from okrsim.widgets import CascadeView
from tests.browser.lab_page import WIDGET_TIMEOUT_MS, open_notebook, run_all_cells, text_input
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/it/03_cascade_and_alignment.ipynb"
BROKEN = ROOT / "notebooks" / "data" / "broken_cascade.it.yaml"
#: The three repairs the lesson's hints describe, as edits of the broken plan's text.
REPAIRS = (
    ("parent: grow-revenues", "parent: grow-revenue"),
    ("    owner: Customer Success\n", "    owner: Customer Success\n    parent: grow-revenue\n"),
    ("Migliorare il programma di onboarding per i nuovi venditori",
     "Portare dal 60% al 90% la parte di nuovi venditori certificati entro 30 giorni, entro il "
     "30 giugno 2027"),
)


def repaired_plan() -> str:
    text = BROKEN.read_text(encoding="utf-8")
    for old, new in REPAIRS:
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_repairing_the_italian_cascade_turns_the_findings_into_a_clean_report(page, lab,
                                                                                screenshot):
    broken = CascadeView(text=BROKEN.read_text(encoding="utf-8"), editable=True, ui="it")
    fixed = CascadeView(text=repaired_plan(), editable=True, ui="it")
    assert len(broken.report.findings) == 3 and fixed.report.clean

    notebook = open_notebook(page, lab, NOTEBOOK)
    run_all_cells(page, notebook)
    view = page.locator(".widget-box").filter(has=page.locator(".okrsim-cascade-input"))
    expect(view).to_have_count(1, timeout=WIDGET_TIMEOUT_MS)
    findings = view.locator(".okrsim-cascade-findings")
    expect(findings).to_be_visible()
    for finding in broken.report.findings:
        expect(findings).to_contain_text(finding.message)

    text_input(page, "okrsim-cascade-input").fill(repaired_plan())
    view.get_by_role("button", name=fixed.button.description, exact=True).click()
    expect(view.locator(".okrsim-cascade-clean")).to_be_visible()
    expect(findings).to_have_count(0)
    screenshot("italian-cascade-lab", show=view, for_docs=False)
