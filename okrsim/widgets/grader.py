"""``SMARTGrader``: type an objective or key result, press *Grade*, read the SMART assessment.

The widget calls :func:`okrsim.grade` and lays out what it returns: one badge per SMART letter with
its verdict, evidence and advice, the score, the activity/outcome call and the suggested rewrite.
"""

from __future__ import annotations

import ipywidgets as widgets

from okrsim.errors import OkrsimError
from okrsim.grading import CRITERIA, grade
from okrsim.widgets.render import VERDICT_TONES, badge, box, esc, items
from okrsim.widgets.strings import check_lang, ui_text

#: Values of the language choice: ``None`` lets the grader detect the language.
GRADE_LANGS = (None, "en", "it")


def score_tone(score: int) -> str:
    """Colour of a 0-100 score: good from 80, warn from 50, bad below."""
    return "good" if score >= 80 else "warn" if score >= 50 else "bad"


def render_assessment(assessment, lang: str = "en", compact: bool = False) -> str:
    """Return the HTML of an :class:`~okrsim.grading.Assessment` with labels in ``lang``.

    Parameters
    ----------
    assessment : Assessment
        What :func:`okrsim.grade` returned.
    lang : str
        Language of the labels (the grader's own evidence and advice keep their language).
    compact : bool
        Leave out evidence and the suggested rewrite (used for each key result of a set).
    """
    a = assessment
    score = badge(f"{ui_text('score', lang)} {a.score}/100", score_tone(a.score))
    kind = badge(ui_text(f"kind.{a.kind}", lang), "info")
    if a.activity:
        call = box(esc(ui_text("activity", lang))
                   + (f"<br>{esc(a.activity_advice)}" if a.activity_advice else ""),
                   "bad", "okrsim-grader-activity")
    else:
        call = box(esc(ui_text("outcome", lang)), "good", "okrsim-grader-outcome")
    rows = []
    for name in CRITERIA:
        result = a.criteria[name]
        verdict = ui_text(f"verdict.{result.verdict}", lang)
        label = f"{name[0].upper()} · {ui_text(f'criterion.{name}', lang)}: {verdict}"
        evidence = "" if compact or not result.evidence else (
            f"<div><small>{esc(ui_text('evidence', lang))}:</small>{items(result.evidence)}</div>"
        )
        advice = (f"<div>{esc(result.advice)}</div>"
                  if result.advice and result.verdict != "met" else "")
        rows.append(
            f'<div class="okrsim-criterion okrsim-criterion-{esc(name)}" '
            f'data-verdict="{esc(result.verdict)}" style="margin:3px 0">'
            f"{badge(label, VERDICT_TONES.get(result.verdict, 'muted'))}{evidence}{advice}</div>"
        )
    suggestion = ""
    if not compact and a.suggestion and a.suggestion.strip() != a.text.strip():
        suggestion = box(f"<b>{esc(ui_text('suggestion', lang))}</b><br>{esc(a.suggestion)}",
                         "info", "okrsim-grader-suggestion")
    return (
        f'<div class="okrsim-assessment"><div>{kind}{score}</div>'
        f"<blockquote style='margin:4px 0;color:#444'>{esc(a.text)}</blockquote>"
        f"{''.join(rows)}{call}{suggestion}</div>"
    )


def render_error(message: str) -> str:
    """Return the HTML of a one-sentence error (escaped)."""
    return box(esc(message), "bad", "okrsim-error")


def language_choice(ui: str, value: str | None = None) -> widgets.Dropdown:
    """A dropdown offering auto / English / Italiano, valued ``None`` / ``"en"`` / ``"it"``."""
    labels = {None: "lang_auto", "en": "lang_en", "it": "lang_it"}
    return widgets.Dropdown(
        options=[(ui_text(labels[code], ui), code) for code in GRADE_LANGS],
        value=value,
        description=ui_text("language", ui),
        layout=widgets.Layout(width="220px"),
    )


class SMARTGrader(widgets.VBox):
    """A text box, a language choice, a *Grade* button and the SMART assessment.

    Parameters
    ----------
    value : str
        Text to start with; when given, it is graded straight away.
    lang : {None, "en", "it"}
        Language of the text given to the grader; ``None`` detects it.
    parent : str, optional
        The objective a key result supports, passed to the grader for *Relevant*.
    ui : str
        Language of the widget's labels.

    Attributes
    ----------
    result : Assessment or None
        The last assessment; ``None`` before grading or when the text was refused.
    error : str or None
        The grader's one-sentence reason for refusing the text.

    Examples
    --------
    >>> g = SMARTGrader()                                             # doctest: +SKIP
    >>> g.value = "Hire 5 account executives by 31 March 2027"; g.click().score   # doctest: +SKIP
    """

    def __init__(self, value: str = "", *, lang: str | None = None, parent: str | None = None,
                 ui: str = "en"):
        self.ui = check_lang(ui)
        if lang not in GRADE_LANGS:
            raise OkrsimError(f"The grader's language is None (auto), 'en' or 'it'; got {lang!r}.")
        self.parent = parent
        self.result = None
        self.error: str | None = None
        self.text = widgets.Textarea(value=value, placeholder=ui_text("grader_placeholder", ui),
                                     layout=widgets.Layout(width="100%", height="80px"))
        self.text.add_class("okrsim-grader-input")
        self.language = language_choice(ui, lang)
        self.language.add_class("okrsim-grader-lang")
        self.button = widgets.Button(description=ui_text("grade", ui), button_style="primary",
                                     tooltip=ui_text("grade", ui))
        self.button.add_class("okrsim-grader-button")
        self.button.on_click(lambda _: self.click())
        self.output = widgets.HTML(value=f"<i>{esc(ui_text('nothing_yet', ui))}</i>")
        self.output.add_class("okrsim-grader-result")
        super().__init__(children=[self.text, widgets.HBox([self.language, self.button]),
                                   self.output])
        self.add_class("okrsim-grader")
        if value.strip():
            self.click()

    @property
    def value(self) -> str:
        """The text in the box."""
        return self.text.value

    @value.setter
    def value(self, text: str) -> None:
        self.text.value = text

    @property
    def output_html(self) -> str:
        """What the widget shows under the button."""
        return self.output.value

    def click(self):
        """Grade the text and show the assessment; return it (``None`` when refused)."""
        try:
            self.result = grade(self.text.value, lang=self.language.value, parent=self.parent)
        except OkrsimError as exc:
            self.result, self.error = None, str(exc)
            self.output.value = render_error(str(exc))
            return None
        self.error = None
        self.output.value = render_assessment(self.result, self.ui)
        return self.result
