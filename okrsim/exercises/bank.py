"""The exercise bank: load, validate and check the workshop's exercises.

Exercises live in YAML files under ``exercises/bank/`` (each file holds ``exercises: [...]``).
:func:`load_bank` reads every file, validates every exercise (unknown keys, missing fields, a model
answer that fails its own checks) and returns an :class:`ExerciseBank` of :class:`Exercise`
objects. ``exercise.check(answer)`` returns an :class:`ExerciseResult` with ``passed``, a
``score`` from 0 to 100 and plain-text ``feedback`` in the exercise's language.

An exercise's ``checks`` section composes the small checks of :mod:`okrsim.exercises.checks`:

``criteria``   SMART criteria the grader must judge ``met`` (list of names)
``outcome``    true: the grader must not see an activity
``elements``   required elements: built-in names (number, deadline, from_to, percent) or
               ``{name, any: [regex]}``
``forbid``     elements that must be absent
``choice``     ``{accept: [...]}``: a short answer, compared without case and accents
``labels``     ``[activity|outcome, ...]``: one label per statement, in order
``lines``      ``{min, max, criteria, outcome, elements, forbid}``: one key result per line
``numeric``    ``{value, tolerance, percent}``: the first number of the answer; instead of
               ``value``, ``simulate: {plan, answer, for, probability, overrides, trials, seed}``
               computes the expected value with the simulator
               (:mod:`okrsim.exercises.simulation`), on first use; the model answer of such an
               exercise is checked by the tests, not at load time
``cascade``    ``{keep_objectives, keep_key_results}``: the answer is a plan whose cascade is clean
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from okrsim.errors import OkrsimError, PlanError
from okrsim.exercises import checks
from okrsim.exercises.display import headline, render_result
from okrsim.exercises.kit import BANK, kit_root
from okrsim.exercises.simulation import parse_simulated
from okrsim.plan import parse_yaml
from okrsim.plan.checks import is_number

#: the kit's folder: the checkout, or the copy installed with the package
ROOT = kit_root()
DEFAULT_BANK = ROOT / BANK

KINDS: dict[str, str] = {
    "rewrite": "rewrite a vague objective or key result as SMART",
    "classify": "tell activities from outcomes",
    "write_krs": "write key results for a given objective",
    "repair_cascade": "repair a cascade",
    "feasibility": "answer a feasibility question with the simulator",
}
LEVELS = (1, 2, 3)
REQUIRED_KEYS = ("id", "title", "lang", "kind", "level", "prompt", "checks", "hints",
                 "model_answer", "explanation")
OPTIONAL_KEYS = ("starter", "context", "wrong_answers")
CHECK_KEYS = ("criteria", "outcome", "elements", "forbid", "choice", "labels", "lines",
              "numeric", "cascade")
LINES_KEYS = ("min", "max", "criteria", "outcome", "elements", "forbid")
NUMERIC_KEYS = ("value", "simulate", "tolerance", "percent")
CASCADE_KEYS = ("keep_objectives", "keep_key_results")
CONTEXT_KEYS = ("parent",)
MIN_HINTS = 2
MAX_ANSWER_CHARS = 20_000

class BankError(PlanError):
    """An exercise bank that cannot be used; one sentence per problem, naming file and exercise."""


@dataclass(frozen=True)
class ExerciseResult:
    """The result of checking one answer.

    Attributes
    ----------
    exercise : str
        Id of the exercise.
    passed : bool
        Whether every counted check is satisfied.
    score : int
        Share of counted checks satisfied, 0 to 100.
    outcomes : list of CheckOutcome
        What each check found, failures first.
    missed : list of str
        SMART criteria (``"measurable"``, ...) the answer did not meet.
    lang : str
        Language of the feedback.
    """

    exercise: str
    passed: bool
    score: int
    outcomes: tuple[checks.CheckOutcome, ...]
    missed: tuple[str, ...]
    lang: str

    @property
    def summary(self) -> str:
        """One sentence: well done, or how many things to look at (each problem once)."""
        return headline(self)

    @property
    def feedback(self) -> str:
        """Plain-text feedback: the summary, then one line per check (failures first)."""
        return "\n".join([self.summary, *(f"- {o.feedback}" for o in self.outcomes)])

    def _repr_html_(self) -> str:
        return render_result(self)

    def to_dict(self) -> dict[str, Any]:
        """Return the result as plain data (what ``okrsim exercises check --json`` prints)."""
        return {"exercise": self.exercise, "passed": self.passed, "score": self.score,
                "summary": self.summary, "missed": list(self.missed), "lang": self.lang,
                "checks": [o.to_dict() for o in self.outcomes]}


CheckFunction = Callable[[str], list[checks.CheckOutcome]]


@dataclass(frozen=True)
class Exercise:
    """One exercise of the bank.

    Attributes
    ----------
    id, title, lang, kind : str
        Identity; ``lang`` is ``"en"`` or ``"it"``, ``kind`` one of :data:`KINDS`.
    level : int
        1 (first steps) to 3 (advanced).
    prompt : str
        The task, in plain text.
    starter : str
        Text the answer box starts with (may be empty).
    hints : tuple of str
        Progressive hints, to show one at a time.
    model_answer, explanation : str
        A good answer and why it is good.
    parent : str or None
        The parent objective the answer should support (used by the grader's relevance check).
    wrong_answers : tuple of str
        Typical wrong answers; the tests prove each one fails.
    source : str
        The bank file the exercise comes from.
    """

    id: str
    title: str
    lang: str
    kind: str
    level: int
    prompt: str
    model_answer: str
    explanation: str
    hints: tuple[str, ...]
    starter: str = ""
    parent: str | None = None
    wrong_answers: tuple[str, ...] = ()
    checks_spec: Mapping[str, Any] = field(default_factory=dict)
    source: str = "<bank>"
    _checks: tuple[CheckFunction, ...] = field(default=(), repr=False, compare=False)

    def check(self, answer: str) -> ExerciseResult:
        """Check a learner's answer.

        Parameters
        ----------
        answer : str
            The answer as typed (a statement, several lines, a number, a plan in YAML...).

        Returns
        -------
        ExerciseResult

        Raises
        ------
        OkrsimError
            When the answer is not text, is empty or is longer than 20,000 characters.
        """
        text = validate_answer(answer)
        outcomes: list[checks.CheckOutcome] = []
        for run in self._checks:
            outcomes.extend(run(text))
        counted = [o for o in outcomes if o.counted]
        ok = sum(o.passed for o in counted)
        score = round(100 * ok / len(counted)) if counted else 0
        missed = tuple(dict.fromkeys(o.criterion for o in counted
                                     if o.criterion and not o.passed))
        ordered = sorted(outcomes, key=lambda o: (o.passed, not o.counted))
        return ExerciseResult(self.id, bool(counted) and ok == len(counted), score,
                              tuple(ordered), missed, self.lang)

    def to_dict(self) -> dict[str, Any]:
        """Return the exercise as plain data (without its private check functions)."""
        return {"id": self.id, "title": self.title, "lang": self.lang, "kind": self.kind,
                "level": self.level, "prompt": self.prompt, "starter": self.starter,
                "hints": list(self.hints), "model_answer": self.model_answer,
                "explanation": self.explanation, "source": self.source}


def validate_answer(answer: Any) -> str:
    """Return the answer as text, or raise :class:`OkrsimError` with one sentence."""
    if not isinstance(answer, str):
        raise OkrsimError(f"The answer must be text, not {type(answer).__name__}.")
    if not answer.strip():
        raise OkrsimError("The answer is empty; type your answer, then check it.")
    if len(answer) > MAX_ANSWER_CHARS:
        raise OkrsimError(f"The answer has {len(answer):,} characters; at most "
                          f"{MAX_ANSWER_CHARS:,} are allowed.")
    return answer.strip()


class ExerciseBank(Sequence[Exercise]):
    """The exercises of a bank, in file order; ``bank.get(id)`` finds one by id."""

    def __init__(self, exercises: Sequence[Exercise]):
        self._exercises = tuple(exercises)
        self._by_id = {e.id: e for e in self._exercises}

    def __getitem__(self, index):  # type: ignore[override]
        return self._exercises[index]

    def __len__(self) -> int:
        return len(self._exercises)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._exercises)

    def ids(self) -> list[str]:
        """Every exercise id, in bank order."""
        return list(self._by_id)

    def get(self, exercise_id: str) -> Exercise:
        """Return the exercise with this id, or raise :class:`OkrsimError` naming the choices."""
        try:
            return self._by_id[exercise_id]
        except (KeyError, TypeError):
            raise OkrsimError(f"There is no exercise '{exercise_id}'; run 'okrsim exercises "
                              "list' to see the ids.") from None

    def select(self, lang: str | None = None, kind: str | None = None,
               level: int | None = None) -> list[Exercise]:
        """The exercises matching every given filter."""
        return [e for e in self._exercises if (lang is None or e.lang == lang)
                and (kind is None or e.kind == kind) and (level is None or e.level == level)]


# -- loading -------------------------------------------------------------------------------------

def load_bank(path: str | Path | None = None) -> ExerciseBank:
    """Load and validate the exercise bank.

    Parameters
    ----------
    path : str or Path, optional
        A folder of ``*.yaml`` files (searched recursively) or one file; the repository's
        ``exercises/bank`` by default.

    Returns
    -------
    ExerciseBank
        Iterable of :class:`Exercise`.

    Raises
    ------
    BankError
        One sentence per problem, naming the file and the exercise: unknown keys, missing or
        malformed fields, duplicate ids, a model answer that fails its own checks.
    """
    root = Path(path) if path is not None else DEFAULT_BANK
    if not root.exists():
        raise BankError([f"The exercise bank {_show(root)} does not exist; give a folder of "
                         "YAML files or one YAML file."])
    files = sorted(root.rglob("*.yaml")) if root.is_dir() else [root]
    if not files:
        raise BankError([f"The exercise bank {_show(root)} holds no .yaml files."])
    stamp = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    return _load_cached(stamp)


@functools.lru_cache(maxsize=8)
def _load_cached(stamp: tuple[tuple[str, int, int], ...]) -> ExerciseBank:
    problems: list[str] = []
    exercises: list[Exercise] = []
    seen: dict[str, str] = {}
    for name, _, _ in stamp:
        for exercise in _load_file(Path(name), problems):
            if exercise.id in seen:
                problems.append(f"{exercise.source}, exercise '{exercise.id}': the id is already "
                                f"used in {seen[exercise.id]}; give each exercise its own id.")
                continue
            seen[exercise.id] = exercise.source
            exercises.append(exercise)
    if problems:
        raise BankError(problems)
    return ExerciseBank(exercises)


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _load_file(path: Path, problems: list[str]) -> list[Exercise]:
    source = _show(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{source} cannot be read as UTF-8 text ({exc}).")
        return []
    if not text.strip():
        problems.append(f"{source} is empty; a bank file holds 'exercises: [...]'.")
        return []
    try:
        data = parse_yaml(text, source)
    except PlanError as exc:
        problems.extend(exc.problems)
        return []
    if not isinstance(data, Mapping) or set(data) != {"exercises"}:
        problems.append(f"{source} must hold exactly one key, 'exercises', with a list of "
                        "exercises.")
        return []
    items = data["exercises"]
    if not isinstance(items, list) or not items:
        problems.append(f"{source}: 'exercises' must be a non-empty list.")
        return []
    loaded = []
    for n, item in enumerate(items, start=1):
        try:
            loaded.append(parse_exercise(item, source, n))
        except ValueError as exc:
            problems.append(str(exc))
    return loaded


def parse_exercise(data: Any, source: str = "<bank>", position: int = 1) -> Exercise:
    """Validate one exercise mapping and return the :class:`Exercise`.

    The model answer must pass the exercise's own checks and every typical wrong answer is
    checked to be text.

    Raises
    ------
    ValueError
        One sentence naming the source file, the exercise and the problem.
    """
    if not isinstance(data, Mapping):
        raise ValueError(f"{source}, exercise #{position}: an exercise is a mapping of keys.")
    ident = data.get("id")
    where = f"{source}, exercise '{ident}'" if isinstance(ident, str) else \
        f"{source}, exercise #{position}"
    _no_unknown(data, REQUIRED_KEYS + OPTIONAL_KEYS, where)
    missing = [k for k in REQUIRED_KEYS if k not in data]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(repr(m) for m in missing)}; every "
                         f"exercise needs {', '.join(REQUIRED_KEYS)}.")
    for key in ("id", "title", "prompt", "model_answer", "explanation"):
        _text(data[key], f"{where}: '{key}'")
    lang = data["lang"]
    if lang not in checks.LANGS:
        raise ValueError(f"{where}: 'lang' is {lang!r}; use one of {', '.join(checks.LANGS)}.")
    kind = data["kind"]
    if kind not in KINDS:
        raise ValueError(f"{where}: 'kind' is {kind!r}; use one of {', '.join(KINDS)}.")
    level = data["level"]
    if isinstance(level, bool) or level not in LEVELS:
        raise ValueError(f"{where}: 'level' is {level!r}; use 1, 2 or 3.")
    hints = data["hints"]
    if not isinstance(hints, list) or len(hints) < MIN_HINTS:
        raise ValueError(f"{where}: 'hints' must be a list of at least {MIN_HINTS} hints, from "
                         "gentle to precise.")
    for hint in hints:
        _text(hint, f"{where}: each hint")
    starter = data.get("starter", "")
    if starter is None:
        starter = ""
    if not isinstance(starter, str):
        raise ValueError(f"{where}: 'starter' must be text.")
    context = data.get("context") or {}
    if not isinstance(context, Mapping):
        raise ValueError(f"{where}: 'context' must be a mapping with 'parent'.")
    _no_unknown(context, CONTEXT_KEYS, f"{where}: 'context'")
    parent = context.get("parent")
    if parent is not None:
        _text(parent, f"{where}: 'context.parent'")
    wrong = data.get("wrong_answers") or []
    if not isinstance(wrong, list):
        raise ValueError(f"{where}: 'wrong_answers' must be a list of texts.")
    for answer in wrong:
        _text(answer, f"{where}: each wrong answer")
    spec = data["checks"]
    functions = build_checks(spec, lang, parent, where)
    exercise = Exercise(
        id=data["id"].strip(), title=data["title"].strip(), lang=lang, kind=kind, level=level,
        prompt=data["prompt"].strip(), model_answer=data["model_answer"].strip(),
        explanation=data["explanation"].strip(), hints=tuple(h.strip() for h in hints),
        starter=starter, parent=parent, wrong_answers=tuple(wrong),
        checks_spec=dict(spec), source=source, _checks=tuple(functions),
    )
    if uses_simulator(spec):
        return exercise
    result = exercise.check(exercise.model_answer)
    if not result.passed:
        failed = next(o.feedback for o in result.outcomes if o.counted and not o.passed)
        raise ValueError(f"{where}: the model answer fails its own checks ({failed})")
    return exercise


def _no_unknown(data: Mapping, allowed: Sequence[str], where: str) -> None:
    unknown = [str(k) for k in data if k not in allowed]
    if unknown:
        raise ValueError(f"{where}: unknown key{'s' if len(unknown) > 1 else ''} "
                         f"{', '.join(repr(u) for u in unknown)}; allowed: {', '.join(allowed)}.")


def _text(value: Any, where: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where} must be non-empty text.")


def _criteria(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not value or any(c not in checks.SMART_CRITERIA
                                                       for c in value):
        raise ValueError(f"{where}: 'criteria' must be a list of SMART criteria from "
                         f"{', '.join(checks.SMART_CRITERIA)}.")
    return list(value)


def _elements(value: Any, lang: str, where: str) -> list[checks.Element]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{where} must be a non-empty list of elements.")
    return [checks.make_element(v, lang, where) for v in value]


def _statement_checks(spec: Mapping, lang: str, parent: str | None,
                      where: str) -> list[CheckFunction]:
    """Checks that apply to one statement: criteria/outcome, elements, forbid."""
    functions: list[CheckFunction] = []
    if "criteria" in spec or spec.get("outcome"):
        criteria = _criteria(spec["criteria"], where) if "criteria" in spec else []
        outcome = spec.get("outcome", False)
        if not isinstance(outcome, bool):
            raise ValueError(f"{where}: 'outcome' must be true or false.")
        functions.append(lambda t: checks.check_criteria(t, criteria, lang, parent, outcome))
    if "elements" in spec:
        required = _elements(spec["elements"], lang, f"{where}: 'elements'")
        functions.append(lambda t: checks.check_elements(t, required, lang))
    if "forbid" in spec:
        forbidden = _elements(spec["forbid"], lang, f"{where}: 'forbid'")
        functions.append(lambda t: checks.check_elements(t, forbidden, lang, forbidden=True))
    return functions


def build_checks(spec: Any, lang: str, parent: str | None, where: str) -> list[CheckFunction]:
    """Turn an exercise's ``checks`` mapping into check functions (see the module docstring).

    Raises
    ------
    ValueError
        One sentence naming ``where`` when the mapping is malformed, or when no check can run
        without the SMART grader.
    """
    if not isinstance(spec, Mapping) or not spec:
        raise ValueError(f"{where}: 'checks' must be a mapping with at least one of "
                         f"{', '.join(CHECK_KEYS)}.")
    _no_unknown(spec, CHECK_KEYS, f"{where}: 'checks'")
    functions = _statement_checks(spec, lang, parent, where)
    if "choice" in spec:
        choice = spec["choice"]
        if not isinstance(choice, Mapping) or set(choice) != {"accept"} or not isinstance(
                choice["accept"], list) or not choice["accept"]:
            raise ValueError(f"{where}: 'choice' must be {{accept: [answers]}}.")
        accept = [str(a) for a in choice["accept"]]
        functions.append(lambda t: checks.check_choice(t, accept, lang))
    if "labels" in spec:
        labels = spec["labels"]
        if not isinstance(labels, list) or not labels or any(
                label not in checks.LABEL_SYNONYMS for label in labels):
            raise ValueError(f"{where}: 'labels' must be a list of "
                             f"{' or '.join(checks.LABEL_SYNONYMS)}.")
        functions.append(lambda t: checks.check_labels(t, labels, lang))
    if "lines" in spec:
        functions.append(_lines_check(spec["lines"], lang, parent, f"{where}: 'lines'"))
    if "numeric" in spec:
        functions.append(_numeric_check(spec["numeric"], lang, f"{where}: 'numeric'"))
    if "cascade" in spec:
        functions.append(_cascade_check(spec["cascade"], lang, f"{where}: 'cascade'"))
    if not any(k in spec for k in CHECK_KEYS if k not in ("criteria", "outcome")):
        raise ValueError(f"{where}: 'checks' needs at least one check that runs without the "
                         "SMART grader (elements, forbid, choice, labels, lines, numeric or "
                         "cascade).")
    return functions


def _lines_check(spec: Any, lang: str, parent: str | None, where: str) -> CheckFunction:
    if not isinstance(spec, Mapping):
        raise ValueError(f"{where} must be a mapping with {', '.join(LINES_KEYS)}.")
    _no_unknown(spec, LINES_KEYS, where)
    low, high = spec.get("min", 1), spec.get("max", 5)
    if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in (low, high)) \
            or low > high:
        raise ValueError(f"{where}: 'min' and 'max' must be whole numbers with 1 <= min <= max.")
    per_line = _statement_checks(spec, lang, parent, where)
    if not per_line:
        raise ValueError(f"{where} needs 'elements', 'forbid' or 'criteria' for each line.")

    def run_line(line: str) -> list[checks.CheckOutcome]:
        return [o for f in per_line for o in f(line)]

    return lambda t: checks.check_lines(t, low, high, lang, run_line)


def uses_simulator(spec: Any) -> bool:
    """Whether a ``checks`` mapping takes its expected value from the simulator."""
    numeric = spec.get("numeric") if isinstance(spec, Mapping) else None
    return isinstance(numeric, Mapping) and "simulate" in numeric


def _numeric_check(spec: Any, lang: str, where: str) -> CheckFunction:
    if not isinstance(spec, Mapping) or "tolerance" not in spec or (
            ("value" in spec) == ("simulate" in spec)):
        raise ValueError(f"{where} must be {{value, tolerance}} or {{simulate, tolerance}} "
                         "with an optional 'percent'.")
    _no_unknown(spec, NUMERIC_KEYS, where)
    tolerance = spec["tolerance"]
    if not is_number(tolerance) or tolerance < 0:
        raise ValueError(f"{where}: 'tolerance' must be a finite number, zero or more.")
    question = parse_simulated(spec["simulate"], where) if "simulate" in spec else None
    if question is None and not is_number(spec["value"]):
        raise ValueError(f"{where}: 'value' must be a finite number.")
    percent = spec.get("percent", question.percent if question else False)
    if not isinstance(percent, bool):
        raise ValueError(f"{where}: 'percent' must be true or false.")
    if question is not None:
        return lambda t: checks.check_numeric(t, question.value, float(tolerance), lang,
                                              percent)
    value = spec["value"]
    return lambda t: checks.check_numeric(t, float(value), float(tolerance), lang, percent)


def _cascade_check(spec: Any, lang: str, where: str) -> CheckFunction:
    spec = spec or {}
    if not isinstance(spec, Mapping):
        raise ValueError(f"{where} must be a mapping with {', '.join(CASCADE_KEYS)}.")
    _no_unknown(spec, CASCADE_KEYS, where)
    keep_o = spec.get("keep_objectives", [])
    keep_k = spec.get("keep_key_results", [])
    for value in (keep_o, keep_k):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"{where}: 'keep_objectives' and 'keep_key_results' are lists "
                             "of ids.")
    return lambda t: checks.check_cascade(t, lang, keep_o, keep_k)


