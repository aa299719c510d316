"""The facilitator's live view of a room in JupyterLab: Refresh shows what the room did since,
the missed-letters chart reads in %, rewrites are shown whole.

The test writes to the room's journal from outside the notebook, as participants' kernels do in
a workshop, and then presses *Refresh* as the facilitator would.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from okrsim.exercises import load_bank
from okrsim.workshop.journal import Journal
from okrsim.workshop.room import demo_room
from tests.browser.lab_page import (
    WIDGET_TIMEOUT_MS,
    cut_off,
    open_notebook,
    run_all_cells,
    widget,
)
from tests.browser.notebooks import write_notebook

pytestmark = pytest.mark.browser

JOURNAL = "room-live.sqlite"
#: A long rewrite that scores 100: the best one to discuss, so it heads the "To discuss" tab.
LONG_REWRITE = ("Reduce annual gross revenue churn of mid-market customers from 10% to 8% by "
                "31 December 2027, to support the 10% revenue growth target of the company")


def test_refresh_shows_new_attempts_whole_and_the_chart_in_percent(page, lab, lab_root,
                                                                   screenshot):
    journal_path = lab_root / JOURNAL
    journal_path.unlink(missing_ok=True)
    demo_room(journal_path, seed=1, participants=6)
    code = ("from okrsim.widgets import RoomView\nfrom okrsim.workshop.journal import Journal\n"
            f"RoomView(Journal({JOURNAL!r}))")
    notebook = open_notebook(page, lab, write_notebook(lab_root, "shot_room_live.ipynb",
                                                       "room", code))
    run_all_cells(page, notebook)
    view = widget(page, "okrsim-room-view")
    headline = view.locator(".widget-html").first
    expect(headline).to_contain_text("People: 6")

    exercise = load_bank().get("en-rewrite-churn")
    Journal(journal_path).record_result("Zoe", LONG_REWRITE, exercise.check(LONG_REWRITE))
    expect(headline).to_contain_text("People: 6")  # nothing moves until the facilitator asks
    view.locator("button.okrsim-room-refresh").click()
    expect(headline).to_contain_text("People: 7", timeout=WIDGET_TIMEOUT_MS)

    tabs = view.locator(".lm-TabBar-tab")
    tabs.nth(3).click()
    discuss = view.locator(".widget-html:visible", has_text="Zoe").first
    expect(discuss).to_contain_text(LONG_REWRITE)  # whole, never cut with "…"
    assert "…" not in discuss.inner_text()

    tabs.nth(2).click()
    chart = view.locator(".widget-image img, img.widget-image").first
    expect(chart).to_be_visible()
    natural, shown = chart.evaluate("img => [img.naturalWidth, img.clientWidth]")
    assert natural >= shown > 300, (natural, shown)
    assert cut_off(view) == []
    screenshot("room-view-missed-lab", show=view)
