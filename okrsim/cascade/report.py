"""Alignment checks over a plan's OKR cascade (company -> team -> individual).

:func:`check` returns a :class:`CascadeReport` with one :class:`Finding` per problem; the report
draws the cascade as an indented tree (``to_text``) and serialises for tools (``to_dict``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from okrsim.cascade.messages import check_lang, plural, say
from okrsim.errors import OkrsimError
from okrsim.grading import Assessment, grade, read
from okrsim.plan import Objective, Plan, find_cycles, schema
from okrsim.plan.checks import duplicates
from okrsim.plan.finance import split_segment_path
from okrsim.plan.limits import MAX_KEY_RESULTS, MIN_KEY_RESULTS

#: Severity "invalid" marks defects no plan can work with (exit code 2 on the command line).
SEVERITIES = ("invalid", "error", "warning")

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty hundred thousand million half double triple "
    "uno una due tre quattro cinque sei sette otto nove dieci undici dodici quindici venti trenta "
    "quaranta cinquanta cento mille milione milioni metà doppio triplo"
)
_NUMBER_RE = re.compile(r"\d|\b(" + "|".join(_NUMBER_WORDS.split()) + r")\b", re.IGNORECASE)
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    "gen|mag|giu|lug|ago|set|ott|dic"
)
#: Dates, years and quarters carry digits but measure nothing.
_DATE_RE = re.compile(
    rf"\b(19|20)\d{{2}}\b|\b[QH][1-4]\b|\b\d{{1,2}}(st|nd|rd|th)?\s+(?:{_MONTHS})[a-z]*"
    rf"|\b(?:{_MONTHS})[a-z]*\s+\d{{1,2}}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    """One alignment problem.

    Attributes
    ----------
    code : str
        Stable identifier, e.g. ``"missing-parent"``.
    severity : str
        ``"invalid"``, ``"error"`` or ``"warning"``.
    message : str
        One plain sentence saying what is wrong and how to fix it, in the language given to
        :func:`check`.
    objective, key_result : str or None
        Where it is.
    """

    code: str
    severity: str
    message: str
    objective: str | None = None
    key_result: str | None = None


@dataclass
class CascadeReport:
    """The result of :func:`check`: the plan and its findings."""

    plan: Plan
    findings: list[Finding] = field(default_factory=list)
    lang: str = "en"

    @property
    def clean(self) -> bool:
        """Whether the cascade has no findings at all."""
        return not self.findings

    @property
    def exit_code(self) -> int:
        """0 when clean, 2 when a finding makes the plan unusable, 1 otherwise."""
        if any(f.severity == "invalid" for f in self.findings):
            return 2
        return 1 if self.findings else 0

    def for_objective(self, objective_id: str) -> list[Finding]:
        """Findings about an objective itself (not its key results)."""
        return [f for f in self.findings if f.objective == objective_id and f.key_result is None]

    def for_key_result(self, key_result_id: str) -> list[Finding]:
        """Findings about one key result."""
        return [f for f in self.findings if f.key_result == key_result_id]

    def _repr_html_(self) -> str:
        from okrsim.cascade.display import render_report

        return render_report(self, self.lang)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain data: the plan's tree and the findings."""
        return {
            "plan": self.plan.name,
            "source": self.plan.source,
            "clean": self.clean,
            "counts": dict(Counter(f.severity for f in self.findings)),
            "findings": [asdict(f) for f in self.findings],
            "tree": [_tree_dict(self.plan, root, set()) for root in _roots(self.plan)],
        }

    def to_text(self) -> str:
        """Draw the cascade as an indented tree, then list the findings."""
        plan = self.plan
        lang = self.lang
        lines = [say(lang, "report.header", name=plan.name, start=plan.start, months=plan.months)]
        roots = _roots(plan)
        for i, root in enumerate(roots):
            self._draw(root, "", i == len(roots) - 1, lines, set())
        lines.append("")
        if self.clean:
            lines.append(say(lang, "report.clean"))
        else:
            lines.append(plural(lang, "report.findings", len(self.findings)))
            for f in self.findings:
                lines.append(f"  [{say(lang, f'severity.{f.severity}')}] {f.message}")
        return "\n".join(lines)

    def _draw(self, obj: Objective, indent: str, last: bool, lines: list[str], seen: set) -> None:
        seen.add(obj.id)
        mark = " (!)" if self.for_objective(obj.id) else ""
        lines.append(f"{indent}{'└─ ' if last else '├─ '}[{obj.owner}] {obj.objective} "
                     f"({obj.id}){mark}")
        inner = indent + ("   " if last else "│  ")
        children = [c for c in self.plan.children(obj.id) if c.id not in seen]
        for kr in obj.key_results:
            link = f" -> {kr.drives}" if kr.drives else ""
            flag = " (!)" if self.for_key_result(kr.id) else ""
            lines.append(f"{inner}{'│' if children else ' '}  • {kr.text} [{kr.id}{link}]{flag}")
        for i, child in enumerate(children):
            self._draw(child, inner, i == len(children) - 1, lines, seen)


def _roots(plan: Plan) -> list[Objective]:
    """Objectives drawn at the top: no parent, a missing parent, or the entry of a cycle."""
    ids = {o.id for o in plan.objectives}
    roots = [o for o in plan.objectives if o.parent is None or o.parent not in ids]
    for cycle in find_cycles(plan.objectives):
        roots.append(plan.objective(cycle[0]))
    return roots


def _tree_dict(plan: Plan, obj: Objective, seen: set) -> dict[str, Any]:
    seen.add(obj.id)
    return {
        "id": obj.id,
        "owner": obj.owner,
        "objective": obj.objective,
        "key_results": [
            {"id": kr.id, "text": kr.text, "drives": kr.drives} for kr in obj.key_results
        ],
        "children": [
            _tree_dict(plan, c, seen) for c in plan.children(obj.id) if c.id not in seen
        ],
    }


def has_number(text: str) -> bool:
    """Whether a statement carries a number to measure, as the SMART grader reads it: digits or
    a number word, English or Italian, not counting dates, years, quarters and labels such as
    "version 3" or "KR3". Text the grader cannot read (another alphabet) falls back to looking
    for any number that is not a date."""
    try:
        return read(text).has_number
    except OkrsimError:
        return bool(_NUMBER_RE.search(_DATE_RE.sub(" ", text)))


def check(plan: Plan, lang: str = "en") -> CascadeReport:
    """Check a plan's cascade and alignment.

    The checks: duplicate ids and parent cycles (invalid); a parent that does not exist; a team
    objective that supports nothing; fewer than 2 or more than 5 key results; a key result with no
    number to measure it, or that is an activity rather than an outcome (both as judged by the
    SMART grader); a ``drives`` path the model does not have; a company target without baseline
    and target, or more than one; two key results committing the same model input; a profit
    target in a plan without costs.

    Parameters
    ----------
    plan : Plan
        A plan, usually from :func:`okrsim.load_plan` (``strict=False`` keeps duplicate ids and
        cycles so that they are reported here).
    lang : {"en", "it"}
        Language of the finding messages and of the report's headings. Codes and severities do
        not change with it; an activity finding's advice stays in the key result's own language.

    Returns
    -------
    CascadeReport

    Raises
    ------
    OkrsimError
        When ``lang`` is not a language the check writes.
    """
    lang = check_lang(lang)
    findings: list[Finding] = []
    for checker in (_duplicate_ids, _cycles, _parents, _key_result_counts, _measurability,
                    _drives):
        findings += checker(plan, lang)
    return CascadeReport(plan, findings, lang)


def _duplicate_ids(plan: Plan, lang: str) -> list[Finding]:
    findings = []
    for oid, n in duplicates(o.id for o in plan.objectives).items():
        findings.append(Finding("duplicate-id", "invalid",
                                say(lang, "duplicate-id.objective", id=oid, n=n), oid))
    for kid, n in duplicates(kr.id for _, kr in plan.key_results()).items():
        findings.append(Finding("duplicate-id", "invalid",
                                say(lang, "duplicate-id.key_result", id=kid, n=n), None, kid))
    return findings


def _cycles(plan: Plan, lang: str) -> list[Finding]:
    findings = []
    for cycle in find_cycles(plan.objectives):
        path = " -> ".join([*cycle, cycle[0]])
        findings.append(Finding("cycle", "invalid", say(lang, "cycle", path=path), cycle[0]))
    return findings


def _parents(plan: Plan, lang: str) -> list[Finding]:
    ids = {o.id for o in plan.objectives}
    target = plan.target_key_result()
    company_owner = None
    for obj, kr in plan.key_results():
        if kr is target:
            company_owner = obj.owner
    if company_owner is None:
        roots = [o for o in plan.objectives if o.parent is None]
        company_owner = roots[0].owner if roots else None
    findings = []
    for obj in plan.objectives:
        if obj.parent is not None and obj.parent not in ids:
            findings.append(Finding("missing-parent", "error",
                                    say(lang, "missing-parent", id=obj.id, parent=obj.parent),
                                    obj.id))
        elif obj.parent is None and obj.owner != company_owner:
            findings.append(Finding("supports-nothing", "error",
                                    say(lang, "supports-nothing", id=obj.id, owner=obj.owner),
                                    obj.id))
    return findings


def _key_result_counts(plan: Plan, lang: str) -> list[Finding]:
    findings = []
    for obj in plan.objectives:
        n = len(obj.key_results)
        if n < MIN_KEY_RESULTS:
            noun = plural(lang, "noun.key_result", n)
            findings.append(Finding("too-few-key-results", "warning",
                                    say(lang, "too-few-key-results", id=obj.id, n=n, noun=noun,
                                        low=MIN_KEY_RESULTS, high=MAX_KEY_RESULTS), obj.id))
        elif n > MAX_KEY_RESULTS:
            findings.append(Finding("too-many-key-results", "warning",
                                    say(lang, "too-many-key-results", id=obj.id, n=n,
                                        high=MAX_KEY_RESULTS), obj.id))
    return findings


def _assess(text: str) -> Assessment | None:
    """The SMART grader's view of a key result, or None for text it cannot read."""
    try:
        return grade(text)
    except OkrsimError:  # e.g. a language other than English or Italian
        return None


def _measurability(plan: Plan, lang: str) -> list[Finding]:
    """Key results with no number to measure them, and key results that are tasks.

    Both use the SMART grader (the same judgement learners get in the notebooks); text the
    grader cannot read falls back to looking for any number.
    """
    findings = []
    for obj, kr in plan.key_results():
        a = _assess(kr.text)
        measurable = a.criteria["measurable"].verdict == "met" if a else has_number(kr.text)
        if not measurable and kr.target is None:
            findings.append(Finding("not-measurable", "error",
                                    say(lang, "not-measurable", id=kr.id), obj.id, kr.id))
        if a is not None and a.activity:
            findings.append(Finding("activity", "warning",
                                    say(lang, "activity", id=kr.id, advice=a.activity_advice),
                                    obj.id, kr.id))
    return findings


def _drives(plan: Plan, lang: str) -> list[Finding]:
    findings = []
    targets = [(o, kr) for o, kr in plan.key_results() if kr.drives == schema.TARGET_PATH]
    for obj, kr in targets:
        missing = [k for k in ("baseline", "target") if getattr(kr, k) is None]
        if missing:
            which = say(lang, f"missing.{missing[0] if len(missing) == 1 else 'both'}")
            findings.append(Finding("target-incomplete", "error",
                                    say(lang, "target-incomplete", id=kr.id, missing=which),
                                    obj.id, kr.id))
        if obj.parent is not None:
            findings.append(Finding("target-not-company", "warning",
                                    say(lang, "target-not-company", id=kr.id, objective=obj.id),
                                    obj.id, kr.id))
    if len(targets) > 1:
        ids = ", ".join(f"'{kr.id}'" for _, kr in targets)
        findings.append(Finding("several-targets", "error", say(lang, "several-targets", ids=ids),
                                targets[1][0].id, targets[1][1].id))
    allowed = ", ".join(schema.model_paths())
    committed: dict[str, str] = {}
    for obj, kr in plan.key_results():
        if kr.drives == schema.PROFIT_PATH and "costs" not in (plan.model or {}):
            findings.append(Finding("profit-without-costs", "error",
                                    say(lang, "profit-without-costs", id=kr.id), obj.id, kr.id))
        if kr.drives is None or kr.drives in (schema.TARGET_PATH, schema.PROFIT_PATH):
            continue
        if kr.drives not in schema.MODEL_FIELDS and split_segment_path(kr.drives) is None:
            findings.append(Finding("unknown-drives", "error",
                                    say(lang, "unknown-drives", id=kr.id, drives=kr.drives,
                                        allowed=allowed), obj.id, kr.id))
            continue
        if kr.drives in committed:
            findings.append(Finding("duplicate-drives", "warning",
                                    say(lang, "duplicate-drives", first=committed[kr.drives],
                                        id=kr.id, drives=kr.drives), obj.id, kr.id))
        committed.setdefault(kr.drives, kr.id)
    return findings
