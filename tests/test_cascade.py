"""The cascade checker: each finding is raised by the defect it names, and only by it."""

from __future__ import annotations

import pytest

from okrsim import check, load_plan, loads_plan
from okrsim.cascade import has_number
from tests.conftest import ARTICLE_PLAN

BASE = """\
plan: Cascade
period: {start: 2027-01, months: 12}
objectives:
  - id: company
    owner: Company
    objective: Grow revenue profitably
    key_results:
      - {id: arr, text: Grow ARR from 10 to 11 by December 2027, drives: target, baseline: 10,
         target: 11}
      - {id: profit, text: Raise profit 5% by December 2027}
  - id: sales
    owner: Sales
    parent: company
    objective: Win bigger deals
    key_results:
      - {id: deal, text: Raise deal value 20% by December 2027, drives: drivers.deal_value_change,
         target: 0.2}
      - {id: cycle, text: Cut the sales cycle from 90 to 81 days by Q3 2027}
"""

#: A team objective under ``sales`` that BASE's ``sales`` can be pointed at: a cycle.
LOOP_BACK = """\
  - id: team-b
    owner: Marketing
    parent: sales
    objective: Loop back
    key_results:
      - {id: b1, text: Raise marketing-sourced pipeline from €2M to €3M by Q4 2027}
      - {id: b2, text: Reach 5000 newsletter subscribers by Q4 2027}
"""


def _codes(text: str) -> list[str]:
    return [f.code for f in check(loads_plan(text, strict=False)).findings]


def test_article_plan_is_clean():
    report = check(load_plan(ARTICLE_PLAN))
    assert report.clean and report.exit_code == 0, report.to_text()


def test_base_plan_is_clean():
    assert _codes(BASE) == []


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("    parent: company\n", "    parent: nowhere\n", "missing-parent"),
        ("    parent: company\n", "", "supports-nothing"),
        ("      - {id: cycle, text: Cut the sales cycle from 90 to 81 days by Q3 2027}\n", "",
         "too-few-key-results"),
        ("Raise profit 5% by December 2027", "Raise profit a lot", "not-measurable"),
        ("drives: drivers.deal_value_change", "drives: drivers.deal_size", "unknown-drives"),
        ("baseline: 10,\n", "\n", "target-incomplete"),
        ("{id: cycle, text:", "{id: cycle, drives: drivers.deal_value_change, text:",
         "duplicate-drives"),
        ("{id: profit, text:", "{id: profit, drives: target, baseline: 1, target: 2, text:",
         "several-targets"),
        ("{id: profit, text:", "{id: profit, drives: profit, target: 2100000, text:",
         "profit-without-costs"),
    ],
)
def test_each_defect_gives_its_finding(old, new, code):
    assert old in BASE
    assert _codes(BASE.replace(old, new)) == [code]


def test_more_than_five_key_results_is_a_finding():
    extra = "".join(
        f"      - {{id: extra{i}, text: Cut the sales cycle by {i} days by Q3 2027}}\n"
        for i in range(4)
    )
    assert _codes(BASE + extra) == ["too-many-key-results"]


def test_duplicate_ids_and_cycles_are_invalid_findings():
    text = BASE + """\
  - id: sales
    owner: Marketing
    parent: loop-b
    objective: Fill the pipeline
    key_results:
      - {id: deal, text: Generate 400 qualified leads by Q2 2027}
      - {id: mql, text: Raise MQL-to-SQL conversion from 20% to 25% by Q2 2027}
  - id: loop-b
    owner: Marketing
    parent: sales
    objective: Loop
    key_results:
      - {id: l1, text: Publish 12 case studies by Q4 2027}
      - {id: l2, text: Reach 5000 newsletter subscribers by Q4 2027}
"""
    report = check(loads_plan(text, strict=False))
    codes = [f.code for f in report.findings]
    assert codes.count("duplicate-id") == 2
    assert "cycle" not in codes or report.exit_code == 2
    assert report.exit_code == 2


def test_a_pure_cycle_is_reported_and_still_drawn():
    text = BASE.replace("    parent: company\n", "    parent: team-b\n") + LOOP_BACK
    report = check(loads_plan(text, strict=False))
    assert [f.code for f in report.findings] == ["cycle"]
    assert report.exit_code == 2
    drawing = report.to_text()
    assert "(sales)" in drawing and "(team-b)" in drawing


def test_findings_exit_code_is_one_and_are_attached_to_places():
    report = check(loads_plan(BASE.replace("Raise profit 5%", "Raise profit a lot")))
    assert report.exit_code == 1
    assert [f.code for f in report.for_key_result("profit")] == ["not-measurable"]
    assert "(!)" in report.to_text()


def test_text_report_draws_an_indented_tree():
    text = check(load_plan(ARTICLE_PLAN)).to_text().splitlines()
    assert text[0] == "Revenue teams FY2027 (2027-01, 12 months)"
    company = next(i for i, line in enumerate(text) if "(grow-revenue)" in line)
    individual = next(line for line in text if "(onboarding-programme)" in line)
    enablement = next(line for line in text if "(fast-onboarding)" in line)
    indent = [len(line) - len(line.lstrip(" │├└─")) for line in (text[company], enablement,
                                                                  individual)]
    assert indent[0] < indent[1] < indent[2]


def test_dict_report_nests_children():
    data = check(load_plan(ARTICLE_PLAN)).to_dict()
    assert data["clean"] is True and data["findings"] == []
    (root,) = data["tree"]
    assert root["id"] == "grow-revenue"
    enablement = next(c for c in root["children"] if c["id"] == "fast-onboarding")
    assert [c["id"] for c in enablement["children"]] == ["onboarding-programme"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hire five sellers by Q1", True),
        ("Assumere cinque venditori entro il Q1", True),
        ("Reach quota within 4 months", True),
        ("Improve onboarding", False),
        ("Migliorare l'onboarding", False),
        ("Someone gets quota", False),
        ("Raise profit a lot by 31 December 2027", False),
        ("Launch the portal by Q3 2027", False),
        ("Raise profit 5% by December 2027", True),
    ],
)
def test_has_number_reads_digits_and_number_words(text, expected):
    assert has_number(text) is expected


def test_an_activity_key_result_is_a_warning_with_the_graders_advice():
    text = BASE.replace("Cut the sales cycle from 90 to 81 days by Q3 2027",
                        "Hire 2 account executives by Q3 2027")
    report = check(loads_plan(text))
    (finding,) = report.findings
    assert (finding.code, finding.severity, finding.key_result) == ("activity", "warning", "cycle")
    assert "not an outcome" in finding.message and "Increase" in finding.message
    assert report.exit_code == 1


def test_measurability_follows_the_grader_not_just_digits():
    # A date gives digits but no measure; a spelled-out amount is a measure.
    assert _codes(BASE.replace("Raise profit 5% by December 2027",
                               "Deliver the profit plan by 31 December 2027")) == [
        "not-measurable", "activity"]
    assert _codes(BASE.replace("Raise profit 5% by December 2027",
                               "Raise profit by five percent by December 2027")) == []
