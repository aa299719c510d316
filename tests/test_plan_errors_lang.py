"""Plan-file problems in the reader's language: the same sentences, keys and places in every one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from okrsim import PlanError, load_plan, loads_plan
from okrsim.errors import OkrsimError
from okrsim.i18n import table
from okrsim.plan import problems as plan_problems
from okrsim.plan.problems import Said, plan_error, problem

#: The built-in plan: every section a plan can have (segments aside).
PLAN_TEXT = (Path(plan_problems.__file__).parent.parent / "data" / "default_plan.yaml").read_text(
    encoding="utf-8")
SOURCES = [Path(plan_problems.__file__).parent / name
           for name in ("loader.py", "schema.py", "finance.py", "distributions.py", "quarter.py",
                        "scoring.py")]
SIM = Path(plan_problems.__file__).parent.parent / "sim"
SIM_SOURCES = [SIM / name for name in ("validation.py", "inputs.py", "scenario_file.py")]

#: English words that must never reach an Italian reader of a plan problem.
ENGLISH = re.compile(r"\b(must|got|missing|allowed|needs|unknown|is used|objective|key result|"
                     r"a number|a list|a mapping|whole number|more than|between)\b")


def _broken(old: str, new: str) -> str:
    assert old in PLAN_TEXT, old
    return PLAN_TEXT.replace(old, new, 1)


BROKEN = [
    "",
    "plan: x\nplan: y\n",
    "- a\n- b\n",
    "just words",
    "plan: x\nperiod: 5\nobjectives: []\ncolour: red\n",
    _broken("period: {start: 2027-01, months: 12}", "period: {start: 2027-13, months: 70}"),
    _broken("monthly_quota: 5600", "monthly_quota: -3"),
    _broken("monthly_quota: 5600", "monthly_quota: [5600]"),
    _broken("existing: 20\n", "colour: red\n"),
    _broken("curve: linear", "curve: wiggly"),
    _broken("backfill: true", "backfill: 3"),
    _broken("target: 5\n", "target: 5.5\n"),
    _broken("high: 7}", "high: 2}"),
    _broken("{dist: triangular, low: 3, mode: 5, high: 7}", "{dist: triangle, low: 3}"),
    _broken("{dist: triangular, low: 3, mode: 5, high: 7}", "{dist: triangular, low: 3}"),
    _broken("{dist: normal, mean: 1.0, sd: 0.08}", "{dist: normal, mean: 1.0, sd: -0.5}"),
    _broken("[1.0, 0.4, 0.0, 0.0]", "[1.0, 0.4, 0.0, 2]"),
    _broken("[1.0, 0.4, 0.0, 0.0]", "[1.0, 0.3, 0.0, 0.0]"),
    _broken("owner: Sales\n", "owner: [a, b]\n"),
    _broken("id: hire-5", "id: 'bad id'"),
    _broken("drives: profit", "drives: profit\n        forecast: 3"),
    _broken("baseline: 12000000", "baseline: -1"),
    _broken("  hiring:\n", "  segments: []\n  hiring:\n"),
    _broken("  costs:\n", "  seasonality: {quarterly: [1, 2]}\n  costs:\n"),
    _broken("  costs:\n", "  teams: {}\n  costs:\n"),
]


def _problems(text: str, lang: str) -> PlanError:
    with pytest.raises(PlanError) as info:
        loads_plan(text, "piano.yaml", lang=lang)
    return info.value


def test_every_sentence_the_code_names_exists_in_the_catalog():
    english = table("en", "plan_errors")
    named = set()
    for path in [*SOURCES, *SIM_SOURCES]:
        named |= set(re.findall(r'problem\(\s*"([a-z_]+\.[A-Za-z_]+)"', path.read_text("utf-8")))
    assert len(named) > 90
    assert named - set(english) == set()


def test_no_plan_module_writes_its_problems_as_english_f_strings():
    pattern = re.compile(r'(problems\.append\(|return \[|PlanError\(\[|OkrsimError\()\s*f"')
    for path in [*SOURCES, *SIM_SOURCES]:
        assert not pattern.search(path.read_text("utf-8")), path.name


@pytest.mark.parametrize("text", BROKEN)
def test_a_broken_plan_is_refused_in_italian_one_sentence_per_problem(text):
    english, italian = _problems(text, "en"), _problems(text, "it")
    assert len(english.problems) == len(italian.problems)
    for en, it in zip(english.problems, italian.problems, strict=True):
        assert type(it) is str and it.endswith(".") and "\n" not in it
        assert it.startswith("piano.yaml") and it != en
        assert not ENGLISH.search(it.replace("piano.yaml", "")), it


@pytest.mark.parametrize("text", BROKEN)
def test_english_is_the_default_and_each_problem_can_be_said_again(text):
    default = _problems(text, "en")
    with pytest.raises(PlanError) as info:
        loads_plan(text, "piano.yaml")
    assert info.value.problems == default.problems
    assert str(info.value) == str(default)
    again = plan_problems.say_all(default.problems, "it")
    assert again == _problems(text, "it").problems


def test_italian_numbers_take_a_decimal_comma_and_the_tail_is_italian():
    text = _broken("{dist: normal, mean: 1.0, sd: 0.08}", "{dist: normal, mean: 1.0, sd: -0.5}")
    text = text.replace("period: {start: 2027-01, months: 12}", "period: {start: 2027-01}")
    error = _problems(text, "it")
    assert "sd deve essere 0 o più; hai scritto -0,5." in error.problems[-1]
    assert str(error).endswith("(e 1 altro problema)")
    assert str(_problems(text, "en")).endswith("(and 1 more problem)")
    big = "x" * 1_500
    named = PLAN_TEXT.replace("plan: Revenue teams FY2027 (built-in plan)", f"plan: {big}")
    error = _problems(named, "it")
    assert error.problems == ["piano.yaml: plan è lungo 1.500 caratteri; il massimo è 1.000."]


def test_a_missing_file_and_a_folder_are_refused_in_italian(tmp_path):
    for path, expected in [(tmp_path / "nope.yaml", "non esiste"), (tmp_path, "è una cartella")]:
        with pytest.raises(PlanError) as info:
            load_plan(path, lang="it")
        assert info.value.problems == [f"{path} {expected}; indica il percorso di un file di "
                                       "piano (.yaml)."]


def test_a_place_and_its_problem_change_language_together():
    where = problem("place.objective", source="p.yaml", id="'sales'")
    said = problem("loader.text_missing", where=where + ": owner")
    assert isinstance(said, Said) and isinstance(where + ".x", Said)
    assert said == "p.yaml: objective 'sales': owner is missing; it must be a short text."
    assert said.say("it") == "p.yaml: obiettivo 'sales': owner: manca; scrivi un testo breve."
    assert said.say("en") == str(said)


def test_an_unknown_language_is_one_sentence():
    with pytest.raises(OkrsimError, match=r"^Plan-file problems are written in 'en' or 'it'; "
                                          r"got 'fr'\.$"):
        loads_plan("plan: [", "p.yaml", lang="fr")
    assert isinstance(plan_error(["x"], "it"), PlanError)


QUARTER = """\
quarter: Q1 2027
weeks: 13
key_results:
  - id: ramp-4
    text: Portare l'inserimento a 4 mesi
    commitment: forse
    start: 6
    target: 6
    check_ins:
      - {week: 20, value: a, confidence: 11}
  - 5
"""


def test_a_broken_quarter_file_is_refused_in_italian(tmp_path):
    from okrsim.plan.quarter import load_quarter, loads_quarter

    with pytest.raises(PlanError) as info:
        loads_quarter(QUARTER, lang="it")
    problems = info.value.problems
    assert problems[0] == ("il trimestre, risultato chiave 'ramp-4': L'impegno vale 'forse'; usa "
                           "'committed' (impegnativo) o 'aspirational' (aspirazionale).")
    assert "la 'week' di un check-in vale 20; scrivi un numero intero da 1 a 13." in problems[2]
    assert problems[-1] == ("il trimestre, risultato chiave 2 deve essere una mappa con le chiavi "
                            "id, text, commitment, start, target.")
    assert str(info.value).endswith(f"(e altri {len(problems) - 1} problemi)")
    for problem_text in problems:
        assert not ENGLISH.search(problem_text), problem_text
    with pytest.raises(PlanError) as info:
        loads_quarter(QUARTER)
    assert info.value.problems[0].startswith("the quarter, key result 'ramp-4': The commitment is")
    with pytest.raises(PlanError, match=r"^Il file del trimestre manca\.yaml non esiste"):
        load_quarter(tmp_path / "manca.yaml", lang="it")
