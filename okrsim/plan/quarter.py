"""A quarter in operation: weekly check-ins, counter-metrics and the end-of-quarter OKR grades.

A quarter file (YAML) lists key results with their ``start``, ``target``, ``commitment``
(committed or aspirational), weekly ``check_ins`` (value, confidence 0-10, a note), an optional
``counter_metric`` that must not get worse, and the ``final`` value. :func:`load_quarter` reads
and validates it (every problem one plain sentence, raised together as a
:class:`~okrsim.errors.PlanError`); :class:`Quarter` answers the check-in and grading questions::

    quarter:  Q1 2027
    weeks: 12
    key_results:
      - id: ramp-4
        text: New sellers reach full monthly quota within 4 months of starting
        commitment: committed
        start: 6
        target: 4
        drives: ramp.months            # optional: the model input the simulator can re-forecast
        final: 4.4
        check_ins:
          - {week: 4, value: 5.5, confidence: 7, forecast: 4.5, note: Bootcamp ready}
        counter_metric: {name: New sellers' average discount (%), limit: 12, keep: at_most,
                         values: {4: 10.5, 8: 11.2, 12: 11.8}}
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from okrsim.errors import OkrsimError
from okrsim.i18n import catalog, format_number
from okrsim.plan.problems import Num, Said, plan_error, problem
from okrsim.plan.scoring import (
    STATUS_TONES,
    Pace,
    check_commitment,
    check_confidence,
    grade_status,
    okr_grade,
    pace,
)

QUARTER_KEYS = ("quarter", "weeks", "key_results")
KEY_RESULT_KEYS = ("id", "text", "commitment", "start", "target", "final", "drives", "check_ins",
                   "counter_metric")
CHECK_IN_KEYS = ("week", "value", "confidence", "forecast", "note")
COUNTER_KEYS = ("name", "limit", "keep", "values")
KEEPS = ("at_most", "at_least")
MAX_FILE_BYTES = 500_000
MAX_KEY_RESULTS = 20
#: A confidence this low, or a drop this large since the last check-in, is worth discussing.
LOW_CONFIDENCE = 4
CONFIDENCE_DROP = 3

_SAY = catalog("operation", "The quarter review speaks")


@dataclass(frozen=True)
class CheckIn:
    """One weekly check-in of a key result.

    Attributes
    ----------
    week : int
    value : float
        Where the key result stands now.
    confidence : int
        The owner's confidence, 0 (no chance) to 10 (certain), of reaching the target.
    forecast : float or None
        Where the owner now expects it to end the quarter (used to re-forecast P(target)).
    note : str
        What changed since the last check-in.
    """

    week: int
    value: float
    confidence: int
    forecast: float | None = None
    note: str = ""


@dataclass(frozen=True)
class CounterMetric:
    """A number that must not get worse while the key result moves (e.g. average discount).

    Attributes
    ----------
    name : str
    limit : float
        The value it must stay at most (``keep="at_most"``) or at least (``"at_least"``).
    keep : {"at_most", "at_least"}
    values : dict of int to float
        Its value at each week it was measured.
    """

    name: str
    limit: float
    keep: str
    values: dict[int, float] = field(default_factory=dict)

    def holds(self, value: float) -> bool:
        """Whether ``value`` respects the limit."""
        return value <= self.limit if self.keep == "at_most" else value >= self.limit

    def breaches(self) -> list[int]:
        """The weeks at which the counter-metric broke its limit, in order."""
        return [week for week, value in sorted(self.values.items()) if not self.holds(value)]


@dataclass(frozen=True)
class QuarterKeyResult:
    """A key result of the quarter with its check-ins, counter-metric and final value."""

    id: str
    text: str
    commitment: str
    start: float
    target: float
    final: float | None
    drives: str | None = None
    check_ins: tuple[CheckIn, ...] = ()
    counter_metric: CounterMetric | None = None

    def check_in(self, week: int) -> CheckIn | None:
        """The last check-in at or before ``week`` (``None`` before the first)."""
        done = [c for c in self.check_ins if c.week <= week]
        return done[-1] if done else None


@dataclass(frozen=True)
class CheckInRow:
    """One line of a weekly check-in review: where a key result stands at a week."""

    week: int
    key_result: str
    value: float
    confidence: int
    confidence_change: int | None
    pace: Pace
    counter_ok: bool | None
    attention: bool
    note: str


@dataclass(frozen=True)
class KeyResultGrade:
    """A key result's OKR grade at the end of the quarter and what it means.

    Attributes
    ----------
    grade : float
        0.0 to 1.0, from :func:`okrsim.plan.scoring.okr_grade`.
    status : str
        ``met``/``missed`` (committed) or ``success``/``progress``/``short`` (aspirational).
    tone : str
        ``good``, ``warn`` or ``bad``: a committed key result below 1.0 is ``bad``, never good.
    counter_breaches : list of int
        Weeks at which its counter-metric broke its limit.
    """

    id: str
    text: str
    commitment: str
    start: float
    target: float
    final: float
    grade: float
    status: str
    tone: str
    counter_breaches: list[int]


@dataclass(frozen=True)
class Quarter:
    """A quarter of key results in operation (see the module docstring for the file format)."""

    name: str
    weeks: int
    key_results: tuple[QuarterKeyResult, ...]

    def key_result(self, kr_id: str) -> QuarterKeyResult:
        """The key result with id ``kr_id`` (one sentence naming the ids when it is unknown)."""
        for kr in self.key_results:
            if kr.id == kr_id:
                return kr
        ids = ", ".join(kr.id for kr in self.key_results)
        raise OkrsimError(problem("quarter.no_key_result", id=repr(kr_id), ids=ids))

    @property
    def check_in_weeks(self) -> list[int]:
        """Every week at which at least one key result was checked in, in order."""
        return sorted({c.week for kr in self.key_results for c in kr.check_ins})

    def check_ins_at(self, week: int) -> list[CheckInRow]:
        """The check-in review of ``week``: each key result's latest value, confidence and pace.

        ``attention`` marks the rows to discuss first: confidence of at most
        :data:`LOW_CONFIDENCE`, a drop of :data:`CONFIDENCE_DROP` or more since the previous
        check-in, progress behind the calendar, or a broken counter-metric.
        """
        rows = []
        for kr in self.key_results:
            current = kr.check_in(week)
            if current is None:
                continue
            earlier = kr.check_in(current.week - 1)
            change = None if earlier is None else current.confidence - earlier.confidence
            kr_pace = pace(kr.start, kr.target, current.value, current.week, self.weeks)
            counter_ok = None
            if kr.counter_metric is not None:
                seen = {w: v for w, v in kr.counter_metric.values.items() if w <= week}
                if seen:
                    counter_ok = kr.counter_metric.holds(seen[max(seen)])
            attention = (current.confidence <= LOW_CONFIDENCE
                         or (change is not None and change <= -CONFIDENCE_DROP)
                         or not kr_pace.on_pace or counter_ok is False)
            rows.append(CheckInRow(current.week, kr.id, current.value, current.confidence, change,
                                   kr_pace, counter_ok, attention, current.note))
        return rows

    def overrides_at(self, week: int) -> dict[str, float]:
        """``{model input: forecast}`` of the key results that drive the revenue model.

        Each key result with ``drives`` contributes the ``forecast`` of its last check-in at or
        before ``week`` (where its owner now expects it to end). Feed the result to
        :func:`okrsim.sim.simulate` as ``overrides`` to re-forecast P(target) with what is known.
        """
        found = {}
        for kr in self.key_results:
            done = [c for c in kr.check_ins if c.week <= week and c.forecast is not None]
            if kr.drives and done:
                found[kr.drives] = done[-1].forecast
        return found

    def grades(self) -> list[KeyResultGrade]:
        """Every key result's end-of-quarter OKR grade (key results without ``final`` left out)."""
        graded = []
        for kr in self.key_results:
            if kr.final is None:
                continue
            grade = okr_grade(kr.start, kr.target, kr.final)
            status = grade_status(grade, kr.commitment)
            breaches = kr.counter_metric.breaches() if kr.counter_metric else []
            graded.append(KeyResultGrade(kr.id, kr.text, kr.commitment, kr.start, kr.target,
                                         kr.final, grade, status, STATUS_TONES[status],
                                         breaches))
        return graded

    def retrospective(self, lang: str = "en") -> list[str]:
        """The questions the end-of-quarter retrospective should answer, one per finding.

        A committed miss, an aspirational key result met in full (was it a stretch?), one far
        short, a counter-metric broken on the way, and a confidence that stayed high while the key
        result was missed (the check-ins did not warn) each give one question, in ``lang``.
        """
        questions = []
        for g in self.grades():
            kr = self.key_result(g.id)
            values = {"id": g.id, "grade": format_number(g.grade, lang, 2)}
            if g.status == "missed":
                questions.append(_SAY.say(lang, "retro.committed_missed", **values))
                last = kr.check_ins[-1] if kr.check_ins else None
                if last is not None and last.confidence >= 7:
                    questions.append(_SAY.say(lang, "retro.late_warning", **values,
                                              confidence=last.confidence))
            elif g.commitment == "aspirational" and g.grade >= 1.0:
                questions.append(_SAY.say(lang, "retro.too_easy", **values))
            elif g.status == "short":
                questions.append(_SAY.say(lang, "retro.short", **values))
            if g.counter_breaches:
                questions.append(_SAY.say(lang, "retro.counter", **values,
                                          metric=kr.counter_metric.name,
                                          weeks=", ".join(str(w) for w in g.counter_breaches)))
        return questions or [_SAY.say(lang, "retro.clean")]


def status_label(status: str, lang: str = "en") -> str:
    """The word shown for a grade status (``met``, ``missed``...) in ``lang``."""
    return _SAY.say(lang, f"status.{status}")


# -- loading ------------------------------------------------------------------------------------


def load_quarter(path: str | Path, lang: str = "en") -> Quarter:
    """Read and validate a quarter file.

    Parameters
    ----------
    path : str or Path
    lang : str, default "en"
        The language of the problems (``"it"``: Italian).

    Raises
    ------
    PlanError
        Every problem of the file, one plain sentence each (missing file, not YAML, bad values).
    """
    path = Path(path)
    if not path.is_file():
        raise plan_error([problem("quarter.missing", name=path.name)], lang)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise plan_error([problem("quarter.too_big", name=path.name,
                                  limit=Num(MAX_FILE_BYTES, ","))], lang)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise plan_error([problem("quarter.unreadable", name=path.name, reason=exc)],
                         lang) from None
    return loads_quarter(text, source=path.name, lang=lang)


def loads_quarter(text: str, source: str | None = None, lang: str = "en") -> Quarter:
    """Validate a quarter given as YAML text (see :func:`load_quarter`).

    Parameters
    ----------
    text : str
    source : str, optional
        The name used in the problems; by default "the quarter" in ``lang``.
    lang : str, default "en"
    """
    where: Said | str = problem("quarter.source") if source is None else source
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = problem("quarter.yaml_at", line=mark.line + 1) if mark is not None else ""
        raise plan_error([problem("quarter.bad_yaml", source=where, at=at)], lang) from None
    problems: list[str] = []
    quarter = _parse(data, where, problems)
    if problems or quarter is None:
        raise plan_error(problems or [problem("quarter.empty", source=where)], lang)
    return quarter


def _parse(data: Any, source: Said | str, problems: list[str]) -> Quarter | None:
    if not isinstance(data, Mapping):
        problems.append(problem("quarter.mapping", where=source, keys=", ".join(QUARTER_KEYS)))
        return None
    _unknown(data, QUARTER_KEYS, source, problems)
    name = data.get("quarter")
    if not isinstance(name, str) or not name.strip():
        problems.append(problem("quarter.name", source=source))
        name = ""
    weeks = data.get("weeks")
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= 26:
        problems.append(problem("quarter.weeks", source=source, value=repr(weeks)))
        weeks = 0
    items = data.get("key_results")
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_KEY_RESULTS:
        problems.append(problem("quarter.key_results", source=source, most=MAX_KEY_RESULTS))
        return None
    krs = [_key_result(item, source, n, weeks, problems) for n, item in enumerate(items, start=1)]
    ids = [kr.id for kr in krs if kr is not None]
    for kr_id in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(problem("quarter.kr_twice", source=source, id=kr_id))
    if problems:
        return None
    return Quarter(name.strip(), weeks, tuple(krs))


def _key_result(item: Any, source: Said | str, number: int, weeks: int, problems: list[str]):
    where = problem("quarter.kr_number", source=source, n=number)
    if not isinstance(item, Mapping):
        problems.append(problem("quarter.mapping", where=where,
                                keys=", ".join(KEY_RESULT_KEYS[:5])))
        return None
    kr_id = item.get("id")
    if isinstance(kr_id, str) and kr_id.strip():
        where = problem("quarter.kr", source=source, id=kr_id.strip())
    else:
        problems.append(problem("quarter.kr_id", where=where))
        kr_id = ""
    _unknown(item, KEY_RESULT_KEYS, where, problems)
    before = len(problems)
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append(problem("quarter.text", where=where))
    try:
        commitment = check_commitment(item.get("commitment"))
    except OkrsimError as exc:
        problems.append(where + ": " + exc.args[0])
        commitment = "committed"
    start = _finite(item.get("start"), where + ": 'start'", problems)
    target = _finite(item.get("target"), where + ": 'target'", problems)
    if start is not None and target is not None and start == target:
        problems.append(problem("quarter.same", where=where, value=Num(start)))
    final = None
    if item.get("final") is not None:
        final = _finite(item.get("final"), where + ": 'final'", problems)
    drives = item.get("drives")
    if drives is not None and (not isinstance(drives, str) or not drives.strip()):
        problems.append(problem("quarter.drives", where=where))
    check_ins = _check_ins(item.get("check_ins", []), where, weeks, problems)
    counter = None
    if item.get("counter_metric") is not None:
        counter = _counter(item["counter_metric"], where, weeks, problems)
    if len(problems) > before:
        return None
    return QuarterKeyResult(kr_id.strip(), text.strip(), commitment, start, target, final,
                            drives.strip() if drives else None, check_ins, counter)


def _check_ins(items: Any, where: Said, weeks: int, problems: list[str]) -> tuple[CheckIn, ...]:
    if not isinstance(items, list):
        problems.append(problem("quarter.check_ins", where=where))
        return ()
    found: list[CheckIn] = []
    for item in items:
        if not isinstance(item, Mapping):
            problems.append(problem("quarter.check_in_mapping", where=where,
                                    keys=", ".join(CHECK_IN_KEYS)))
            continue
        _unknown(item, CHECK_IN_KEYS, problem("quarter.a_check_in", where=where), problems)
        week = _week(item.get("week"), problem("quarter.check_in_week", where=where), weeks,
                     problems)
        at = problem("quarter.week", where=where, week=week) if week is not None else where
        value = _finite(item.get("value"), at + ": 'value'", problems)
        try:
            confidence = check_confidence(item.get("confidence"))
        except OkrsimError as exc:
            problems.append(at + ": " + exc.args[0])
            confidence = None
        forecast = None
        if item.get("forecast") is not None:
            forecast = _finite(item.get("forecast"), at + ": 'forecast'", problems)
        note = item.get("note", "")
        if not isinstance(note, str):
            problems.append(problem("quarter.note", where=at))
            note = ""
        if None not in (week, value, confidence):
            found.append(CheckIn(week, value, confidence, forecast, note.strip()))
    weeks_seen = [c.week for c in found]
    if weeks_seen != sorted(set(weeks_seen)):
        problems.append(problem("quarter.order", where=where))
    return tuple(found)


def _counter(item: Any, where: Said, weeks: int, problems: list[str]) -> CounterMetric | None:
    at = where + ", counter_metric"
    if not isinstance(item, Mapping):
        problems.append(problem("quarter.mapping", where=at, keys=", ".join(COUNTER_KEYS)))
        return None
    _unknown(item, COUNTER_KEYS, at, problems)
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(problem("quarter.counter_name", where=at))
    limit = _finite(item.get("limit"), at + ": 'limit'", problems)
    keep = item.get("keep")
    if keep not in KEEPS:
        problems.append(problem("quarter.keep", where=at, value=repr(keep)))
    values = item.get("values", {})
    parsed: dict[int, float] = {}
    if not isinstance(values, Mapping):
        problems.append(problem("quarter.values", where=at))
    else:
        for week, value in values.items():
            w = _week(week, problem("quarter.values_week", where=at), weeks, problems)
            v = _finite(value, problem("quarter.week", where=at, week=week), problems)
            if w is not None and v is not None:
                parsed[w] = v
    if not isinstance(name, str) or not name.strip() or limit is None or keep not in KEEPS:
        return None
    return CounterMetric(name.strip(), limit, keep, parsed)


def _finite(value: Any, what: Said, problems: list[str]) -> float | None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) \
            or not math.isfinite(float(value)):
        problems.append(problem("quarter.not_number", what=what, value=repr(value)))
        return None
    return float(value)


def _week(value: Any, what: Said, weeks: int, problems: list[str]) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= max(weeks, 1):
        problems.append(problem("quarter.not_week", what=what, value=repr(value),
                                most=max(weeks, 1)))
        return None
    return value


def _unknown(data: Mapping, allowed: tuple[str, ...], where: Said | str,
             problems: list[str]) -> None:
    for key in data:
        if key not in allowed:
            problems.append(problem("quarter.unknown_key", where=where, field=repr(key),
                                    allowed=", ".join(allowed)))
