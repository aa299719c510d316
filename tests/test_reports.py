"""The analyst's outputs: workbook, one-page report, per-trial CSV; safe with hostile text."""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser

import numpy as np
import pytest
import yaml

from okrsim.plan import default_plan, loads_plan
from okrsim.plan.default import _default_plan_text
from okrsim.reports import render_report, write_report, write_trials_csv, write_workbook
from okrsim.reports.facts import summary_facts
from okrsim.sim import sensitivity, simulate

PAYLOADS = ('=HYPERLINK("http://example.com","Click")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd",
            "-2+3+cmd|' /C calc'!A0", "\t=1+1")


def _hostile_plan(name: str, kr_text: str):
    data = yaml.safe_load(_default_plan_text())
    data["plan"] = name
    data["objectives"][1]["key_results"][0]["text"] = kr_text
    return loads_plan(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


@pytest.fixture(scope="module")
def plan():
    return default_plan()


@pytest.fixture(scope="module")
def result(plan):
    return simulate(plan, trials=3_000, seed=5)


def _book(path):
    from openpyxl import load_workbook

    return load_workbook(path)


def test_workbook_has_the_four_sheets_and_numbers_of_the_result(plan, result, tmp_path):
    path = write_workbook(result, plan, tmp_path / "out.xlsx")
    book = _book(path)
    assert book.sheetnames == ["Summary", "Inputs", "Monthly", "Trials"]
    summary = {row[0].value: row[1] for row in book["Summary"].iter_rows(min_row=2)}
    p = summary["P(target): share of simulated years reaching the target"]
    assert p.value == pytest.approx(result.p_target) and p.number_format == "0.0%"
    assert summary["Seed"].value == 5 and summary["Simulated years (trials)"].value == 3_000
    median = summary["Growth, median"]
    assert median.value == pytest.approx(result.growth_summary["p50"])
    target = summary["Target value"]
    assert target.value == pytest.approx(result.target) and "€" in target.number_format
    ending = summary["Ending value, P90"].value
    assert ending == pytest.approx(result.baseline * (1 + np.percentile(result.growth, 90)))
    trials = list(book["Trials"].iter_rows(values_only=True))
    header, rows = trials[0], trials[1:]
    growth = [r[header.index("growth")] for r in rows]
    assert growth == pytest.approx(result.growth.tolist())
    ending_col = [r[header.index("ending_value")] for r in rows]
    assert ending_col == pytest.approx((result.baseline * (1 + result.growth)).tolist())


def test_workbook_monthly_sheet_follows_the_calendar(plan, result, tmp_path):
    book = _book(write_workbook(result, plan, tmp_path / "m.xlsx"))
    rows = list(book["Monthly"].iter_rows(values_only=True))
    assert rows[1][0] == "Jan 2027" and rows[12][0] == "Dec 2027"
    p50_new = [r[2] for r in rows[1:]]
    assert p50_new == pytest.approx(np.percentile(result.monthly_new, 50, axis=0).tolist())
    arr_p50_last = rows[12][5]
    assert arr_p50_last == pytest.approx(result.baseline * (1 + result.growth_summary["p50"]))


def test_workbook_inputs_name_the_key_result_that_commits_each(plan, result, tmp_path):
    book = _book(write_workbook(result, plan, tmp_path / "i.xlsx", lang="it"))
    rows = {r[0]: r for r in book["Inputs"].iter_rows(values_only=True)}
    assert rows["ramp.months"][3] == "triangular(low=3, mode=5, high=7)"
    assert rows["ramp.months"][4] == 4 and rows["ramp.months"][5] == "ramp-4"
    assert rows["Input del modello"][1] == "Nome"


def test_workbook_caps_huge_trials_with_a_note(plan, result, tmp_path):
    book = _book(write_workbook(result, plan, tmp_path / "c.xlsx", max_trial_rows=100))
    rows = list(book["Trials"].iter_rows(values_only=True))
    assert len([r for r in rows if isinstance(r[0], int)]) == 100
    assert rows[-1][0].startswith("The first 100 of 3,000 simulated years")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_export_turns_plan_text_into_a_formula(payload, tmp_path):
    plan = _hostile_plan(payload, payload)
    result = simulate(plan, trials=200)
    book = _book(write_workbook(result, plan, tmp_path / "x.xlsx"))
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True)}
    assert plan.name.startswith(("=", "+", "-", "@", "\t"))  # still hostile after loading
    assert summary["Plan"] == "'" + plan.name  # readable, shown as text
    assert isinstance(summary["Seed"], int)
    path = write_trials_csv(result, tmp_path / "t.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        cells = [c for row in csv.reader(handle) for c in row]
    assert any(payload.strip()[:6] in c for c in cells)  # the name is still readable
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells
                   if not _is_number(c))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_trials_csv_has_a_header_comment_and_the_ending_value(plan, result, tmp_path):
    import pandas as pd

    path = write_trials_csv(result, tmp_path / "t.csv")
    head = path.read_text(encoding="utf-8").splitlines()[:4]
    assert head[0] == f"# plan: {result.plan}"
    assert "seed: 5" in head[1] and "money in €" in head[2]
    frame = pd.read_csv(path, comment="#")
    assert frame["ending_value"].to_numpy() == pytest.approx(result.baseline * (1 + result.growth))
    assert frame["growth"].dtype == float


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images, self.urls, self.sections, self.text = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("src", "href"):
            if key in attrs:
                self.urls.append(attrs[key])
        if tag == "img":
            self.images.append(attrs)
        if tag == "section":
            self.sections.append(attrs["id"])

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def sens(plan):
    return sensitivity(plan, trials=300, seed=5)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_report_is_one_self_contained_page_with_every_figure(plan, result, sens, lang):
    page = render_report(result, sens, plan, lang)
    parsed = _Page()
    parsed.feed(page)
    assert len(parsed.images) == 4
    assert all(img["src"].startswith("data:image/png;base64,") for img in parsed.images)
    assert all(u.startswith("data:") for u in parsed.urls)
    assert not re.search(r"https?://|@import|url\(", page.replace(
        "http://www.w3.org", ""))
    assert parsed.sections == ["paper_vs_mc", "distribution", "monthly", "tornado", "bridge",
                               "key_results", "gap", "assumptions"]
    text = " ".join(parsed.text)
    assert "41%" in text or f"{result.p_target:.0%}" in text.replace(",", ".")
    assert "ramp-4" in text


def test_report_verdict_and_gap_in_words(plan, result, sens):
    text = render_report(result, sens, plan, "en")
    assert f"only {result.p_target:.0%} of simulated years reach the target" in text
    assert "The median simulated year ends €" in text
    assert "more hires on the plan&#x27;s schedule" in text


def test_report_escapes_plan_text(sens):
    plan = _hostile_plan("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
    result = simulate(plan, trials=200)
    page = render_report(result, None, plan, "en")
    assert "<script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_report_shows_profit_figures_when_the_result_has_them(plan, result):
    class WithProfit:
        def __init__(self, base):
            self.__dict__.update(base.__dict__)
            self._base = base

        def to_dict(self):
            data = self._base.to_dict()
            data["p_profit"] = 0.37
            data["profit"] = {"p50": 2_050_000.0}
            return data

    facts = {f.key: f for f in summary_facts(WithProfit(result), __import__(
        "okrsim.plots", fromlist=["Units"]).Units())}
    assert facts["p_profit"].value == 0.37 and facts["p_profit"].kind == "percent"
    assert facts["profit.p50"].kind == "money"


def test_write_report_checks_its_file_name(plan, tmp_path):
    from okrsim.errors import OkrsimError

    with pytest.raises(OkrsimError, match="must end in .html"):
        write_report(plan, tmp_path / "r.pdf", trials=100)
    with pytest.raises(OkrsimError, match="cannot be written"):
        write_report(plan, tmp_path / "missing" / "r.html", trials=100)


def test_a_bookings_plan_with_no_uncertainty_still_gets_every_output(tmp_path):
    from tests.sim_helpers import fixed_model, make_plan

    plan = make_plan(fixed_model(hiring={"count": 2, "months": [1, 2]}), target=30_000)
    result = simulate(plan, trials=200)
    sens = sensitivity(plan, trials=200)
    assert len(sens.table) == 0
    page = render_report(result, sens, plan, "en")
    assert page.count("<img ") >= 3 and "Starting ARR" not in page
    book = _book(write_workbook(result, plan, tmp_path / "b.xlsx"))
    assert book["Trials"].max_row == 201
    write_trials_csv(result, tmp_path / "b.csv")
