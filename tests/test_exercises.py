"""The exercise bank: loading, validation, every model answer passes, typical wrong answers fail."""

from __future__ import annotations

import io
import json
import re
import textwrap
from types import SimpleNamespace

import pytest

from okrsim.errors import OkrsimError
from okrsim.exercises import KINDS, BankError, checks, load_bank
from okrsim.exercises.simulation import parse_simulated

BANK = load_bank()


def test_the_bank_covers_the_curriculum():
    assert len(BANK) >= 20
    assert sum(e.lang == "it" for e in BANK) >= 6
    assert {e.kind for e in BANK} == set(KINDS)
    assert len(set(BANK.ids())) == len(BANK)


@pytest.mark.parametrize("exercise", BANK, ids=lambda e: e.id)
def test_every_model_answer_passes(exercise):
    result = exercise.check(exercise.model_answer)
    assert result.passed and result.score == 100, result.feedback


@pytest.mark.parametrize("exercise", BANK, ids=lambda e: e.id)
def test_every_typical_wrong_answer_fails(exercise):
    assert exercise.wrong_answers, f"{exercise.id} has no typical wrong answer"
    for answer in exercise.wrong_answers:
        result = exercise.check(answer)
        assert not result.passed and result.score < 100, answer
        assert any(not o.passed for o in result.outcomes if o.counted)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_has_a_wrong_answer_that_fails(kind):
    failing = [e for e in BANK if e.kind == kind
               and any(not e.check(w).passed for w in e.wrong_answers)]
    assert failing


@pytest.mark.parametrize("exercise", BANK, ids=lambda e: e.id)
def test_hints_do_not_give_the_answer_away(exercise):
    model = checks.normalize(exercise.model_answer)
    assert len(exercise.hints) >= 2
    for hint in exercise.hints:
        plain = checks.normalize(hint)
        if exercise.kind == "classify":  # a hint may define both labels, never just one
            named = {label for label, words in checks.LABEL_SYNONYMS.items()
                     if any(re.search(rf"\b{w}\b", plain) for w in words if len(w) > 3)}
            assert len(named) != 1, hint
        else:
            assert model not in plain
        if "numeric" in exercise.checks_spec:
            numeric = exercise.checks_spec["numeric"]
            value = numeric["value"] if "value" in numeric else \
                parse_simulated(numeric["simulate"], exercise.id).value
            numbers = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", hint)}
            assert float(value) not in numbers, hint


def test_feedback_is_in_the_exercise_language():
    italian = BANK.get("it-riscrivi-supporto").check("Ridurre le richieste di supporto.")
    assert italian.summary.startswith("Non ancora")
    assert any("Manca" in o.feedback for o in italian.outcomes)
    english = BANK.get("en-rewrite-churn").check("Reduce churn.")
    assert english.summary.startswith("Not yet") and "lacks" in english.feedback


def test_result_to_dict_names_failed_checks():
    data = BANK.get("en-feas-target-growth").check("110").to_dict()
    assert data["passed"] is False and data["score"] == 0
    assert data["checks"][0]["name"] == "numeric" and "110" in data["checks"][0]["feedback"]


@pytest.mark.parametrize("answer", [None, 7, "", "   ", "x" * 20_001])
def test_bad_answers_are_one_sentence(answer):
    with pytest.raises(OkrsimError) as info:
        BANK.get("en-feas-ramp-share").check(answer)
    assert str(info.value).endswith(".")


# -- checks --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang", "value"), [
    ("7", "en", 7), ("7 hires", "en", 7), ("about 33.3%", "en", 33.3), ("1,200", "en", 1200),
    ("0,8", "it", 0.8), ("1.200 richieste", "it", 1200), ("circa 2,93%", "it", 2.93),
    ("-10%", "en", -10), ("no idea", "en", None),
    # the other language's decimal mark is a decimal mark unless three digits follow it
    ("0.8", "it", 0.8), ("1,5", "en", 1.5), ("12.5%", "it", 12.5), ("0,25", "en", 0.25),
    # three digits after the language's own group mark: thousands; after its decimal mark: decimals
    ("1.234", "it", 1234), ("1.234", "en", 1.234), ("1,234", "en", 1234), ("1,234", "it", 1.234),
    ("-1.234", "it", -1234), ("0.800", "it", 0.8), ("0,800", "en", 0.8),
    ("1234.567", "it", 1234.567), ("1234,567", "en", 1234.567),
    # several marks of one kind group; with both kinds the last is the decimal mark
    ("1.234.567", "en", 1234567), ("1,234,567", "it", 1234567),
    ("1.234,5", "en", 1234.5), ("1.234,5", "it", 1234.5),
    ("1,234.5", "en", 1234.5), ("1,234.5", "it", 1234.5),
    ("1.2.3", "it", None), ("1,2,3", "en", None), ("1.23,4.5", "en", None),
])
def test_read_number(text, lang, value):
    assert checks.read_number(text, lang) == value


def test_numeric_percent_accepts_a_fraction_or_percent():
    assert checks.check_numeric("0.75", 75, 0.5, "en", percent=True)[0].passed
    assert checks.check_numeric("75%", 75, 0.5, "en", percent=True)[0].passed
    assert not checks.check_numeric("0.75%", 75, 0.5, "en", percent=True)[0].passed


@pytest.mark.parametrize(("text", "present"), [
    ("by 31 December 2027", True), ("in Q3", True), ("within 4 months of starting", True),
    ("entro quattro mesi", True), ("entro la fine del trimestre", True), ("next quarter", True),
    ("Improve onboarding", False), ("Reduce churn by 2 points", False),
])
def test_deadline_element(text, present):
    test, _ = checks.BUILTIN_ELEMENTS["deadline"]
    assert test(text) is present


@pytest.mark.parametrize(("text", "present"), [
    ("from 90 to 81 days", True), ("from €24,000 to €28,800", True), ("dal 40% all'80%", True),
    ("da 1.200 a 1.104", True), ("by 20%", False),
])
def test_from_to_element(text, present):
    test, _ = checks.BUILTIN_ELEMENTS["from_to"]
    assert test(text) is present


def test_labels_accept_both_languages_and_report_each_statement():
    outcomes = checks.check_labels("1. attività 2. risultato, outcome", ["activity", "outcome",
                                                                        "outcome"], "it")
    assert [o.passed for o in outcomes] == [True, True, True]
    wrong = checks.check_labels("activity, banana", ["activity", "outcome"], "en")
    assert [o.passed for o in wrong] == [True, False] and "banana" in wrong[1].feedback
    short = checks.check_labels("activity", ["activity", "outcome"], "en")
    assert len(short) == 1 and not short[0].passed


def test_cascade_check_reports_invalid_yaml_and_dropped_ids():
    bad = checks.check_cascade("plan: [unclosed", "en")
    assert not bad[0].passed and "not a valid plan" in bad[0].feedback
    exercise = BANK.get("en-cascade-repair-plan")
    dropped = exercise.check(exercise.wrong_answers[0])
    assert any(o.name == "keep:fast-onboarding" and not o.passed for o in dropped.outcomes)


def _fake_grader(verdicts, activity=False):
    def grade(text, lang=None, parent=None):
        criteria = {c: SimpleNamespace(verdict=verdicts.get(c, "met"), advice=f"Fix {c}.",
                                       evidence=[]) for c in checks.SMART_CRITERIA}
        return SimpleNamespace(criteria=criteria, activity=activity, score=50)
    return grade


def test_criteria_check_uses_the_grader_verdicts():
    outcomes = checks.check_criteria("text", ["measurable", "time_bound"], "en",
                                     require_outcome=True,
                                     grader=_fake_grader({"time_bound": "partial"}, True))
    by_name = {o.name: o for o in outcomes}
    assert by_name["measurable"].passed and not by_name["time_bound"].passed
    assert "partly met" in by_name["time_bound"].feedback and "Fix time_bound" in \
        by_name["time_bound"].feedback
    assert not by_name["outcome"].passed and all(o.counted for o in outcomes)


# -- validation ----------------------------------------------------------------------------------

GOOD = """\
exercises:
  - id: tiny
    title: Tiny
    lang: en
    kind: feasibility
    level: 1
    prompt: How many?
    checks:
      numeric: {value: 3, tolerance: 0}
    hints: [Count., Count again.]
    model_answer: "3"
    explanation: Three.
"""


def _bank(tmp_path, text, name="bank.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_bank(tmp_path)


def test_a_small_valid_bank_loads(tmp_path):
    bank = _bank(tmp_path, GOOD)
    assert bank.ids() == ["tiny"] and bank.get("tiny").check("3 of them").passed


@pytest.mark.parametrize(("change", "words"), [
    (("    title: Tiny\n", "    title: Tiny\n    colour: blue\n"), "unknown key 'colour'"),
    (('    model_answer: "3"\n', ""), "missing 'model_answer'"),
    (('    model_answer: "3"\n', '    model_answer: "4"\n'), "model answer fails its own checks"),
    (("    lang: en\n", "    lang: fr\n"), "'lang' is 'fr'"),
    (("    kind: feasibility\n", "    kind: quiz\n"), "'kind' is 'quiz'"),
    (("    level: 1\n", "    level: 9\n"), "'level' is 9"),
    (("    hints: [Count., Count again.]\n", "    hints: [Count.]\n"), "at least 2 hints"),
    (("      numeric: {value: 3, tolerance: 0}\n", "      criteria: [measurable]\n"),
     "runs without the SMART grader"),
    (("      numeric: {value: 3, tolerance: 0}\n", "      numeric: {value: 3, tolerance: -1}\n"),
     "'tolerance' must be a finite number, zero or more"),
    (("      numeric: {value: 3, tolerance: 0}\n", "      elements: [colour]\n"),
     "element 'colour' is unknown"),
    (("      numeric: {value: 3, tolerance: 0}\n",
      "      elements: [{name: x, any: ['(']}]\n"), "invalid pattern"),
])
def test_bank_problems_name_the_file_and_the_exercise(tmp_path, change, words):
    old, new = change
    assert old in GOOD
    with pytest.raises(BankError) as info:
        _bank(tmp_path, GOOD.replace(old, new))
    message = str(info.value)
    assert "bank.yaml" in message and "'tiny'" in message and words in message, message


def test_duplicate_ids_across_files_are_refused(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(BankError, match="b.yaml, exercise 'tiny': the id is already used in"):
        load_bank(tmp_path)


@pytest.mark.parametrize(("text", "words"), [
    ("", "is empty"), ("exercises: [", "not valid YAML"), ("- a\n- b\n", "exactly one key"),
    ("exercises: []\n", "non-empty list"),
])
def test_malformed_bank_files(tmp_path, text, words):
    with pytest.raises(BankError, match=words):
        _bank(tmp_path, text)


def test_a_missing_bank_folder(tmp_path):
    with pytest.raises(BankError, match="does not exist"):
        load_bank(tmp_path / "nowhere")


# -- command line --------------------------------------------------------------------------------

def test_cli_list_json(cli):
    code, out, _ = cli("exercises", "list", "--json", "--lang", "it")
    data = json.loads(out)
    assert code == 0 and len(data) >= 6 and {d["lang"] for d in data} == {"it"}
    assert set(data[0]) == {"id", "title", "lang", "kind", "level"}


def test_cli_check_exit_codes(cli):
    code, out, _ = cli("exercises", "check", "en-feas-hiring-split", "3")
    assert code == 0 and out.startswith("Passed")
    code, out, _ = cli("exercises", "check", "en-feas-hiring-split", "2", "--json")
    assert code == 1 and json.loads(out)["passed"] is False
    code, _, err = cli("exercises", "check", "no-such-id", "3")
    assert code == 2 and "There is no exercise 'no-such-id'" in err
    code, _, err = cli("exercises")
    assert code == 2 and "choose an action" in err


def test_cli_check_reads_a_plan_from_stdin(cli, monkeypatch):
    exercise = BANK.get("en-cascade-repair-plan")
    monkeypatch.setattr("sys.stdin", io.StringIO(exercise.model_answer))
    code, out, _ = cli("exercises", "check", exercise.id, "-")
    assert code == 0, out


def test_cli_show_hides_the_model_answer(cli):
    code, out, _ = cli("exercises", "show", "en-rewrite-churn", "--json")
    data = json.loads(out)
    assert code == 0 and "model_answer" not in data and data["starter"] == "Reduce churn."
