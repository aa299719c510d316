"""``SMARTGrader``: type an objective or key result, press *Grade*, read the SMART assessment.

The widget calls :func:`okrsim.grade` and lays out what it returns: kind, score, the
activity/outcome call and the suggested rewrite at the top, then one table row per SMART letter
with its verdict, evidence and advice.
"""

from __future__ import annotations

import ipywidgets as widgets

from okrsim.errors import OkrsimError
from okrsim.grading import CRITERIA, grade
from okrsim.widgets.journaling import JournalHook, missed_criteria, passes_bar
from okrsim.widgets.render import (
    CONTENT_WIDTH,
    VERDICT_TONES,
    Point,
    badge,
    box,
    esc,
    feedback,
    fitted,
    score_tone,
)
from okrsim.widgets.strings import check_lang, ui_text

#: Languages the grader can be told to use: ``None`` lets it detect the language.
GRADE_LANGS = (None, "en", "it")
#: The language dropdown's value for "detect it" (a dropdown holding ``None`` looks empty).
AUTO = "auto"


#: Shared style of the cells of the per-letter table.
_CELL = "padding:4px 10px 4px 0;vertical-align:top;text-align:left"
_HEAD = f"{_CELL};font-weight:normal;font-size:0.85em;color:#5f6368"


def _quoted(spans: list[str]) -> str:
    """Evidence spans as escaped quotations joined by " · " (a dash when there are none)."""
    if not spans:
        return '<span style="color:#5f6368">—</span>'
    return " · ".join(f"“{esc(span)}”" for span in spans)


def _criterion_row(name: str, result, lang: str, compact: bool) -> str:
    verdict = ui_text(f"verdict.{result.verdict}", lang)
    label = f"{name[0].upper()} · {ui_text(f'criterion.{name}', lang)}: {verdict}"
    cells = [f'<td style="{_CELL};white-space:nowrap">'
             f"{badge(label, VERDICT_TONES.get(result.verdict, 'muted'))}</td>"]
    if not compact:
        cells.append(f'<td style="{_CELL};min-width:14em">{_quoted(result.evidence)}</td>')
    advice = esc(result.advice) if result.advice and result.verdict != "met" else ""
    cells.append(f'<td style="{_CELL};color:#3c4043">{advice}</td>')
    return (f'<tr class="okrsim-criterion okrsim-criterion-{esc(name)}" '
            f'data-verdict="{esc(result.verdict)}" style="border-top:1px solid #e8eaed">'
            f"{''.join(cells)}</tr>")


def _criteria_table(a, lang: str, compact: bool) -> str:
    heads = ["", *([] if compact else [ui_text("grader.evidence", lang)]),
             ui_text("grader.advice", lang)]
    head = "".join(f'<th style="{_HEAD}">{esc(h)}</th>' for h in heads)
    rows = "".join(_criterion_row(name, a.criteria[name], lang, compact) for name in CRITERIA)
    return (f'<table class="okrsim-criteria" style="border-collapse:collapse;width:100%;'
            f'margin:4px 0"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')


def render_assessment(assessment, lang: str = "en", compact: bool = False) -> str:
    """Return the HTML of an :class:`~okrsim.grading.Assessment` with labels in ``lang``.

    At the top: kind, score and the activity/outcome call, the text as graded and the suggested
    rewrite; below, one table row per SMART letter: verdict badge, evidence, advice.

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
    tone = score_tone(a.score)
    header = [badge(ui_text(f"kind.{a.kind}", lang), "info"),
              badge(f"{ui_text('shared.score', lang)} {a.score}/100", tone)]
    if a.activity:
        call = Point("bad", ui_text("grader.activity", lang).split(":")[0],
                     ui_text("grader.activity", lang).split(":", 1)[1].strip(),
                     a.activity_advice or "")
    else:
        # The outcome call is a classification, not a verdict: it never looks better than the
        # score beside it (no green "Outcome" next to a red 30).
        header.append(f'<span class="okrsim-grader-outcome">'
                      f"{badge(ui_text('grader.outcome', lang).split(':')[0], tone)}</span>")
        call = None
    verdict = feedback(tone, ui_text(f"grader.score_{tone}", lang, score=a.score),
                       [call] if call else [],
                       "okrsim-grader-activity" if a.activity else "okrsim-grader-verdict")
    suggestion = ""
    if not compact and a.suggestion and a.suggestion.strip() != a.text.strip():
        suggestion = box(f"<b>{esc(ui_text('grader.suggestion', lang))}:</b> {esc(a.suggestion)}",
                         "info", "okrsim-grader-suggestion")
    notes = "".join(f'<div style="font-size:0.85em;color:#4a4f55"><i>{esc(note)}</i></div>'
                    for note in a.notes)
    return (
        '<div class="okrsim-assessment" style="line-height:1.45;max-width:52rem">'
        f"<div>{''.join(header)}</div>"
        "<blockquote style='margin:6px 0;padding:2px 0 2px 10px;border-left:3px solid #dadce0;"
        f"color:#3c4043'>{esc(a.text)}</blockquote>"
        f"{notes}{verdict}{suggestion}{_criteria_table(a, lang, compact)}</div>"
    )


def render_error(message: str) -> str:
    """Return the HTML of a one-sentence error (escaped)."""
    return box(esc(message), "bad", "okrsim-error")


def chosen_lang(dropdown: widgets.Dropdown) -> str | None:
    """The grader language a :func:`language_choice` dropdown stands for (``None``: detect)."""
    value = dropdown.value
    return None if value in (None, AUTO) else value


def language_choice(ui: str, value: str | None = None) -> widgets.Dropdown:
    """A dropdown offering auto / English / Italiano, valued ``"auto"`` / ``"en"`` / ``"it"``.

    ``value=None`` selects ``"auto"``; read the choice back with :func:`chosen_lang`.
    """
    labels = {AUTO: "shared.lang_auto", "en": "shared.lang_en", "it": "shared.lang_it"}
    return widgets.Dropdown(
        options=[(ui_text(labels[code], ui), code) for code in labels],
        value=AUTO if value is None else value,
        description=ui_text("shared.language", ui),
        style={"description_width": "initial"},
        layout=widgets.Layout(width="240px"),
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
    journal : Journal, str, Path, bool or None
        Where each click's attempt is recorded (see
        :class:`~okrsim.widgets.journaling.JournalHook`): on when given or when ``OKRSIM_JOURNAL``
        is set; the text given as ``value`` is graded at once but not recorded.
    participant : str, optional
        The participant's name; when the journal is on and no name is known, the widget asks.
    exercise : str
        The id the attempts are recorded under.

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
                 ui: str = "en", journal=None, participant: str | None = None,
                 exercise: str = "smart-grader"):
        self.ui = check_lang(ui)
        self.journaling = JournalHook(journal, exercise=exercise, participant=participant, ui=ui)
        if lang not in GRADE_LANGS:
            raise OkrsimError(f"The grader's language is None (auto), 'en' or 'it'; got {lang!r}.")
        self.parent = parent
        self.result = None
        self.error: str | None = None
        self.text = widgets.Textarea(value=value, placeholder=ui_text("grader.placeholder", ui),
                                     layout=widgets.Layout(width="100%", height="80px",
                                                           max_width=CONTENT_WIDTH))
        self.text.add_class("okrsim-grader-input")
        self.language = language_choice(ui, lang)
        self.language.add_class("okrsim-grader-lang")
        self.button = widgets.Button(description=ui_text("grader.grade", ui),
                                     button_style="primary",
                                     tooltip=ui_text("grader.grade", ui),
                                     layout=fitted())
        self.button.add_class("okrsim-grader-button")
        self.button.on_click(lambda _: self.click())
        self.output = widgets.HTML(value=f"<i>{esc(ui_text('grader.nothing_yet', ui))}</i>")
        self.output.add_class("okrsim-grader-result")
        super().__init__(children=[self.journaling.name_box, self.text,
                                   widgets.HBox([self.language, self.button]), self.output])
        self.add_class("okrsim-grader")
        if value.strip():
            self._grade(record=False)

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
        """Grade the text, show the assessment and journal it; return it (``None`` when refused)."""
        return self._grade(record=True)

    def _grade(self, record: bool):
        try:
            self.result = grade(self.text.value, lang=chosen_lang(self.language),
                                parent=self.parent)
        except OkrsimError as exc:
            self.result, self.error = None, str(exc)
            self.output.value = render_error(str(exc))
            return None
        self.error = None
        note = ""
        if record:
            note = self.journaling.record(text=self.result.text, score=self.result.score,
                                          passed=passes_bar(self.result),
                                          missed=missed_criteria(self.result),
                                          lang=self.result.lang)
        self.output.value = render_assessment(self.result, self.ui) + note
        return self.result
