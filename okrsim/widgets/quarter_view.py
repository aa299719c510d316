"""HTML tables of a quarter in operation: the weekly check-in and the end-of-quarter OKR grades.

Everything shown comes from :mod:`okrsim.plan.quarter` and :mod:`okrsim.plan.scoring`; this module
only lays it out, escapes every text (key result texts and notes are never HTML) and colours each
grade by its status, so a committed key result below 1.0 shows red, never green.
"""

from __future__ import annotations

from okrsim.i18n import catalog, check_language, format_number, format_percent
from okrsim.plan.quarter import Quarter, status_label
from okrsim.plan.scoring import objective_grade
from okrsim.widgets.render import badge, esc

_SAY = catalog("operation", "The quarter review speaks")
_CELL = "padding:4px 10px 4px 0;vertical-align:top;text-align:left"
_HEAD = f"{_CELL};font-weight:normal;font-size:0.85em;color:#5f6368"


def _table(css_class: str, heads: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th style="{_HEAD}">{esc(h)}</th>' for h in heads)
    body = "".join("<tr style='border-top:1px solid #e8eaed'>"
                   + "".join(f'<td style="{_CELL}">{cell}</td>' for cell in row) + "</tr>"
                   for row in rows)
    return (f'<table class="{esc(css_class)}" style="border-collapse:collapse;width:100%;'
            f'line-height:1.45"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def _value(value: float, lang: str) -> str:
    return esc(format_number(value, lang, 2))


def render_grades(quarter: Quarter, lang: str = "en") -> str:
    """The end-of-quarter table: each key result's OKR grade, coloured by what it means.

    Parameters
    ----------
    quarter : Quarter
    lang : str
        Language of the labels and numbers.
    """
    lang = check_language(lang, "The quarter review speaks")
    grades = quarter.grades()
    rows = []
    for g in grades:
        counter = _SAY.say(lang, "counter.none")
        if quarter.key_result(g.id).counter_metric is not None:
            counter = (_SAY.say(lang, "counter.broken",
                                weeks=", ".join(str(w) for w in g.counter_breaches))
                       if g.counter_breaches else _SAY.say(lang, "counter.held"))
        rows.append([
            f"<div style='min-width:20em'><b>{esc(g.id)}</b><br>"
            f"<span style='color:#5f6368'>{esc(g.text)}</span></div>",
            esc(_SAY.say(lang, f"commitment.{g.commitment}")),
            _value(g.start, lang), _value(g.target, lang), _value(g.final, lang),
            f'<span class="okrsim-grade" data-status="{esc(g.status)}">'
            f"{badge(format_number(g.grade, lang, 2), g.tone)}</span>",
            badge(status_label(g.status, lang), g.tone),
            esc(counter),
        ])
    heads = [_SAY.say(lang, f"col.{c}") for c in ("key_result", "commitment", "start", "target",
                                                     "final", "grade", "status", "counter")]
    mean = ""
    if grades:
        grade = format_number(objective_grade([g.grade for g in grades]), lang, 2)
        mean = f"<p><b>{esc(_SAY.say(lang, 'objective_grade', grade=grade))}</b></p>"
    return _table("okrsim-quarter-grades", heads, rows) + mean


def render_check_ins(quarter: Quarter, week: int, lang: str = "en") -> str:
    """The check-in review of ``week``: value, progress against the calendar, confidence, note.

    Rows to discuss first (low or falling confidence, behind the calendar, a broken
    counter-metric) carry a *discuss first* badge.
    """
    lang = check_language(lang, "The quarter review speaks")
    rows_in = quarter.check_ins_at(week)
    if not rows_in:
        return f"<p><i>{esc(_SAY.say(lang, 'no_check_in', week=week))}</i></p>"
    rows = []
    for r in rows_in:
        change = "" if not r.confidence_change else f" ({r.confidence_change:+d})"
        flag = badge(_SAY.say(lang, "attention"), "warn") if r.attention else ""
        tone = "good" if r.pace.on_pace else "warn"
        counter = "—" if r.counter_ok is None else badge(
            _SAY.say(lang, "counter.held") if r.counter_ok else _SAY.say(lang, "counter.broken",
                                                                        weeks=r.week),
            "good" if r.counter_ok else "bad")
        rows.append([
            f"<b>{esc(r.key_result)}</b> {flag}", esc(r.week), _value(r.value, lang),
            badge(f"{format_percent(r.pace.progress, lang, 0)} / "
                  f"{format_percent(r.pace.expected, lang, 0)}", tone),
            esc(f"{r.confidence}/10{change}"), counter, esc(r.note),
        ])
    heads = [_SAY.say(lang, f"col.{c}") for c in ("key_result", "week", "value", "progress",
                                                     "confidence", "counter", "note")]
    return _table("okrsim-quarter-check-ins", heads, rows)


def render_retrospective(quarter: Quarter, lang: str = "en") -> str:
    """The retrospective's questions as an escaped list."""
    items = "".join(f"<li>{esc(q)}</li>" for q in quarter.retrospective(lang))
    return f'<ol class="okrsim-quarter-retrospective" style="line-height:1.45">{items}</ol>'
