"""Shared widget pieces (strings, HTML helpers), CascadeView and Quiz, driven headless."""

from __future__ import annotations

import pytest

from okrsim import OkrsimError, load_plan
from okrsim.widgets import CascadeView, Quiz, QuizItem
from okrsim.widgets.render import badge, esc
from okrsim.widgets.strings import ui_text
from tests.conftest import ARTICLE_PLAN, ROOT

XSS = "<img src=x onerror=alert(1)>"

BROKEN = """\
plan: Broken cascade
period: {start: 2027-01, months: 12}
objectives:
  - id: grow-revenue
    owner: Company
    objective: Grow revenue
    key_results:
      - {id: arr, text: Increase ARR from 12 to 13.2 million by December, drives: target,
         baseline: 12000000, target: 13200000}
      - {id: profit, text: Raise profit by 5% by December}
  - id: sales
    owner: Sales
    parent: grow-revenues
    objective: Win more deals
    key_results:
      - {id: logos, text: Sign 10 new customers by December}
      - {id: cycle, text: Shorten the sales cycle by 10% by September}
"""


def test_widget_words_come_from_the_i18n_files_and_the_glossary():
    from okrsim.i18n import table, term

    assert ui_text("shared.findings", "en", n=3) == "3 finding(s)"
    assert ui_text("grader.grade", "it") == table("it", "widgets")["grader.grade"] == "Valuta"
    assert ui_text("criterion.time_bound", "it") == term("it", "criterion.time_bound")
    with pytest.raises(OkrsimError, match="'en' or 'it'"):
        ui_text("grader.grade", "fr")


def test_no_widget_module_keeps_a_table_of_words():
    import okrsim.widgets.exercise as exercise
    import okrsim.widgets.strings as strings

    assert not hasattr(strings, "UI") and not hasattr(exercise, "UI")


def test_html_helpers_escape_their_text():
    assert XSS not in badge(XSS) and esc(XSS) in badge(XSS, title=XSS)


def test_cascade_view_draws_the_article_plan_as_a_clean_tree():
    view = CascadeView(ARTICLE_PLAN)
    assert view.report.clean and view.error is None
    html = view.output_html
    for owner in ("Company", "Sales", "Customer Success", "Sales Enablement"):
        assert f">{owner}</span>" in html
    # Giulia's objective sits inside Sales Enablement's, which sits inside the company's.
    company = html.index('data-id="grow-revenue"')
    enablement = html.index('data-id="fast-onboarding"')
    programme = html.index('data-id="onboarding-programme"')
    assert company < enablement < programme
    # A key result names the input it drives as its slider does, with the plan's path as tooltip.
    assert "okrsim-cascade-clean" in html and "drives Hires</span>" in html
    assert 'title="hiring.count"' in html and "drives hiring.count" not in html
    assert view.children == (view.output,)


def test_cascade_view_highlights_a_wrong_parent_and_clears_it_once_fixed():
    view = CascadeView(text=BROKEN, editable=True)
    assert view.editor in view.children and view.button in view.children
    codes = {f.code for f in view.report.findings}
    assert codes == {"missing-parent"}
    assert "grow-revenues" in view.output_html and "okrsim-cascade-findings" in view.output_html
    assert 'data-id="sales" style="background' in view.output_html

    view.value = BROKEN.replace("grow-revenues", "grow-revenue")
    report = view.click()
    assert report is view.report and report.clean
    assert "okrsim-cascade-clean" in view.output_html


def test_cascade_view_shows_a_plan_it_cannot_read_as_one_message():
    view = CascadeView(text=BROKEN, editable=True)
    view.value = "plan: [unclosed"
    assert view.click() is None and view.report is None
    assert view.error and "\n" not in view.error
    assert "cannot be read" in view.output_html


def test_cascade_view_escapes_learner_text_everywhere():
    text = BROKEN.replace("Win more deals", XSS).replace("Sign 10 new", XSS + " 10 new")
    text = text.replace("owner: Sales", f"owner: '{XSS}'")
    view = CascadeView(text=text, editable=True)
    assert XSS not in view.output_html
    assert esc(XSS) in view.output_html
    view.value = f"plan: '{XSS}'"
    view.click()
    assert XSS not in view.output_html


def test_cascade_view_in_italian_and_from_a_plan_object():
    view = CascadeView(load_plan(ARTICLE_PLAN), editable=True, ui="it")
    assert "risultati chiave" in view.output_html and "Nessun problema" in view.output_html
    assert view.click().clean  # the YAML shown in the editor reads back as the same clean plan


def test_cascade_view_bad_arguments_are_one_sentence():
    with pytest.raises(OkrsimError, match="either a plan"):
        CascadeView()
    with pytest.raises(OkrsimError, match="does not exist"):
        CascadeView(ROOT / "nope.yaml")
    with pytest.raises(OkrsimError, match="speak"):
        CascadeView(ARTICLE_PLAN, ui="de")


CHOICES = {"objective": "Objective", "outcome": "Key result", "activity": "Activity"}
ITEMS = [
    QuizItem("Become the partner mid-market retailers trust", "objective", "Qualitative."),
    QuizItem("Raise win rate from 20% to 25% by 30 June", "outcome", "A change, measured."),
    QuizItem("Run 40 discovery calls a week", "activity", "Work done, not a result."),
]


def test_quiz_scores_answers_and_explains_each_one():
    quiz = Quiz(ITEMS, CHOICES)
    assert all(p.label == "— choose —" for p in quiz.pickers)  # never an empty-looking box
    assert quiz.value == (None, None, None)
    assert quiz.click() == 0 and "not answered" in quiz.output_html
    quiz.value = ("objective", "outcome", "outcome")
    assert quiz.click() == 2 and quiz.score == 2
    assert "2 of 3 right" in quiz.output_html
    assert "not quite: it is Activity" in quiz.output_html and "Work done" in quiz.output_html


def test_quiz_from_the_notebook_file_and_its_errors(tmp_path):
    quiz = Quiz.from_file(ROOT / "notebooks" / "data" / "classify_okrs.yaml")
    quiz.value = [item.answer for item in quiz.items]
    assert quiz.click() == len(quiz.items) >= 6
    with pytest.raises(OkrsimError, match="Give 3 answers"):
        Quiz(ITEMS, CHOICES).value = ["objective"]
    with pytest.raises(OkrsimError, match="not a choice"):
        Quiz(ITEMS, CHOICES).value = ["objective", "outcome", "kpi"]
    with pytest.raises(OkrsimError, match="non-blank key"):
        Quiz(ITEMS, {"": "Blank", **CHOICES})
    bad = tmp_path / "bad.yaml"
    bad.write_text("choices: {a: A, b: B}\nitems:\n  - {statement: x, answer: c}\n")
    with pytest.raises(OkrsimError, match="item 1 has answer 'c'; use one of a, b"):
        Quiz.from_file(bad)
    with pytest.raises(OkrsimError, match="cannot be read"):
        Quiz.from_file(tmp_path / "missing.yaml")
    bad.write_text("items: [")
    with pytest.raises(OkrsimError, match="not valid YAML"):
        Quiz.from_file(bad)


def test_quiz_escapes_statements():
    quiz = Quiz([QuizItem(XSS, "objective", XSS), *ITEMS[1:]], CHOICES)
    quiz.value = ["outcome", None, None]
    quiz.click()
    assert XSS not in quiz.output_html and esc(XSS) in quiz.output_html
    assert XSS not in quiz.children[0].children[1].value


LESSON_QUIZ = ROOT / "notebooks" / "data" / "classify_okrs.yaml"


def test_quiz_from_a_file_is_shuffled_per_learner_and_reproducible():
    first = Quiz.from_file(LESSON_QUIZ, seed="Giulia")
    again = Quiz.from_file(LESSON_QUIZ, seed="giulia ")
    other = Quiz.from_file(LESSON_QUIZ, seed=1234)
    assert first.seed == again.seed and [i.statement for i in first.items] == \
        [i.statement for i in again.items]
    assert [i.statement for i in first.items] != [i.statement for i in other.items]
    assert f"Quiz version {first.seed}" in first.children[len(first.items)].children[1].value
    assert Quiz.from_file(LESSON_QUIZ, seed=None).seed >= 1  # a fresh version, shown
    assert Quiz.from_file(LESSON_QUIZ, shuffle=False).seed is None
    with pytest.raises(OkrsimError, match="whole number or a participant's name"):
        Quiz.from_file(LESSON_QUIZ, seed=1.5)


def test_cycling_through_the_options_scores_no_better_than_chance():
    scores = []
    for seed in range(40):
        quiz = Quiz.from_file(LESSON_QUIZ, seed=seed)
        keys = list(quiz.choices)
        quiz.value = [keys[i % len(keys)] for i in range(len(quiz.items))]
        scores.append(quiz.click() / len(quiz.items))
    assert sum(scores) / len(scores) < 0.5


def test_quiz_feedback_is_one_block_with_one_line_per_statement():
    quiz = Quiz(ITEMS, CHOICES)
    quiz.value = ("objective", "outcome", "activity")
    assert quiz.click() == 3
    assert "okrsim-feedback" in quiz.output_html and "3 of 3 right" in quiz.output_html
    assert quiz.output_html.count('class="okrsim-point"') == 3


def test_the_capstone_cascade_follows_the_builder():
    from okrsim.widgets import OKRBuilder

    text = (ROOT / "notebooks" / "data" / "capstone_plan.yaml").read_text(encoding="utf-8")
    view = CascadeView(text=text, editable=True)
    builder = OKRBuilder("Get new sellers to quota sooner",
                         ["New sellers reach full quota within 3 months by 30 June 2027",
                          "Raise first-quarter win rate of new sellers from 15% to 20% by "
                          "30 September 2027", XSS + " by 31 May 2027"])
    view.follow(builder, "my-team")
    builder.button.click()
    plan = view.report.plan if view.report else None
    assert plan is not None
    mine = next(o for o in plan.objectives if o.id == "my-team")
    assert mine.objective == "Get new sellers to quota sooner"
    assert [kr.text for kr in mine.key_results][0].startswith("New sellers reach full quota")
    assert mine.key_results[0].drives == "ramp.months"  # the link to the numbers is kept
    assert len(mine.key_results) == 3 and XSS not in view.output_html
    with pytest.raises(OkrsimError, match="no objective 'nope'"):
        view.take_okr(builder.value, "nope")
