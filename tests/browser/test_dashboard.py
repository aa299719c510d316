"""The feasibility dashboard of notebook 04 in JupyterLab: more hires, a different P(target)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.lab_page import open_notebook, run_all_cells, wait_kernel_idle, widget

pytestmark = pytest.mark.browser

DASHBOARD_NOTEBOOK = "notebooks/04_will_it_add_up.ipynb"


def test_moving_the_hires_slider_changes_p_target(page, lab, screenshot):
    notebook = open_notebook(page, lab, DASHBOARD_NOTEBOOK)
    run_all_cells(page, notebook)
    hires = widget(page, "okrsim-dash-hires")
    p_target = widget(page, "okrsim-dash-ptarget").locator(".okrsim-dash-p")
    expect(p_target).to_have_attribute("data-p", re.compile(r"^\d"))
    before_p = float(p_target.get_attribute("data-p"))
    readout = hires.locator(".widget-readout")
    before_hires = int(readout.inner_text())

    handle = hires.locator(".noUi-handle")
    handle.focus()
    handle.press("End")  # the slider's maximum: as many hires as it allows

    expect(readout).not_to_have_text(str(before_hires))
    expect(p_target).not_to_have_attribute("data-p", f"{before_p:.4f}")
    after_hires = int(readout.inner_text())
    after_p = float(p_target.get_attribute("data-p"))
    assert after_hires > before_hires
    assert after_p > before_p, f"P(target) {before_p} -> {after_p} with more hires"
    wait_kernel_idle(page)  # the charts are redrawn after the numbers
    screenshot("feasibility-dashboard-lab", show=hires)
