"""The whole track in Italian: every lesson has an Italian edition with the English structure,
the Italian plan mirrors the English one, the Italian exercises match the English ones kind by
kind, and the Italian text follows one glossary (tu, one name per concept).

nbval runs the Italian notebooks like the English ones (``notebooks/it/*.ipynb``); the browser
case is ``tests/browser/test_italian_cascade.py``.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from pathlib import Path

import nbformat
import pytest
import yaml
from matplotlib.text import Text

from okrsim import check, load_plan
from okrsim.exercises import KINDS, checks, load_bank
from okrsim.i18n import table, term
from okrsim.plots import contribution_waterfall
from okrsim.sim import simulate, solve
from tests.conftest import ROOT
from tests.test_notebook_lessons import run_lessons

NOTEBOOKS = ROOT / "notebooks"
ITALIAN = NOTEBOOKS / "it"
ENGLISH_NOTEBOOKS = sorted(NOTEBOOKS.glob("*.ipynb"))
ITALIAN_NOTEBOOKS = sorted(ITALIAN.glob("*.ipynb"))
PLANS = ROOT / "exercises" / "plans"
BANK = load_bank()

#: Widgets and exercise calls whose order makes a lesson's structure.
WIDGET_CALL = re.compile(r"\b(CascadeView|ExerciseWidget|FeasibilityDashboard|OKRBuilder|"
                         r"SMARTGrader|Quiz\.from_file|Quiz)\(")
PLOT_CALL = re.compile(r"\b(?:plots\.)?(growth_histogram|fan_chart|tornado|contribution_waterfall|"
                       r"plot_missed_criteria)\(")
EXERCISE_ID = re.compile(r"ExerciseWidget\(\s*[\"']([\w-]+)[\"']")
#: Widgets that take the interface language.
UI_WIDGETS = ("CascadeView", "FeasibilityDashboard", "OKRBuilder", "SMARTGrader")
#: Files only the English lessons should name.
ENGLISH_DATA = ("revenue_teams.yaml", "broken_cascade.yaml", "capstone_plan.yaml",
                "classify_okrs.yaml")


def _id(path: Path) -> str:
    return str(path.relative_to(NOTEBOOKS))


def _cells(path: Path):
    return nbformat.read(path, as_version=4).cells


def _code(path: Path) -> str:
    return "\n".join(c.source for c in _cells(path) if c.cell_type == "code")


def structure(path: Path) -> dict[str, object]:
    """What must match between a lesson and its translation (not the words)."""
    cells = _cells(path)
    markdown = [line for c in cells if c.cell_type == "markdown" for line in c.source.splitlines()]
    code = [c for c in cells if c.cell_type == "code"]
    return {
        "sections": sum(line.startswith("## ") for line in markdown),
        "numbered sections": [m.group(1) for line in markdown
                              if (m := re.match(r"## (\d+)\.", line))],
        "subsections": sum(line.startswith("### ") for line in markdown),
        "code cells": len(code),
        "tags": [tag for c in code for tag in c.metadata.get("tags", [])],
        "widgets": [m.group(1) for c in code for m in WIDGET_CALL.finditer(c.source)],
        "charts": [m.group(1) for c in code for m in PLOT_CALL.finditer(c.source)],
        "exercise kinds": [(BANK.get(i).kind, BANK.get(i).level)
                           for c in code for i in EXERCISE_ID.findall(c.source)],
    }


# -- the lessons ---------------------------------------------------------------------------------

@pytest.mark.parametrize("english", ENGLISH_NOTEBOOKS, ids=_id)
def test_every_english_notebook_has_an_italian_edition_with_the_same_structure(english):
    italian = ITALIAN / english.name
    assert italian.exists(), f"{_id(english)} has no Italian edition in notebooks/it/"
    assert structure(italian) == structure(english)


def test_the_structure_compared_is_not_empty():
    lessons = [structure(p) for p in ENGLISH_NOTEBOOKS]
    assert sum(len(s["widgets"]) for s in lessons) >= 8
    assert sum(len(s["exercise kinds"]) for s in lessons) >= 4
    assert sum(len(s["charts"]) for s in lessons) >= 4


@pytest.mark.parametrize("path", ITALIAN_NOTEBOOKS, ids=_id)
def test_italian_lessons_use_italian_widgets_plans_and_exercises(path):
    code = _code(path)
    for call in re.finditer(rf"\b({'|'.join(UI_WIDGETS)})\(", code):
        depth, end = 0, call.end() - 1
        for end in range(call.end() - 1, len(code)):
            depth += {"(": 1, ")": -1}.get(code[end], 0)
            if depth == 0:
                break
        arguments = code[call.end():end]
        assert re.search(r"\bui=[\"']it[\"']", arguments), (
            f"{_id(path)}: {call.group(1)}({arguments}) is not shown with ui='it'")
    for name in ENGLISH_DATA:
        assert not re.search(rf"[\"'/]{re.escape(name)}", code), f"{_id(path)} uses {name}"
    for exercise_id in EXERCISE_ID.findall(code):
        assert BANK.get(exercise_id).lang == "it", f"{_id(path)} shows {exercise_id}"
    for call in re.findall(r"okrsim\.check\(.*", code):
        assert 'lang="it"' in call, f"{_id(path)}: {call} reports in English"


def test_the_italian_finance_notebook_follows_its_parameters_and_speaks_italian():
    parameters = ('plan_path = "../../exercises/plans/revenue_teams.it.yaml"\n'
                  "trials = 500\nseed = 3\nprobability = 0.6\n")
    (shown,) = run_lessons(ITALIAN / "05_finance_feasibility.ipynb", parameters)
    plan = load_plan(PLANS / "revenue_teams.it.yaml")
    assert shown == solve(plan, "hiring.count", 0.6, trials=500, seed=3).describe("it")
    assert "P(obiettivo)" in shown


# -- the Italian plan ----------------------------------------------------------------------------

def _without_words(node):
    """The plan's data with every sentence for people taken out: what both languages share."""
    if isinstance(node, dict):
        return {k: _without_words(v) for k, v in node.items()
                if k not in ("plan", "description", "objective", "text", "owner")}
    if isinstance(node, list):
        return [_without_words(v) for v in node]
    return node


@pytest.mark.parametrize("english", [PLANS / "revenue_teams.yaml",
                                     NOTEBOOKS / "data" / "broken_cascade.yaml",
                                     NOTEBOOKS / "data" / "capstone_plan.yaml"],
                         ids=lambda p: p.name)
def test_italian_plans_mirror_the_english_ones_with_italian_sentences(english):
    italian = english.with_suffix(".it.yaml")
    en, it = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in (english, italian))
    assert _without_words(it) == _without_words(en), "only the sentences may differ"
    english_texts = {kr["text"] for o in en["objectives"] for kr in o["key_results"]}
    italian_texts = {kr["text"] for o in it["objectives"] for kr in o["key_results"]}
    assert not english_texts & italian_texts
    findings_en = check(load_plan(english, strict=False))
    findings_it = check(load_plan(italian, strict=False), lang="it")
    assert [f.code for f in findings_it.findings] == [f.code for f in findings_en.findings]


def test_the_italian_example_plan_simulates_like_the_english_one():
    en = simulate(load_plan(PLANS / "revenue_teams.yaml"), trials=500, seed=5)
    it = simulate(load_plan(PLANS / "revenue_teams.it.yaml"), trials=500, seed=5)
    assert (it.p_target, it.on_paper_growth) == (en.p_target, en.on_paper_growth)
    assert check(load_plan(PLANS / "revenue_teams.it.yaml"), lang="it").clean


# -- the exercises -------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_italian_exercises_match_the_english_ones_in_every_kind(kind):
    count = Counter((e.lang, e.kind) for e in BANK)
    assert count["it", kind] >= count["en", kind] >= 1


@pytest.mark.parametrize("kind", KINDS)
def test_every_level_of_an_english_kind_has_an_italian_exercise(kind):
    levels = {lang: {e.level for e in BANK if e.lang == lang and e.kind == kind}
              for lang in ("en", "it")}
    assert levels["en"] <= levels["it"], levels


def test_italian_exercises_live_in_italian_files():
    for exercise in BANK:
        italian_file = exercise.source.endswith(".it.yaml")
        assert italian_file == (exercise.lang == "it"), f"{exercise.id} is in {exercise.source}"


# -- one glossary, tu, and the language review ---------------------------------------------------

def _italian_sources() -> dict[str, str]:
    """Every Italian text a learner can meet, by where it comes from."""
    sources = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
               for pattern in ("okrsim/i18n/it/*.toml", "okrsim/grading/lexicons/it.toml",
                               "exercises/bank/*.it.yaml", "exercises/plans/*.it.yaml",
                               "notebooks/data/*.it.yaml")
               for p in sorted(ROOT.glob(pattern))}
    for path in ITALIAN_NOTEBOOKS:
        sources[_id(path)] = "\n".join(c.source for c in _cells(path))
    sources["exercise feedback"] = "\n".join(checks.MESSAGES["it"].values())
    return sources


SOURCES = _italian_sources()
#: Wrong forms found by the language review, and what to write instead.
REVIEW = {
    r"\bdal 24\.000": "'da 24.000' (no article before a bare number)",
    r"\bDì\b": "'Di'' (the imperative of dire takes an apostrophe)",
    r"\bpiano (integrato|d'esempio)": "'piano di esempio' (glossary term.built_in_plan)",
    r"\b(Vincolato nel tempo|Con una scadenza|Temporizzato)\b": "'Definito nel tempo'",
    r"\bOKR (vincolant|ambizios)\w*": "'impegnativo' / 'aspirazionale' (glossary)",
    r"\bla quota di (nuovi|clienti|venditori)\b": "'la parte di ...' ('quota' is the target)",
    r"\b(Scrivete|scrivete|Rispondete|Premete|Usate|Avete|Riscrivetel\w|Classificate|Etichettate|"
    r"Eseguite|Cercate|[Ll]eggete|Contate|Esprimete|Aggiungete|Scegliete|Correggetel\w|Muovete|"
    r"[Rr]iprovate|Provate|"
    r"[Vv]ostr[aoei])\b": "'tu', never 'voi' (glossary header)",
}


@pytest.mark.parametrize("pattern", REVIEW)
def test_the_language_review_holds_everywhere(pattern):
    found = [f"{where}: {m.group(0)!r}" for where, text in SOURCES.items()
             for m in re.finditer(pattern, text)]
    assert not found, f"write {REVIEW[pattern]} instead of: {found}"


def test_the_review_reads_every_italian_source():
    assert {"it/03_cascade_and_alignment.ipynb", "exercise feedback",
            "exercises/plans/revenue_teams.it.yaml",
            "okrsim/i18n/it/glossary.toml"} <= set(SOURCES)
    assert re.search(r"\bDì\b", "Dì con chiarezza") and not re.search(r"\bDì\b", "Di' chiaro")


def test_the_glossary_records_tu_and_names_each_smart_letter_once():
    header = (ROOT / "okrsim/i18n/it/glossary.toml").read_text(encoding="utf-8").split("[")[0]
    assert '"tu"' in header and '"voi"' in header
    letters = table("it", "glossary")
    names = [term("it", f"criterion.{c}") for c in
             ("specific", "measurable", "achievable", "relevant", "time_bound")]
    assert names == ["Specifico", "Misurabile", "Raggiungibile", "Rilevante", "Definito nel tempo"]
    assert term("it", "term.outcome") != term("it", "term.key_result")
    assert term("it", "term.quota").startswith("quota") and letters


def test_exercise_feedback_exists_in_both_languages_with_the_same_placeholders():
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    en, it = checks.MESSAGES["en"], checks.MESSAGES["it"]
    assert en.keys() == it.keys()
    for key in en:
        assert fields(en[key]) == fields(it[key]), key
    exercise = BANK.get("it-cascata-genitore")
    feedback = exercise.check("vendite-2027").feedback
    assert "id come" in feedback and "such as" not in feedback


def _chart_words(figure) -> list[str]:
    figure = getattr(figure, "figure", figure)
    figure.canvas.draw()
    return [t.get_text() for t in figure.findobj(Text) if re.search(r"[a-z]{3}", t.get_text())]


def test_the_revenue_waterfall_speaks_italian():
    result = simulate(load_plan(PLANS / "revenue_teams.it.yaml"), trials=200, seed=1)
    english = _chart_words(contribution_waterfall(result))
    italian = _chart_words(contribution_waterfall(result, lang="it"))
    assert len(set(english) - set(italian)) >= 3, (english, italian)
