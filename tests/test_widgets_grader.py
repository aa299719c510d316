"""SMARTGrader, OKRBuilder and the key-result set checks, driven headless."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from okrsim import OkrsimError
from okrsim.grading import CRITERIA, grade
from okrsim.grading.okr_set import check_set, content_words, overlap
from okrsim.widgets import OKRBuilder, SMARTGrader
from okrsim.widgets.render import esc, score_tone

XSS = "<img src=x onerror=alert(1)>"
GOOD_KR = ("Raise the share of new sellers at full monthly quota within four months from 50% to "
           "80% by 31 December 2027")


def _criteria_shown(html: str) -> list[str]:
    return re.findall(r'okrsim-criterion okrsim-criterion-(\w+)"', html)


def test_grader_shows_one_badge_per_smart_letter_in_order():
    grader = SMARTGrader()
    assert "Nothing graded yet" in grader.output_html and grader.result is None
    grader.value = GOOD_KR
    result = grader.click()
    assert result is grader.result and grader.error is None
    html = grader.output_html
    assert _criteria_shown(html) == list(CRITERIA)
    for letter in "SMART":
        assert f">{letter} · " in html
    assert f"SMART score {result.score}/100" in html
    assert ("okrsim-grader-outcome" in html) != result.activity
    for name in CRITERIA:
        verdict = result.criteria[name].verdict
        assert f'okrsim-criterion-{name}" data-verdict="{verdict}"' in html


def test_grader_shows_each_letter_on_one_row_with_quoted_evidence_and_advice():
    grader = SMARTGrader("Improve customer satisfaction " + XSS)
    html = grader.output_html
    rows = re.findall(r'<tr class="okrsim-criterion .*?</tr>', html)
    assert len(rows) == len(CRITERIA)
    for name, row in zip(CRITERIA, rows, strict=True):
        result = grader.result.criteria[name]
        assert f"okrsim-criterion-{name}" in row
        quoted = " · ".join(f"“{esc(span)}”" for span in result.evidence)
        assert (quoted or "—") in row
        if result.verdict != "met":
            assert esc(result.advice) in row
    assert XSS not in html
    top = html.split("<table")[0]  # kind, score, call and rewrite come before the table
    assert "SMART score" in top and "okrsim-grader-suggestion" in top


def test_grader_has_stable_classes_for_browser_tests():
    grader = SMARTGrader()
    assert "okrsim-grader-input" in grader.text._dom_classes
    assert "okrsim-grader-button" in grader.button._dom_classes
    assert "okrsim-grader-result" in grader.output._dom_classes
    assert "okrsim-grader-lang" in grader.language._dom_classes


def test_grader_passes_language_and_parent_to_the_grader():
    grader = SMARTGrader(lang="it", parent="Rendere produttivi i nuovi venditori", ui="it")
    assert grader.language.value == "it" and grader.button.description == "Valuta"
    grader.value = "Assumere 5 nuovi venditori entro il 31 marzo 2027"
    assert grader.click().lang == "it"
    assert "Specifico" in grader.output_html and "Punteggio SMART" in grader.output_html
    grader.language.value = "auto"
    assert grader.click().lang == "it"
    assert SMARTGrader().language.value == "auto"  # a real option, not an empty dropdown


def test_grader_refusal_is_one_escaped_sentence():
    grader = SMARTGrader()
    grader.value = "   "
    assert grader.click() is None and grader.result is None
    assert grader.error and "\n" not in grader.error
    assert "okrsim-error" in grader.output_html


def test_grader_escapes_the_learners_text():
    grader = SMARTGrader(XSS + " raise win rate from 20% to 25% by 30 June 2027")
    assert grader.result is not None  # text given at start is graded straight away
    assert XSS not in grader.output_html and esc(XSS) in grader.output_html


def test_grader_bad_arguments():
    with pytest.raises(OkrsimError, match="None \\(auto\\), 'en' or 'it'"):
        SMARTGrader(lang="fr")
    with pytest.raises(OkrsimError, match="speak"):
        SMARTGrader(ui="fr")


def _kr(text, activity=False, measurable="met"):
    return SimpleNamespace(text=text, activity=activity,
                           criteria={"measurable": SimpleNamespace(verdict=measurable)})


def test_set_checks_count_overlap_activities_and_measurability():
    good = [_kr("Sign 10 new customers by December"),
            _kr("Increase average deal value from 24k to 28.8k by December")]
    assert all(c.ok for c in check_set(good))
    codes = {c.code: c for c in check_set(good[:1])}
    assert not codes["count"].ok and "write 2 to 5" in codes["count"].message
    assert not {c.code: c for c in check_set(good * 3)}["count"].ok
    twins = [_kr("Sign 10 new enterprise customers in Italy by December"),
             _kr("Sign 12 new enterprise customers in Italy by December")]
    bad = [c for c in check_set(twins) if not c.ok]
    assert [c.code for c in bad] == ["overlap"] and "1 and 2" in bad[0].message
    busy = [_kr("Run calls", activity=True, measurable="missing"),
            _kr("Hold reviews", activity=True, measurable="partial")]
    failed = {c.code for c in check_set(busy) if not c.ok}
    assert failed == {"outcomes", "measurable"}
    assert "Nessun risultato chiave" in check_set(busy, "it")[-1].message


def test_overlap_ignores_numbers_and_filler_words():
    assert content_words("Increase the deal value by 20%") == {"deal", "value"}
    assert overlap("Sign 10 new customers", "Sign 10 new customers") == 1.0
    assert overlap("Raise deal value by 20%", "Shorten the sales cycle by 10%") == 0.0
    assert overlap("", "anything") == 0.0


def test_builder_grades_each_statement_and_the_set():
    builder = OKRBuilder(ui="en")
    builder.value = {
        "objective": "Make new sellers productive fast",
        "key_results": [GOOD_KR, "Cut new sellers' time to first closed deal from 90 to 60 days "
                                 "by 30 June 2027"],
    }
    assert len(builder.kr_boxes) == 2 and builder.kr_panel.children == tuple(builder.kr_boxes)
    checks = builder.click()
    assert checks is builder.set_checks and [c.code for c in checks][:2] == ["count", "overlap"]
    assert builder.objective_result is not None and len(builder.results) == 2
    html = builder.output_html
    assert html.count('class="okrsim-assessment"') == 3
    assert "okrsim-builder-set" in html and builder.errors == []


def test_builder_reports_empty_boxes_and_keeps_box_counts_in_range():
    builder = OKRBuilder("Keep the customers we have", ["Retain 92% of revenue by December", ""])
    builder.click()
    assert builder.errors == ["Key result 2 is empty; write it or remove it."]
    assert len(builder.results) == 1
    assert not {c.code: c for c in builder.set_checks}["count"].ok
    builder.remove_key_result()
    builder.remove_key_result()
    assert len(builder.kr_boxes) == 1
    for _ in range(5):
        builder.add_button.click()
    assert len(builder.kr_boxes) == 6
    with pytest.raises(OkrsimError, match="at most 6"):
        builder.add_key_result()
    with pytest.raises(OkrsimError, match="'key_results'"):
        builder.value = "not a mapping"


def test_builder_escapes_learner_text():
    builder = OKRBuilder(XSS, [XSS + " sign 10 customers by June", XSS + " 5 hires by March"])
    builder.click()
    assert XSS not in builder.output_html and esc(XSS) in builder.output_html


def test_builder_set_box_is_never_greener_than_its_key_results():
    builder = OKRBuilder("Make new sellers productive fast",
                         ["Improve onboarding", "Improve the playbook"])
    builder.click()
    weakest = min(r.score for r in builder.results)
    assert weakest < 80
    assert builder.set_tone() != "good"
    assert 'okrsim-builder-set" style="border-left:4px solid #1e6b34' not in builder.output_html
    assert "okrsim-tone-good okrsim-feedback okrsim-builder-set" not in builder.output_html


def test_outcome_badge_takes_the_colour_of_the_score():
    from okrsim.widgets.grader import render_assessment

    result = grade("Be great", lang="en")
    html = render_assessment(result)
    outcome = re.search(r'okrsim-grader-outcome">(.*?)</span></span>', html)
    if outcome:
        assert f"okrsim-tone-{score_tone(result.score)}" in outcome.group(1)
    assert "okrsim-feedback" in html


def test_italian_buttons_fit_their_label():
    builder = OKRBuilder(ui="it")
    for button in (builder.add_button, builder.remove_button, builder.button):
        assert button.layout.width == "auto"


def test_a_weak_set_names_its_lowest_smart_score_once():
    from okrsim.widgets import OKRBuilder

    builder = OKRBuilder("Help new sellers sell sooner",
                         ["Run a new onboarding bootcamp",
                          "New sellers reach full quota within 4 months by June 2027"])
    builder.click()
    lowest = min(r.score for r in builder.results)
    title = re.search(r'okrsim-headline"[^>]*>(.*?)</div>', builder.output_html).group(1)
    assert f"lowest SMART score {lowest}/100" in title
    assert title.count("set") == 1  # "The set as a whole: right shape, ..."
