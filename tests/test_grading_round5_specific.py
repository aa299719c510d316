"""Grader round 5: the *specific* verdict, on made-up examples of the classes blind set 3 found.

The classes (tests/data/README.md, "Blind set 3 — measured once"): a vague "make it bigger"
verb or a quality of the object where a number should be; a quality or a kept level standing
for a second goal's number; slogans, vague quantities and bare abstract tasks. Each test also
reads the counter-examples the rules must not catch. None of the statements is a blind one.
"""

from __future__ import annotations

import pytest

from okrsim.grading import grade, read
from okrsim.grading.vagueness import (
    abstract_deliverable,
    counts_outcomes_vaguely,
    gerund_object,
    kept_alongside,
    qualified_goal,
    vague_qualities,
)


def _specific(text: str) -> str:
    return grade(text).criteria["specific"].verdict


@pytest.mark.parametrize(("text", "verdict"), [
    # a growth verb without a number is vague on a named metric...
    ("Accelerate renewal bookings", "partial"),
    ("Maximize upsell revenue in the DACH region", "partial"),
    ("Scale inbound pipeline", "partial"),
    ("Accelerare i rinnovi del canale diretto", "partial"),
    # ... and a direction with one
    ("Accelerate renewal bookings by 15% in Q2", "met"),
    ("Scale inbound pipeline to €3M by Q4", "met"),
    ("Accelerare i rinnovi del canale diretto del 10% entro giugno", "met"),
    # ... missing on an abstract thing
    ("Maximize the impact of our work", "missing"),
])
def test_a_growth_verb_needs_a_number(text, verdict):
    assert _specific(text) == verdict


def test_a_growth_verb_keeps_its_direction_for_measurable():
    result = grade("Scale inbound pipeline")
    assert result.criteria["measurable"].verdict == "partial"


def test_a_growth_verb_in_a_purpose_clause_is_no_vague_word():
    a = read("Publish a discovery playbook to accelerate onboarding of new AEs")
    assert not a.vague_verbs


@pytest.mark.parametrize(("text", "verdict"), [
    # a quality after a making verb stands for a measure
    ("Build a reliable renewal forecast", "partial"),
    ("Deliver production-grade quoting for the channel", "partial"),
    ("Costruire un processo di rinnovo affidabile per le PMI", "partial"),
    # after a plain task verb it only describes the deliverable
    ("Implement a reliable renewal forecast tool", "met"),
    ("Hire a strong renewals manager for Benelux", "met"),
    # without a verb it names a deliverable
    ("Repeatable pipeline review for the SDR team", "met"),
])
def test_a_quality_after_a_making_verb_is_vague(text, verdict):
    assert _specific(text) == verdict


def test_the_quality_is_the_evidence():
    a = read("Build a reliable renewal forecast")
    assert [q.text for q in vague_qualities(a)] == ["reliable"]
    result = grade("Build a reliable renewal forecast").criteria["specific"]
    assert "reliable" in result.evidence
    assert result.advice == a.lexicon.advice["specific_vague_objective"]
    assert vague_qualities(read("Implement a reliable renewal forecast tool")) == []


@pytest.mark.parametrize(("text", "quality"), [
    ("Close €4M in new bookings with healthy discount levels", "healthy"),
    ("Hit 120 new logos with solid gross retention", "solid"),
    ("Chiudere 30 nuovi contratti con margini solidi", "solidi"),
])
def test_a_quality_after_a_number_is_a_second_goal(text, quality):
    a = read(text)
    assert qualified_goal(a)[1].text == quality
    result = grade(text).criteria["specific"]
    assert result.verdict == "partial"
    assert result.advice == a.lexicon.advice["specific_several"]


@pytest.mark.parametrize("text", [
    "Close €4M in new bookings with enterprise customers",
    "Hit 120 new logos in the mid-market segment by Q3",
    "Portare il 75% dei rinnovi su contratti affidabili e firmati",
])
def test_a_number_without_a_linked_quality_stays_one_goal(text):
    assert qualified_goal(read(text)) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Open the French market while keeping our renewal rate", "keeping"),
    ("Aprire il mercato francese mantenendo il tasso di rinnovo", "mantenendo"),
])
def test_a_level_kept_alongside_is_a_second_goal(text, kept):
    a = read(text)
    assert kept_alongside(a)[1].text == kept
    assert grade(text).criteria["specific"].verdict == "partial"


@pytest.mark.parametrize("text", [
    "Keep our renewal rate above 90% in Q3",
    "Mantenere il tasso di rinnovo sopra il 90%",
])
def test_a_keep_verb_opening_the_statement_is_one_goal(text):
    assert kept_alongside(read(text)) == []


@pytest.mark.parametrize(("text", "verdict"), [
    # slogans of effort and perseverance
    ("Never give up on a renewal", "missing"),
    ("Work harder on every account", "missing"),
    ("Non arrendersi mai con i rinnovi", "missing"),
    ("Tenere duro fino a fine anno", "missing"),
    # becoming better, a vague verb on partnerships or security: no measure, no object
    ("Become a better negotiator", "missing"),
    ("Diventare un negoziatore migliore", "missing"),
    ("Rafforzare le alleanze", "missing"),
    ("Rafforzare le alleanze con 5 distributori entro giugno", "met"),
    # a quantity without a number
    ("Win a few mid-market accounts in Spain", "partial"),
    ("Win 6 mid-market accounts in Spain by Q4", "met"),
    ("Firmare tanti clienti", "missing"),
    # a bare abstract noun after a task verb names nothing...
    ("Recruit people", "missing"),
    # ... a deliverable with an article or a modifier does
    ("Launch our new partner portal", "met"),
    ("Redesign the renewal process", "met"),
])
def test_slogans_vague_quantities_and_bare_tasks(text, verdict):
    assert _specific(text) == verdict


def test_abstract_deliverable_reads_only_a_bare_area():
    assert abstract_deliverable(read("Build teamwork"))
    assert not abstract_deliverable(read("Build our partner teamwork deck"))
    assert not abstract_deliverable(read("Hire 3 people for the Milan office"))


def test_a_gerund_worked_on_by_a_vague_word_is_no_object():
    a = read("prospecting more often")
    assert gerund_object(a)
    assert grade("prospecting more often").criteria["specific"].verdict == "missing"
    assert not gerund_object(read("Create onboarding messaging that is seamless"))


def test_the_rewrite_of_a_qualified_goal_keeps_its_number():
    suggestion = grade("Close €4M in new bookings with healthy discount levels").suggestion
    assert "€4M" in suggestion


@pytest.mark.parametrize(("text", "counted"), [
    ("Close a few deals with Nordic banks", True),
    ("Firmare qualche contratto con la GDO", True),
    ("Get better at closing deals with banks", False),
    ("Sign lots of new clients", False),
])
def test_a_vague_amount_of_deals_is_a_count_without_its_number(text, counted):
    assert counts_outcomes_vaguely(read(text)) is counted
    if counted:
        result = grade(text)
        assert result.criteria["specific"].verdict == "partial"
        assert result.criteria["measurable"].verdict == "partial"
