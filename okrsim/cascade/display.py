"""The cascade report as people read it: a summary line, the tree of owners and the findings.

Used by :class:`~okrsim.cascade.report.CascadeReport` (its ``_repr_html_``) and by the cascade
widget, so a notebook and the widget show the same thing. Every piece of plan text is escaped.
"""

from __future__ import annotations

from typing import Any

from okrsim.i18n import catalog
from okrsim.i18n.look import SEVERITY_TONES, TONES, Point, badge, esc, feedback, worst
from okrsim.plan.input_names import short_name

#: The words of the display (shared with the widgets).
WORDS = catalog("widgets", "The cascade view speaks")


def render_report(report: Any, lang: str = "en") -> str:
    """The HTML of a cascade report: a summary line, the tree and the findings.

    Parameters
    ----------
    report : CascadeReport
        What :func:`okrsim.check` returned.
    lang : str
        Language of the labels (findings keep the language they were written in).

    Returns
    -------
    str
        HTML with every plan text escaped.
    """
    plan = report.plan
    summary = WORDS.say(lang, "shared.plan_summary", objectives=len(plan.objectives),
                        key_results=len(plan.key_results()))
    head = f"<div><b>{esc(plan.name)}</b> · {esc(summary)}</div>"
    tree = "".join(_node(node, report, lang) for node in report.to_dict()["tree"])
    if report.clean:
        tail = feedback("good", WORDS.say(lang, "shared.no_findings"), (),
                        "okrsim-cascade-clean")
    else:
        points = [Point(SEVERITY_TONES[f.severity],
                        WORDS.say(lang, f"severity.{f.severity}"), f.message)
                  for f in report.findings]
        tail = feedback(worst_tone(report.findings),
                        WORDS.say(lang, "shared.findings", n=len(report.findings)), points,
                        "okrsim-cascade-findings")
    return (f'<div class="okrsim-cascade" style="line-height:1.45;max-width:52rem">{head}'
            f'<ul class="okrsim-tree">{tree}</ul>{tail}</div>')


def _node(node: dict[str, Any], report: Any, lang: str) -> str:
    findings = report.for_objective(node["id"])
    krs = []
    for kr in node["key_results"]:
        kr_findings = report.for_key_result(kr["id"])
        drives = (badge(f"{WORDS.say(lang, 'shared.drives')} {short_name(kr['drives'], lang)}",
                        "info", kr["drives"]) if kr["drives"] else "")
        krs.append(
            f'<li class="okrsim-kr" data-id="{esc(kr["id"])}"{_mark(kr_findings)}>'
            f"{esc(kr['text'])} <code>{esc(kr['id'])}</code> {drives}{_notes(kr_findings, lang)}"
            "</li>"
        )
    children = "".join(_node(child, report, lang) for child in node["children"])
    return (
        f'<li class="okrsim-objective" data-id="{esc(node["id"])}"{_mark(findings)}>'
        f"{badge(node['owner'], 'info', WORDS.say(lang, 'shared.owner'))}"
        f"<b>{esc(node['objective'])}</b> "
        f"<code>{esc(node['id'])}</code>{_notes(findings, lang)}"
        f'<ul class="okrsim-krs" style="list-style:circle">{"".join(krs)}</ul>'
        f"{f'<ul>{children}</ul>' if children else ''}</li>"
    )


def _mark(findings: list) -> str:
    if not findings:
        return ""
    background, _ = TONES[worst_tone(findings)]
    return f' style="background:{background}"'


def _notes(findings: list, lang: str) -> str:
    return "".join(
        f'<div class="okrsim-finding">{_severity(f, lang)} {esc(f.message)}</div>'
        for f in findings
    )


def _severity(finding: Any, lang: str) -> str:
    return badge(WORDS.say(lang, f"severity.{finding.severity}"),
                 SEVERITY_TONES[finding.severity])


def worst_tone(findings: list) -> str:
    """The tone of the worst finding (``"bad"`` for errors, ``"warn"`` for warnings)."""
    return worst(SEVERITY_TONES[f.severity] for f in findings)
