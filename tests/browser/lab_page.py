"""Actions on a JupyterLab or Voilà page, written against Playwright's sync API.

Every wait is on page state (locators and ``expect``), never a fixed sleep.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.browser.servers import Server

NOTEBOOK_TIMEOUT_MS = 60_000
WIDGET_TIMEOUT_MS = 30_000
FINISHED_PROMPT = re.compile(r"\[\d+\]")
KERNEL_IDLE = re.compile(r"^(?!No Kernel).+ \| Idle$")


def open_notebook(page: Page, lab: Server, relative_path: str) -> Locator:
    """Open a notebook in JupyterLab (fresh workspace) and wait until its kernel is idle."""
    page.goto(lab.url(f"lab/tree/{relative_path}?reset"))
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    expect(notebook).to_be_visible(timeout=NOTEBOOK_TIMEOUT_MS)
    wait_kernel_idle(page)
    hide_left_sidebar(page)
    return notebook


def hide_left_sidebar(page: Page) -> None:
    """Collapse the file browser so the notebook gets the whole width (and the screenshots)."""
    open_tab = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if open_tab.count():
        open_tab.click()
    expect(page.locator(".jp-FileBrowser")).to_be_hidden()


def wait_kernel_idle(page: Page) -> None:
    """Wait until the status bar shows a started kernel that is idle ("Python 3 | Idle")."""
    expect(kernel_status(page)).to_have_text(KERNEL_IDLE, timeout=NOTEBOOK_TIMEOUT_MS)


def kernel_status(page: Page) -> Locator:
    """Return the status bar item naming the current notebook's kernel and its state."""
    return page.locator(".jp-StatusBar-TextItem[title^='Change kernel']")


def run_all_cells(page: Page, notebook: Locator) -> None:
    """Run every cell through the Run menu and wait until the last code cell has finished.

    Raises an ``AssertionError`` quoting the first error output if a cell fails.
    """
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    label = page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$"))
    page.locator(".lm-Menu-item", has=label).click()
    last_prompt = notebook.locator(".jp-CodeCell .jp-InputArea-prompt").last
    try:
        expect(last_prompt).to_have_text(FINISHED_PROMPT, timeout=NOTEBOOK_TIMEOUT_MS)
    except AssertionError:
        errors = notebook.locator('[data-mime-type="application/vnd.jupyter.stderr"]')
        if errors.count():
            raise AssertionError(f"a cell failed: {errors.first.inner_text()[:2000]}") from None
        raise
    wait_kernel_idle(page)


def widget(page: Page, css_class: str) -> Locator:
    """Return the single rendered widget carrying ``css_class``, once it is visible."""
    found = page.locator(f".{css_class}")
    expect(found).to_have_count(1, timeout=WIDGET_TIMEOUT_MS)
    found.scroll_into_view_if_needed()
    expect(found).to_be_visible()
    return found


def cut_off(area: Locator) -> list[str]:
    """The texts of the buttons, labels and readouts in ``area`` that do not fit their box
    (the browser cuts them with an ellipsis), e.g. ``["Controlla le rispo…"]``."""
    return area.evaluate("""root => [...root.querySelectorAll(
            'button, .widget-label, .widget-readout, .widget-label-basic, .lm-TabBar-tabLabel')]
        .filter(el => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
        .map(el => el.innerText.trim())""")


def text_input(page: Page, css_class: str) -> Locator:
    """Return the editable box of a Text or Textarea widget carrying ``css_class``."""
    return widget(page, css_class).locator("input, textarea").first


def let_images_fail(page: Page, src: str = "x") -> None:
    """Wait until a request for ``src`` (relative to the page) has finished.

    An ``<img src=x onerror=...>`` injected before this call has then already failed to load
    and fired its handler, so a dialog it opened has been recorded.
    """
    page.evaluate("src => fetch(src, {cache: 'no-store'}).then(() => null, () => null)", src)


def expect_inert_markup(page: Page, area: Locator, markup: str, dialogs: list[str]) -> None:
    """Check that ``markup`` typed by a learner shows literally in ``area`` and runs nothing.

    The text appears as typed, no ``<img>`` element exists in the area, and once any image
    request would have failed no dialog was opened (``dialogs`` is the page's record).
    """
    expect(area).to_contain_text(markup)
    expect(area.locator("img")).to_have_count(0)
    let_images_fail(page)
    assert dialogs == [], f"the page opened a dialog: {dialogs}"
