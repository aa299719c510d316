"""What people see: Voilà lessons with nothing frozen, a dashboard that fits a laptop, one
screenshot per widget.

Each test looks at the page as a participant would: the text on screen, the size of what is
drawn, where an answer appears. The expected sentences come from the library (the dashboard's
verdict, the goal seek), never from copies here.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from okrsim.i18n import format_percent
from okrsim.sim.display import WORDS
from okrsim.widgets.strings import ui_text
from tests.browser.lab_page import (
    NOTEBOOK_TIMEOUT_MS,
    WIDGET_TIMEOUT_MS,
    cut_off,
    open_notebook,
    run_all_cells,
    wait_kernel_idle,
    widget,
)
from tests.browser.notebooks import write_notebook

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 720}
#: Text that must never be on a participant's screen: an output frozen at load time that asks
#: for a cell to be run, Python's raw forms of figures and results.
FROZEN = re.compile(r"nothing yet|ancora niente|run this cell|esegui questa cella|"
                    r"<Figure size|\(True, \d+\)|\{'[SMART]': \d+", re.IGNORECASE)
VOILA_LESSONS = {
    "notebooks/02_smart_key_results.ipynb": "okrsim-grader",
    "notebooks/04_will_it_add_up.ipynb": "okrsim-dashboard",
    "notebooks/it/02_smart_key_results.ipynb": "okrsim-grader",
    "notebooks/it/04_will_it_add_up.ipynb": "okrsim-dashboard",
}
#: How each lesson's first screen starts the sentence that says what to do.
WHAT_TO_DO = {"en": "What to do:", "it": "Cosa fare:"}
#: Addresses a page may load without the network: this machine, and data held in the page.
LOCAL = ("http://127.0.0.1:", "https://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:")
#: (lesson, plain): the English lessons as ``voila --template=okrsim`` and as plain ``voila``,
#: the Italian ones as plain ``voila``.
VOILA_RUNS = [(nb, plain) for nb in sorted(VOILA_LESSONS) for plain in (False, True)
              if plain or "/it/" not in nb]


def _voila_page_done(page: Page, marker: str) -> None:
    expect(page.locator(f".{marker}").first).to_be_visible(timeout=NOTEBOOK_TIMEOUT_MS)
    # Voilà removes its loading spinner once every cell has run.
    expect(page.locator("#loading")).to_have_count(0, timeout=NOTEBOOK_TIMEOUT_MS)


def _lang(notebook: str) -> str:
    return "it" if "/it/" in notebook else "en"


def _assert_says_what_to_do_on_the_first_screen(page: Page, notebook: str,
                                                 in_lab: bool = False) -> None:
    """The first screen, before any scrolling, holds the whole "what to do" paragraph."""
    page.evaluate("window.scrollTo(0, 0)")
    lead = WHAT_TO_DO[_lang(notebook)]
    said = page.locator(".jp-RenderedMarkdown blockquote", has_text=lead).first
    expect(said).to_be_visible()
    box = said.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= LAPTOP["height"], (
        f"'{lead}' ends {box['y'] + box['height']:.0f}px down a {LAPTOP['height']}px screen")
    assert said.inner_text().strip().startswith(lead)
    # How to run the cells is said in JupyterLab only: in the app they have already run.
    assert ("Run All Cells" in said.inner_text()) == in_lab


@pytest.mark.parametrize(("notebook", "plain"), VOILA_RUNS,
                         ids=[f"{nb.split('notebooks/')[1]}-{'plain' if p else 'okrsim'}"
                              for nb, p in VOILA_RUNS])
def test_voila_lesson_is_live_local_readable_and_says_what_to_do(
        page, voila, blocked_requests, screenshot, notebook, plain):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size(LAPTOP)
    page.goto(voila(notebook, plain=plain).url(""))
    _voila_page_done(page, VOILA_LESSONS[notebook])
    page.wait_for_load_state("networkidle")
    # Every request stayed on this machine: no icon font or script from a CDN, in either mode.
    remote = [url for url in requested if not url.startswith(LOCAL)]
    assert remote == [] and blocked_requests == [], remote or blocked_requests
    text = page.locator("body").inner_text()
    assert not FROZEN.search(text), FROZEN.search(text).group(0)
    headings = [h.strip() for h in page.locator("h2").all_inner_texts()]
    assert not {"Imports", "Import"} & set(headings) and headings, headings
    prose = page.locator(".jp-RenderedMarkdown p").first
    assert prose.bounding_box()["width"] <= 900  # a readable line, not the whole window
    # Boxes to write in are as wide as the prose, never past the window's edge.
    boxes = page.locator("textarea, input[type=text]").evaluate_all(
        "els => els.filter(e => e.offsetParent).map(e => e.getBoundingClientRect())"
        ".map(r => [r.width, r.right])")
    assert all(width <= 900 and right <= LAPTOP["width"] for width, right in boxes), boxes
    _assert_says_what_to_do_on_the_first_screen(page, notebook)
    if not plain or "/it/" in notebook:
        name = notebook.split("notebooks/")[1].replace("/", "-").split("_", 1)[0]
        screenshot(f"lesson-{name}-voila")


@pytest.mark.parametrize("notebook", sorted(VOILA_LESSONS))
def test_lab_lesson_says_what_to_do_on_the_first_screen(page, lab, notebook):
    page.set_viewport_size(LAPTOP)
    open_notebook(page, lab, notebook)
    _assert_says_what_to_do_on_the_first_screen(page, notebook, in_lab=True)


def _numbers_in_the_wrong_format(text: str, lang: str) -> list[str]:
    """Decimals written the other language's way: ``0.8`` in Italian, ``0,8`` in English
    (a thousands group, such as Italian ``2.000``, has three digits and is not one)."""
    mark = "." if lang == "it" else ","
    return re.findall(rf"\d{re.escape(mark)}\d{{1,2}}(?!\d)", text)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_dashboard_fits_a_laptop_and_answers_next_to_its_buttons(page, lab, screenshot, lang):
    page.set_viewport_size(LAPTOP)
    folder = "notebooks/it" if lang == "it" else "notebooks"
    notebook = open_notebook(page, lab, f"{folder}/04_will_it_add_up.ipynb")
    run_all_cells(page, notebook)
    dash = widget(page, "okrsim-dashboard")
    # No label or button is cut short ("Variazione valore aff…").
    assert cut_off(dash) == []
    assert _numbers_in_the_wrong_format(dash.inner_text(), lang) == []
    box = dash.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= LAPTOP["width"], box
    overflow = dash.evaluate("el => el.scrollWidth - el.clientWidth")
    assert overflow <= 1, f"the dashboard is {overflow}px wider than its space"
    # Charts are drawn at least at the size shown (never stretched up, so never blurry).
    for image in dash.locator(".okrsim-dash-chart").all():
        natural, shown = image.evaluate("img => [img.naturalWidth, img.clientWidth]")
        assert shown > 300 and natural >= shown, (natural, shown)
    # Trials and seed are out of sight; the idle progress bar is not on screen.
    expect(dash.locator(".okrsim-dash-advanced")).to_be_visible()
    expect(dash.get_by_text(ui_text("dash.trials", lang), exact=True)).to_be_hidden()
    expect(dash.locator(".okrsim-dash-progress")).to_be_hidden()
    # One verdict line; P(target) written once as a whole percentage.
    summary = dash.locator(".okrsim-dash-summary")
    p = float(dash.locator(".okrsim-dash-p").get_attribute("data-p"))
    assert summary.inner_text().count(format_percent(p, lang, 0)) == 2  # verdict and figure
    said = WORDS.say(lang, "result.p_target_value", p="{p}", pp="{pp}", trials="{trials}")
    assert said.split("{pp}")[1].split("{trials}")[0] in summary.inner_text()  # ± with its unit
    shown_as = "feasibility-dashboard-lab" if lang == "en" else "feasibility-dashboard-it-lab"
    screenshot(shown_as, show=dash)

    solve = dash.locator("button.okrsim-dash-solve")
    solve.click()
    answer = dash.locator(".okrsim-dash-solve.okrsim-feedback")
    expect(answer).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
    assert "hiring.count" not in answer.inner_text()
    below = answer.bounding_box()["y"] - solve.bounding_box()["y"]
    assert 0 < below < 80, f"the goal seek answer is {below}px from its button"
    apply = dash.locator(".okrsim-dash-apply")
    if apply.is_visible():
        hires = dash.locator(".okrsim-dash-hires .widget-readout")
        wanted = re.search(r"\d+", apply.inner_text()).group(0)
        apply.click()
        expect(hires).to_have_text(wanted)
    wait_kernel_idle(page)
    dash.locator("button.okrsim-dash-sensitivity").click()
    tornado = dash.locator(".okrsim-dash-tornado")
    expect(tornado).to_be_visible(timeout=NOTEBOOK_TIMEOUT_MS)
    wait_kernel_idle(page)
    button = dash.locator("button.okrsim-dash-sensitivity").bounding_box()
    drawn = tornado.bounding_box()
    assert drawn["y"] > button["y"] and abs(drawn["x"] - button["x"]) < 40
    assert cut_off(dash) == []
    assert _numbers_in_the_wrong_format(dash.inner_text(), lang) == []
    screenshot(shown_as.replace("-lab", "-analysis-lab"),
               show=dash.locator(".okrsim-dash-sensitivity"))


WIDGETS = {
    "okr-builder": ("okrsim-builder-set",
                    "from okrsim.widgets import OKRBuilder\n"
                    "b = OKRBuilder('Help new sellers sell sooner', ['Run a new onboarding "
                    "bootcamp', 'New sellers reach full quota within 4 months by June 2027'])\n"
                    "b.click()\nb"),
    "quiz": ("okrsim-quiz",
             "from okrsim.widgets import Quiz\n"
             "q = Quiz.from_file('notebooks/data/classify_okrs.yaml', seed=7)\n"
             "q.value = [i.answer if n % 3 else None for n, i in enumerate(q.items)]\n"
             "q.click()\nq"),
    "quiz-it": ("okrsim-quiz",
                "from okrsim.widgets import Quiz\n"
                "q = Quiz.from_file('notebooks/data/classify_okrs.it.yaml', lang='it', seed=7)\n"
                "q.value = [i.answer if n % 3 else None for n, i in enumerate(q.items)]\n"
                "q.click()\nq"),
    "okr-builder-it": ("okrsim-builder-set",
                       "from okrsim.widgets import OKRBuilder\n"
                       "b = OKRBuilder('Rendere produttivi prima i nuovi venditori', ['Organizzare "
                       "un bootcamp di inserimento', 'I nuovi venditori raggiungono la quota piena "
                       "entro 4 mesi entro giugno 2027'], ui='it')\nb.click()\nb"),
    "exercise-it": ("okrsim-exercise",
                    "from okrsim.widgets import ExerciseWidget\n"
                    "w = ExerciseWidget('it-riscrivi-attivita', journal=False)\n"
                    "w.hint_button.click()\nw.value = 'Organizzare tre workshop'\nw.click()\nw"),
    "cascade-view": ("okrsim-cascade-findings",
                     "from pathlib import Path\nfrom okrsim.widgets import CascadeView\n"
                     "CascadeView(text=Path('notebooks/data/broken_cascade.yaml').read_text())"),
    "staircase-scores": ("okrsim-staircase-scores",
                         "from okrsim.grading import staircase\n"
                         "from okrsim.widgets import StaircaseScores\n"
                         "StaircaseScores.of(staircase('en'))"),
    "simulation-result": ("okrsim-result",
                          "from okrsim.sim import simulate\nsimulate(trials=2_000, seed=1)"),
    "room-view": ("okrsim-room-view",
                  "import tempfile\nfrom pathlib import Path\nfrom okrsim.widgets import RoomView\n"
                  "from okrsim.workshop import room\n"
                  "j = room.demo_room(Path(tempfile.mkdtemp()) / 'r.sqlite', seed=1, "
                  "participants=6)\nRoomView(j)"),
}


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_widget_screenshot(page, lab, lab_root, screenshot, name):
    marker, code = WIDGETS[name]
    relative = write_notebook(lab_root, f"shot_{name}.ipynb", name.replace("-", " "), code)
    notebook = open_notebook(page, lab, relative)
    run_all_cells(page, notebook)
    shown = widget(page, marker)
    text = notebook.inner_text()
    assert not FROZEN.search(text) and "Traceback" not in text
    screenshot(f"{name}-lab", show=page.locator(".jp-Cell").last)
    assert shown.bounding_box()["width"] > 100
    assert cut_off(page.locator(".jp-Cell").last) == []
    lang = "it" if name.endswith("-it") else "en"  # e.g. "quiz-it"
    assert _numbers_in_the_wrong_format(shown.inner_text(), lang) == []
