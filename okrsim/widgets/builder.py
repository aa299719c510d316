"""``OKRBuilder``: write an objective and its key results, grade each one and the set.

Each statement goes through :func:`okrsim.grade` (key results with the objective as their parent);
the set is checked by :func:`okrsim.grading.okr_set.check_set`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets

from okrsim.errors import OkrsimError
from okrsim.grading import grade
from okrsim.grading.okr_set import SetCheck, check_set
from okrsim.widgets.grader import chosen_lang, language_choice, render_assessment
from okrsim.widgets.journaling import JournalHook, okr_text, set_attempt
from okrsim.widgets.render import CONTENT_WIDTH, Point, esc, feedback, fitted, score_tone, worst
from okrsim.widgets.strings import check_lang, ui_text

#: Key result boxes the builder offers at most (one more than allowed, so "too many" can be shown).
#: Width of the boxes' labels: "Risultato chiave 1" whole, the boxes aligned.
LABEL_WIDTH = "150px"
MAX_BOXES = 6


class OKRBuilder(widgets.VBox):
    """An objective box, 1 to 6 key result boxes, and a *Grade the set* button.

    Parameters
    ----------
    objective : str
        Objective text to start with.
    key_results : sequence of str
        Key result texts to start with (three empty boxes by default).
    lang : {None, "en", "it"}
        Language of the statements; ``None`` lets the grader detect it.
    ui : str
        Language of the labels.
    journal : Journal, str, Path, bool or None
        Where each *Grade the set* click is recorded, as one attempt (see
        :class:`~okrsim.widgets.journaling.JournalHook`): on when given or when
        ``OKRSIM_JOURNAL`` is set.
    participant : str, optional
        The participant's name; when the journal is on and no name is known, the builder asks.
    exercise : str
        The id the attempts are recorded under.

    Attributes
    ----------
    objective_result : Assessment or None
        The objective's assessment at the last click.
    results : list of Assessment
        Each key result's assessment at the last click, in order.
    set_checks : list of SetCheck
        The checks on the key results as a set.
    errors : list of str
        Sentences about statements that could not be graded (empty boxes, bad text).
    """

    def __init__(self, objective: str = "", key_results: Sequence[str] = ("", "", ""), *,
                 lang: str | None = None, ui: str = "en", journal=None,
                 participant: str | None = None, exercise: str = "okr-builder"):
        self.ui = check_lang(ui)
        self.journaling = JournalHook(journal, exercise=exercise, participant=participant, ui=ui)
        self.objective_box = widgets.Textarea(
            value=objective, description=ui_text("builder.objective", ui),
            layout=widgets.Layout(width="100%", height="60px", max_width=CONTENT_WIDTH),
            style={"description_width": LABEL_WIDTH},
        )
        self.objective_box.add_class("okrsim-builder-objective")
        self.kr_boxes: list[widgets.Text] = []
        self.kr_panel = widgets.VBox()
        self.language = language_choice(ui, lang)
        self.add_button = widgets.Button(description=ui_text("builder.add_kr", ui), layout=fitted())
        self.remove_button = widgets.Button(description=ui_text("builder.remove_kr", ui),
                                            layout=fitted())
        self.button = widgets.Button(description=ui_text("builder.grade_set", ui),
                                     button_style="primary", layout=fitted())
        self.button.add_class("okrsim-builder-button")
        self.add_button.on_click(lambda _: self.add_key_result())
        self.remove_button.on_click(lambda _: self.remove_key_result())
        self.button.on_click(lambda _: self.click())
        self.output = widgets.HTML()
        self.output.add_class("okrsim-builder-result")
        self.objective_result = None
        self.results: list = []
        self.set_checks: list[SetCheck] = []
        self.errors: list[str] = []
        self._set_key_results(key_results)
        super().__init__(children=[
            self.journaling.name_box, self.objective_box, self.kr_panel,
            widgets.HBox([self.add_button, self.remove_button]),
            widgets.HBox([self.language, self.button]), self.output,
        ])

    @property
    def value(self) -> dict:
        """``{"objective": str, "key_results": [str, ...]}`` as typed in the boxes."""
        return {"objective": self.objective_box.value,
                "key_results": [b.value for b in self.kr_boxes]}

    @value.setter
    def value(self, okr: Mapping) -> None:
        if not isinstance(okr, Mapping) or not isinstance(okr.get("key_results", []), list):
            raise OkrsimError("Set the builder's value to {'objective': text, 'key_results': "
                              "[text, ...]}.")
        self.objective_box.value = str(okr.get("objective", ""))
        self._set_key_results(okr.get("key_results", []))

    @property
    def output_html(self) -> str:
        """What the builder shows after the last click."""
        return self.output.value

    def add_key_result(self, text: str = "") -> None:
        """Add a key result box (at most :data:`MAX_BOXES`)."""
        if len(self.kr_boxes) >= MAX_BOXES:
            raise OkrsimError(f"The builder holds at most {MAX_BOXES} key results.")
        box_ = widgets.Text(value=text, description=ui_text("builder.key_result_n", self.ui,
                                                            n=len(self.kr_boxes) + 1),
                            layout=widgets.Layout(width="100%", max_width=CONTENT_WIDTH),
                            style={"description_width": LABEL_WIDTH})
        box_.add_class("okrsim-builder-kr")
        self.kr_boxes.append(box_)
        self._sync()

    def remove_key_result(self) -> None:
        """Remove the last key result box (one always stays)."""
        if len(self.kr_boxes) > 1:
            self.kr_boxes.pop()
            self._sync()

    def click(self):
        """Grade the objective, each key result and the set; show and return the set checks."""
        objective = self.objective_box.value
        lang = chosen_lang(self.language)
        self.errors = []
        self.objective_result = self._grade(objective, lang, None,
                                            ui_text("builder.objective", self.ui))
        filled = []
        for n, kr_box in enumerate(self.kr_boxes, start=1):
            if not kr_box.value.strip():
                self.errors.append(ui_text("builder.empty_kr", self.ui, n=n))
                continue
            result = self._grade(kr_box.value, lang, objective.strip() or None,
                                 ui_text("builder.key_result_n", self.ui, n=n))
            if result is not None:
                filled.append((n, result))
        self.results = [r for _, r in filled]
        self.set_checks = check_set(self.results, self.ui)
        self.output.value = self._render(filled) + self._record()
        return self.set_checks

    def _record(self) -> str:
        """Journal the click as one attempt: the whole OKR, its key results' mean SMART score."""
        texts = [b.value for b in self.kr_boxes]
        text = okr_text(self.objective_box.value, texts)
        if not text or self.journaling.journal is None:
            return ""
        ok = all(c.ok for c in self.set_checks) and not self.errors
        attempt = set_attempt(self.results, ok)
        lang = self.results[0].lang if self.results else None
        return self.journaling.record(text=text, lang=lang, **attempt)

    def _grade(self, text: str, lang: str | None, parent: str | None, where: str):
        try:
            return grade(text, lang=lang, parent=parent)
        except OkrsimError as exc:
            self.errors.append(f"{where}: {exc}")
            return None

    def set_tone(self) -> str:
        """The colour of the set's verdict: never better than its weakest key result.

        A set with the right shape whose key results score 50-53 is not "good": the block is
        as orange (or red) as the worst score in it.
        """
        tones = ["good" if c.ok else "bad" for c in self.set_checks]
        tones += [score_tone(r.score) for r in self.results]
        return worst([*tones, *(["bad"] if self.errors else [])])

    def _set_headline(self) -> str:
        if not all(c.ok for c in self.set_checks) or self.errors:
            return ui_text("builder.set_not_ok", self.ui)
        if self.set_tone() != "good":
            lowest = min((r.score for r in self.results), default=0)
            return ui_text("builder.set_ok_weak", self.ui, lowest=lowest)
        return ui_text("builder.set_ok", self.ui)

    def _render(self, filled: list) -> str:
        points = [Point("good" if c.ok else "bad",
                        ui_text(f"exercise_point.{'ok' if c.ok else 'fix'}", self.ui), c.message)
                  for c in self.set_checks]
        points += [Point("bad", ui_text("exercise_point.fix", self.ui), e) for e in self.errors]
        title = f"{ui_text('builder.set_checks', self.ui)}: {self._set_headline()}"
        parts = [feedback(self.set_tone(), title, points, "okrsim-builder-set")]
        if self.objective_result is not None:
            parts.append(f"<h4>{esc(ui_text('builder.objective', self.ui))}</h4>"
                         + render_assessment(self.objective_result, self.ui, compact=True))
        for n, result in filled:
            parts.append(f"<h4>{esc(ui_text('builder.key_result_n', self.ui, n=n))}</h4>"
                         + render_assessment(result, self.ui, compact=True))
        return "".join(parts)

    def to_plan_text(self, plan_name: str = "My OKR", owner: str = "Sales") -> str:
        """The objective and key results as the YAML of a one-objective plan (for a cascade).

        Parameters
        ----------
        plan_name, owner : str
            The plan's name and the objective's owner.

        Returns
        -------
        str
            Plan YAML that :func:`okrsim.plan.loads_plan` reads; the text is quoted by the YAML
            writer, never pasted raw.
        """
        import yaml

        krs = [{"id": f"kr{n}", "text": b.value.strip()}
               for n, b in enumerate(self.kr_boxes, start=1) if b.value.strip()]
        plan = {"plan": plan_name, "objectives": [
            {"id": "my-objective", "owner": owner,
             "objective": self.objective_box.value.strip(), "key_results": krs}]}
        return yaml.safe_dump(plan, sort_keys=False, allow_unicode=True, width=100)

    def _set_key_results(self, texts: Sequence[str]) -> None:
        if len(texts) > MAX_BOXES:
            raise OkrsimError(f"The builder holds at most {MAX_BOXES} key results; "
                              f"got {len(texts)}.")
        self.kr_boxes = []
        for text in texts or [""]:
            self.add_key_result(str(text))

    def _sync(self) -> None:
        self.kr_panel.children = tuple(self.kr_boxes)
