"""``CascadeView``: a plan drawn as a tree of owners, objectives and key results.

The tree and the findings come from :func:`okrsim.check`; this module only lays them out. With
``editable=True`` the plan's YAML sits in a text box above the tree, so a learner can repair a
broken cascade and press *Check* again.
"""

from __future__ import annotations

from os import PathLike

import ipywidgets as widgets
import yaml

from okrsim.cascade import CascadeReport, check
from okrsim.cascade.display import render_report
from okrsim.errors import OkrsimError
from okrsim.plan import Plan, load_plan, loads_plan
from okrsim.widgets.render import CONTENT_WIDTH, Point, feedback, fitted
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
            plan = load_plan(plan, strict=False, lang=self.ui)
        self._source = plan.source if plan is not None else "<plan>"
        self.report: CascadeReport | None = None
        self.error: str | None = None
        self._listeners: list = []
        self.editor = widgets.Textarea(
            value=plan_yaml(plan) if plan is not None else text,
            description=ui_text("shared.editor_label", self.ui),
            layout=widgets.Layout(width="100%", height="320px", max_width=CONTENT_WIDTH),
            style={"description_width": "initial"},
        )
        self.editor.add_class("okrsim-cascade-input")
        self.button = widgets.Button(description=ui_text("shared.check", self.ui),
                                     button_style="primary",
                                     layout=fitted())
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
            plan = loads_plan(self.editor.value, source=self._source, strict=False, lang=self.ui)
        except OkrsimError as exc:
            self.report, self.error = None, str(exc)
            problems = getattr(exc, "problems", [str(exc)])
            self.output.value = feedback(
                "bad", ui_text("shared.cannot_read_plan", self.ui),
                [Point("bad", ui_text("severity.invalid", self.ui), p) for p in problems],
                "okrsim-error")
            return None
        return self._show(check(plan, lang=self.ui))

    def take_okr(self, okr: dict, objective_id: str) -> CascadeReport | None:
        """Put an OKR (a builder's ``value``) in place of one objective of the plan and check.

        The objective keeps its id, owner and parent; its key results keep their ids, ``drives``
        and numbers in order (a new key result gets a new id), so a learner writes the OKR once
        in the builder and the plan follows.

        Parameters
        ----------
        okr : dict
            ``{"objective": str, "key_results": [str, ...]}``.
        objective_id : str
            The id of the objective to replace.

        Returns
        -------
        CascadeReport or None
            The new check (``None`` when the editor's text is not a plan).
        """
        try:
            data = yaml.safe_load(self.editor.value)
        except yaml.YAMLError:
            return self.click()
        objectives = data.get("objectives", []) if isinstance(data, dict) else []
        target = next((o for o in objectives if isinstance(o, dict)
                       and o.get("id") == objective_id), None)
        if target is None:
            raise OkrsimError(f"The plan has no objective {objective_id!r} to put the OKR in.")
        if str(okr.get("objective", "")).strip():
            target["objective"] = str(okr["objective"]).strip()
        old = [kr for kr in target.get("key_results", []) if isinstance(kr, dict)]
        texts = [str(t).strip() for t in okr.get("key_results", []) if str(t).strip()]
        krs = []
        for n, text in enumerate(texts):
            kr = dict(old[n]) if n < len(old) else {"id": f"{objective_id}-kr{n + 1}"}
            kr["text"] = text
            krs.append(kr)
        target["key_results"] = krs
        self.editor.value = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        return self.click()

    def follow(self, builder: widgets.Widget, objective_id: str) -> None:
        """Take the builder's OKR each time its *Grade the set* button is pressed."""
        builder.button.on_click(lambda _: self.take_okr(builder.value, objective_id))

    def on_report(self, callback) -> None:
        """Call ``callback(report)`` after every check of a plan that could be read."""
        self._listeners.append(callback)

    def _show(self, report: CascadeReport) -> CascadeReport:
        self.report, self.error = report, None
        self.output.value = render_report(report, self.ui)
        for callback in self._listeners:
            callback(report)
        return report


__all__ = ["CascadeView", "plan_yaml", "render_report"]
