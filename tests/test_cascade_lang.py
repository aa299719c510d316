"""Cascade findings in Italian: every finding code, the report's headings, the widget."""

from __future__ import annotations

import pytest

from okrsim import check, loads_plan
from okrsim.errors import OkrsimError
from okrsim.exercises.checks import check_cascade
from okrsim.i18n import table
from okrsim.widgets import CascadeView
from tests.test_cascade import BASE, LOOP_BACK

_ARR_TARGET = "drives: target, baseline: 10,\n         target: 11}"
_DEAL_DRIVES = "drives: drivers.deal_value_change,\n         target: 0.2}"
_EXTRA = "".join(f"      - {{id: extra{i}, text: Cut the sales cycle by {i} days by Q3 2027}}\n"
                 for i in range(4))
_TWIN = """\
  - id: sales
    owner: Marketing
    parent: company
    objective: Fill the pipeline
    key_results:
      - {id: mql, text: Raise MQL-to-SQL conversion from 20% to 25% by Q2 2027}
      - {id: sql, text: Raise SQL-to-win conversion from 20% to 25% by Q2 2027}
"""

#: One plan per finding code: (code, replacements in BASE, text appended, ids the message names).
DEFECTS = [
    ("duplicate-id", [], _TWIN, ["sales"]),
    ("duplicate-id", [("{id: cycle, text:", "{id: deal, text:")], "", ["deal"]),
    ("cycle", [("    parent: company\n", "    parent: team-b\n")], LOOP_BACK, ["sales", "team-b"]),
    ("missing-parent", [("    parent: company\n", "    parent: nowhere\n")], "",
     ["sales", "nowhere"]),
    ("supports-nothing", [("    parent: company\n", "")], "", ["sales", "Sales"]),
    ("too-few-key-results",
     [("      - {id: cycle, text: Cut the sales cycle from 90 to 81 days by Q3 2027}\n", "")], "",
     ["sales"]),
    ("too-many-key-results", [], _EXTRA, ["sales"]),
    ("not-measurable", [("Raise profit 5% by December 2027", "Raise profit a lot")], "",
     ["profit"]),
    ("activity", [("Cut the sales cycle from 90 to 81 days by Q3 2027",
                   "Hire 2 account executives by Q3 2027")], "", ["cycle"]),
    ("target-incomplete", [("baseline: 10,\n", "\n")], "", ["arr"]),
    ("target-not-company", [(_ARR_TARGET, "}"), (_DEAL_DRIVES, "drives: target, baseline: 1, "
                                                              "target: 2}")], "",
     ["deal", "sales"]),
    ("several-targets", [("{id: profit, text:",
                          "{id: profit, drives: target, baseline: 1, target: 2, text:")], "",
     ["arr", "profit"]),
    ("profit-without-costs", [("{id: profit, text:",
                               "{id: profit, drives: profit, target: 2, text:")], "",
     ["profit"]),
    ("unknown-drives", [("drives: drivers.deal_value_change", "drives: drivers.deal_size")], "",
     ["deal", "drivers.deal_size"]),
    ("duplicate-drives", [("{id: cycle, text:",
                           "{id: cycle, drives: drivers.deal_value_change, text:")], "",
     ["deal", "cycle", "drivers.deal_value_change"]),
]
_ENGLISH = ("Objective", "Key result", "Company target", " has ", " the ")


def defect_plan(replacements: list[tuple[str, str]], extra: str) -> str:
    """BASE with the replacements made (each must apply) and ``extra`` appended."""
    text = BASE
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text + extra


def test_every_finding_code_has_an_italian_case():
    codes = {code for code, *_ in DEFECTS}
    assert codes == {key.split(".")[0] for key in table("en", "cascade")
                     if not key.startswith(("noun.", "missing.", "report.", "severity."))}


@pytest.mark.parametrize(("code", "replacements", "extra", "ids"), DEFECTS,
                         ids=[f"{d[0]}-{i}" for i, d in enumerate(DEFECTS)])
def test_each_finding_speaks_italian_and_names_its_ids(code, replacements, extra, ids):
    plan = loads_plan(defect_plan(replacements, extra), strict=False)
    english = {f.code: f for f in check(plan).findings}
    italian = {f.code: f for f in check(plan, lang="it").findings}
    finding = italian[code]
    assert finding.severity == english[code].severity
    assert (finding.objective, finding.key_result) == (english[code].objective,
                                                       english[code].key_result)
    assert "obiettiv" in finding.message.lower() or "risultat" in finding.message.lower()
    before_advice = finding.message.split(". ")[0]  # the activity advice follows the KR's language
    assert not any(word in before_advice for word in _ENGLISH), finding.message
    for name in ids:
        assert f"{name}" in finding.message
    assert finding.message != english[code].message


def test_the_activity_advice_follows_the_key_results_language():
    text = defect_plan([("Cut the sales cycle from 90 to 81 days by Q3 2027",
                         "Organizzare 40 chiamate di scoperta entro il Q3 2027")], "")
    (finding,) = check(loads_plan(text), lang="it").findings
    assert finding.code == "activity"
    assert finding.message.startswith("Il risultato chiave 'cycle' è un'attività")
    assert "Increase" not in finding.message and "Hire" not in finding.message


def test_the_text_report_has_italian_headings():
    broken = loads_plan(BASE.replace("Raise profit 5% by December 2027", "Raise profit a lot"))
    lines = check(broken, lang="it").to_text().splitlines()
    assert lines[0] == "Cascade (2027-01, 12 mesi)"
    assert "1 problema:" in lines
    assert lines[-1].startswith("  [errore] Il risultato chiave 'profit' non ha un numero")
    clean = check(loads_plan(BASE), lang="it").to_text()
    assert clean.endswith("Nessun problema: ogni obiettivo di team è collegato e ogni risultato "
                          "chiave è misurabile.")


def test_english_stays_the_default():
    broken = loads_plan(BASE.replace("    parent: company\n", "    parent: nowhere\n"))
    assert check(broken).to_text() == check(broken, lang="en").to_text()
    assert "1 finding:" in check(broken).to_text().splitlines()


@pytest.mark.parametrize("lang", ["fr", "EN", "", None, 3])
def test_an_unknown_language_is_one_sentence(lang):
    with pytest.raises(OkrsimError, match=r"^The cascade check writes its findings in 'en' or "
                                          r"'it'; got .*\.$"):
        check(loads_plan(BASE), lang=lang)


def test_the_italian_widget_shows_italian_findings():
    text = BASE.replace("    parent: company\n", "    parent: nowhere\n")
    view = CascadeView(text=text, editable=True, ui="it")
    assert "L&#x27;obiettivo &#x27;sales&#x27; indica come padre &#x27;nowhere&#x27;" in \
        view.output_html
    assert "names parent" not in view.output_html
    view.value = BASE
    view.click()
    assert view.report.clean and view.report.lang == "it"
    english = CascadeView(text=text)
    assert "names parent" in english.output_html


def test_a_cascade_exercise_in_italian_reports_italian_findings():
    text = BASE.replace("    parent: company\n", "    parent: nowhere\n")
    (finding,) = [o for o in check_cascade(text, "it") if o.name == "cascade:missing-parent"]
    assert "indica come padre 'nowhere'" in finding.feedback
    assert "names parent" in check_cascade(text, "en")[0].feedback
