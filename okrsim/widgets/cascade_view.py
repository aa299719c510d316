"""``CascadeView``: a plan drawn as a tree of owners, objectives and key results.

The tree and the findings come from :func:`okrsim.check`; this module only lays them out. With
``editable=True`` the plan's YAML sits in a text box above the tree, so a learner can repair a
broken cascade and press *Check* again.
"""

from __future__ import annotations

from os import PathLike
from typing import Any

import ipywidgets as widgets
import yaml

from okrsim.cascade import CascadeReport, Finding, check
from okrsim.errors import OkrsimError
from okrsim.plan import Plan, load_plan, loads_plan
from okrsim.widgets.render import SEVERITY_TONES, TONES, badge, box, esc
from okrsim.widgets.strings import check_lang, ui_text


def plan_yaml(plan: Plan) -> str:
    """Return a plan as YAML text in the file's own shape (ids, owners, key results, model)."""
    return yaml.safe_dump(plan.to_dict(), sort_keys=False, allow_unicode=True, width=100)


class CascadeView(widgets.VBox):
    """Draw a plan's cascade with its findings highlighted.

    Parameters
    ----------
    plan : Plan, str or path-like, optional
        A plan, or the path of a plan file.
    text : str, optional
        The plan as YAML text (instead of ``plan``).
    editable : bool
        Show the YAML in a text box with a *Check* button.
    ui : str
        Language of the labels, ``"en"`` or ``"it"`` (as in the other widgets).

    Attributes
    ----------
    report : CascadeReport or None
        The last check, ``None`` when the text could not be read as a plan.
    error : str or None
        Why the text could not be read, one sentence.
    output_html : str
        What the view shows below the editor.

    Examples
    --------
    >>> view = CascadeView(text=broken_plan, editable=True)   # doctest: +SKIP
    >>> view.value = fixed_plan; view.click(); view.report.clean   # doctest: +SKIP
    True
    """

    def __init__(
        self,
        plan: Plan | str | PathLike | None = None,
        *,
        text: str | None = None,
        editable: bool = False,
        ui: str = "en",
    ):
        self.ui = check_lang(ui)
        if (plan is None) == (text is None):
            raise OkrsimError("Give CascadeView either a plan (or plan file path) or its text.")
        if plan is not None and not isinstance(plan, Plan):
            plan = load_plan(plan, strict=False)
        self._source = plan.source if plan is not None else "<plan>"
        self.report: CascadeReport | None = None
        self.error: str | None = None
        self.editor = widgets.Textarea(
            value=plan_yaml(plan) if plan is not None else text,
            description=ui_text("editor_label", self.ui),
            layout=widgets.Layout(width="100%", height="320px"),
            style={"description_width": "initial"},
        )
        self.editor.add_class("okrsim-cascade-input")
        self.button = widgets.Button(description=ui_text("check", self.ui), button_style="primary")
        self.button.add_class("okrsim-cascade-button")
        self.button.on_click(lambda _: self.click())
        self.output = widgets.HTML()
        self.output.add_class("okrsim-cascade-result")
        children = [self.editor, self.button, self.output] if editable else [self.output]
        super().__init__(children=children)
        if plan is not None:
            self._show(check(plan, lang=self.ui))
        else:
            self.click()

    @property
    def value(self) -> str:
        """The plan's YAML text (what the editor holds)."""
        return self.editor.value

    @value.setter
    def value(self, text: str) -> None:
        self.editor.value = text

    @property
    def output_html(self) -> str:
        """The HTML the view shows (tree, findings or the reading error)."""
        return self.output.value

    def click(self) -> CascadeReport | None:
        """Read the editor's text as a plan, check it and redraw; return the report."""
        try:
            plan = loads_plan(self.editor.value, source=self._source, strict=False)
        except OkrsimError as exc:
            self.report, self.error = None, str(exc)
            problems = getattr(exc, "problems", [str(exc)])
            lines = "".join(f"<li>{esc(p)}</li>" for p in problems)
            self.output.value = box(
                f"<b>{esc(ui_text('cannot_read_plan', self.ui))}</b><ul>{lines}</ul>", "bad"
            )
            return None
        return self._show(check(plan, lang=self.ui))

    def _show(self, report: CascadeReport) -> CascadeReport:
        self.report, self.error = report, None
        self.output.value = render_report(report, self.ui)
        return report


def render_report(report: CascadeReport, lang: str = "en") -> str:
    """Return the HTML of a cascade report: a summary line, the tree and the findings list."""
    plan = report.plan
    n_krs = len(plan.key_results())
    summary = ui_text("plan_summary", lang, objectives=len(plan.objectives), key_results=n_krs)
    head = f"<div><b>{esc(plan.name)}</b> · {esc(summary)}</div>"
    tree = "".join(_node(node, report, lang) for node in report.to_dict()["tree"])
    if report.clean:
        tail = box(esc(ui_text("no_findings", lang)), "good", "okrsim-cascade-clean")
    else:
        rows = "".join(f"<li>{_severity(f, lang)} {esc(f.message)}</li>" for f in report.findings)
        tail = box(
            f"<b>{esc(ui_text('findings', lang, n=len(report.findings)))}</b><ul>{rows}</ul>",
            _worst_tone(report.findings), "okrsim-cascade-findings",
        )
    return (f'<div class="okrsim-cascade" style="line-height:1.45">{head}'
            f'<ul class="okrsim-tree">{tree}</ul>{tail}</div>')


def _node(node: dict[str, Any], report: CascadeReport, lang: str) -> str:
    findings = report.for_objective(node["id"])
    krs = []
    for kr in node["key_results"]:
        kr_findings = report.for_key_result(kr["id"])
        drives = badge(f"{ui_text('drives', lang)} {kr['drives']}", "info") if kr["drives"] else ""
        krs.append(
            f'<li class="okrsim-kr" data-id="{esc(kr["id"])}"{_mark(kr_findings)}>'
            f"{esc(kr['text'])} <code>{esc(kr['id'])}</code> {drives}{_notes(kr_findings, lang)}"
            "</li>"
        )
    children = "".join(_node(child, report, lang) for child in node["children"])
    return (
        f'<li class="okrsim-objective" data-id="{esc(node["id"])}"{_mark(findings)}>'
        f"{badge(node['owner'], 'info', ui_text('owner', lang))}<b>{esc(node['objective'])}</b> "
        f"<code>{esc(node['id'])}</code>{_notes(findings, lang)}"
        f'<ul class="okrsim-krs" style="list-style:circle">{"".join(krs)}</ul>'
        f"{f'<ul>{children}</ul>' if children else ''}</li>"
    )


def _mark(findings: list[Finding]) -> str:
    if not findings:
        return ""
    background, _ = TONES[_worst_tone(findings)]
    return f' style="background:{background}"'


def _notes(findings: list[Finding], lang: str) -> str:
    return "".join(
        f'<div class="okrsim-finding">{_severity(f, lang)} {esc(f.message)}</div>'
        for f in findings
    )


def _severity(finding: Finding, lang: str) -> str:
    return badge(ui_text(f"severity.{finding.severity}", lang), SEVERITY_TONES[finding.severity])


def _worst_tone(findings: list[Finding]) -> str:
    return "bad" if any(SEVERITY_TONES[f.severity] == "bad" for f in findings) else "warn"

