"""The kit's one visual language: readable colours, one feedback block, person-readable results."""

from __future__ import annotations

import re

import pytest

from okrsim.exercises import load_bank
from okrsim.exercises.display import points, render_result, to_fix
from okrsim.i18n.look import (
    CAPTION_COLOUR,
    TONES,
    Point,
    contrast_ratio,
    feedback,
    score_tone,
    worst,
)

XSS = "<img src=x onerror=alert(1)>"
WCAG_AA = 4.5


@pytest.mark.parametrize("tone", sorted(TONES))
def test_every_tone_passes_wcag_aa_on_its_background_and_on_white(tone):
    background, text = TONES[tone]
    assert contrast_ratio(text, background) >= WCAG_AA
    assert contrast_ratio(text, "#ffffff") >= WCAG_AA


def test_contrast_ratio_matches_the_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio(CAPTION_COLOUR, "#ffffff") >= WCAG_AA


def test_score_tones_and_the_worst_of_several():
    assert [score_tone(s) for s in (30, 50, 53, 79, 80)] == ["bad", "warn", "warn", "warn",
                                                             "good"]
    assert worst(["good", "warn", "good"]) == "warn" and worst([]) == "good"


def test_feedback_block_escapes_every_piece_of_text():
    html = feedback("bad", XSS, [Point("bad", XSS, XSS, XSS)], note=XSS)
    assert XSS not in html and html.count("&lt;img") == 5
    assert 'class="okrsim-box okrsim-tone-bad okrsim-feedback"' in html


def test_exercise_feedback_names_each_problem_once_and_counts_problems_not_checks():
    result = load_bank().get("en-rewrite-churn").check("Reduce churn.")
    failing = [o for o in result.outcomes if not o.passed]
    shown = to_fix(result.outcomes)
    assert len(shown) < len(failing)
    # "Measurable: partly met" is dropped: "It lacks a percentage" says it more precisely.
    texts = [p.text for p in points(result)]
    assert any("lacks a percentage" in t for t in texts) and any("lacks a deadline" in t
                                                                 for t in texts)
    assert not any(t.startswith(("Measurable:", "Time-bound:")) for t in texts)
    assert result.summary == f"Not yet: {len(shown)} thing(s) to look at."
    assert not re.search(r"\d+ of \d+ checks", render_result(result))


def test_numeric_feedback_reads_like_a_person_and_the_result_displays_itself():
    result = load_bank().get("en-feas-target-growth").check("110")
    html = result._repr_html_()
    assert "110 is not it yet" in html and "I read" not in html and "within" not in html
    assert "okrsim-tone-bad" in html


def test_italian_exercise_feedback_uses_the_glossary_names():
    result = load_bank().get("it-riscrivi-supporto").check("Ridurre le richieste di supporto.")
    labels = {p.label for p in points(result)}
    assert labels <= {"Specifico", "Misurabile", "Raggiungibile", "Rilevante",
                      "Definito nel tempo", "da sistemare"}
    assert result.summary.startswith("Non ancora")
