"""The kit's one visual language in HTML: tones, badges, buttons' width and one feedback block.

Every widget and every rich display (``_repr_html_``) builds its markup from these pieces, so a
verdict looks the same in the grader, an exercise, the quiz, the builder, the cascade view and a
notebook's result. Every function escapes the text it is given (learner and plan text is never
HTML). The colours of each tone pass WCAG AA (contrast 4.5:1 or more) for their text on their own
background and on a white page; ``tests/test_widgets_look.py`` measures them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

#: Text colour, background and border of each tone.
TONES: dict[str, tuple[str, str]] = {
    "good": ("#e6f4ea", "#1e6b34"),
    "warn": ("#fff4e0", "#7a4a00"),
    "bad": ("#fdecea", "#a3261b"),
    "info": ("#e8f0fe", "#1a4a9c"),
    "muted": ("#f1f3f4", "#4a4f55"),
}
#: Order of tones from worst to best (the worst of several verdicts colours their block).
SEVERITY_ORDER = ("bad", "warn", "muted", "info", "good")
#: Tone of each grader verdict and cascade severity.
VERDICT_TONES = {"met": "good", "partial": "warn", "missing": "bad", "unknown": "muted"}
SEVERITY_TONES = {"invalid": "bad", "error": "bad", "warning": "warn"}
#: Readable line length of prose and results (a full 1,440 px line is hard to follow).
CONTENT_WIDTH = "52rem"
#: Secondary text (captions, units) on white: 7:1.
CAPTION_COLOUR = "#4a4f55"


def esc(value: object) -> str:
    """Escape any value for HTML text or an attribute (quotes included)."""
    return html.escape(str(value), quote=True)


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour (0 black to 1 white)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours, from 1 (same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(foreground), relative_luminance(background)),
                         reverse=True)
    return (light + 0.05) / (dark + 0.05)


def score_tone(score: float) -> str:
    """Tone of a 0-100 score: good from 80, warn from 50, bad below."""
    return "good" if score >= 80 else "warn" if score >= 50 else "bad"


def probability_tone(p: float) -> str:
    """Tone of a probability: good from 80 %, warn from 50 %, bad below."""
    return score_tone(p * 100)


def worst(tones: Iterable[str]) -> str:
    """The worst of several tones (``"good"`` when there are none)."""
    ranked = [t for t in SEVERITY_ORDER if t in set(tones)]
    return ranked[0] if ranked else "good"


def badge(label: str, tone: str = "muted", title: str = "") -> str:
    """A coloured pill holding ``label`` (escaped); ``title`` becomes its tooltip."""
    background, colour = TONES.get(tone, TONES["muted"])
    tip = f' title="{esc(title)}"' if title else ""
    return (
        f'<span class="okrsim-badge okrsim-tone-{esc(tone)}"{tip} style="display:inline-block;'
        f"padding:1px 8px;border-radius:10px;background:{background};color:{colour};"
        f'font-weight:600;font-size:0.85em;margin-right:4px;white-space:nowrap">'
        f"{esc(label)}</span>"
    )


def box(inner_html: str, tone: str = "muted", css_class: str = "") -> str:
    """Wrap already-built HTML in a block with a left border coloured by ``tone``."""
    background, colour = TONES.get(tone, TONES["muted"])
    return (
        f'<div class="okrsim-box okrsim-tone-{esc(tone)} {esc(css_class)}" '
        f'style="border-left:4px solid {colour};background:{background};color:#202124;'
        f'padding:6px 10px;margin:4px 0;border-radius:4px;line-height:1.45;'
        f'max-width:{CONTENT_WIDTH}">{inner_html}</div>'
    )


@dataclass(frozen=True)
class Point:
    """One line of a feedback block: a badge (``label`` in ``tone``) and a sentence."""

    tone: str
    label: str
    text: str = ""
    detail: str = ""


def feedback(tone: str, headline: str, points: Iterable[Point] = (), css_class: str = "",
             note: str = "") -> str:
    """The one feedback block of the kit: a verdict sentence, then one line per point.

    Parameters
    ----------
    tone : str
        ``"good"``, ``"warn"``, ``"bad"``, ``"info"`` or ``"muted"``: colours the border.
    headline : str
        One sentence a person would say ("Well done: ...", "Not yet: 2 things to look at.").
    points : iterable of Point
        The lines under it, each with its own badge.
    css_class : str
        Extra class for tests and styling (``okrsim-feedback`` is always set).
    note : str
        A small line at the end (e.g. "Recorded in the workshop journal").

    Returns
    -------
    str
        HTML with every piece of text escaped.
    """
    rows = "".join(
        f'<li class="okrsim-point" data-tone="{esc(p.tone)}" style="margin:2px 0">'
        f"{badge(p.label, p.tone)}{esc(p.text)}"
        + (f'<div style="font-size:0.9em;color:{CAPTION_COLOUR};margin-left:4px">'
           f"{esc(p.detail)}</div>" if p.detail else "")
        + "</li>"
        for p in points)
    listing = (f'<ul style="list-style:none;margin:4px 0 0 0;padding:0">{rows}</ul>'
               if rows else "")
    small = (f'<div style="font-size:0.85em;color:{CAPTION_COLOUR};margin-top:4px">'
             f"<i>{esc(note)}</i></div>" if note else "")
    return box(f'<div class="okrsim-headline" style="font-weight:600">{esc(headline)}</div>'
               f"{listing}{small}", tone, f"okrsim-feedback {css_class}".strip())


def table(heads: Iterable[str], rows: Iterable[Iterable[str]], css_class: str = "") -> str:
    """A small table; ``heads`` are escaped, cells are already-built HTML."""
    cell = "padding:3px 12px 3px 0;text-align:left;vertical-align:top"
    heads = list(heads)
    head = "".join(f'<th style="{cell};font-weight:600;color:{CAPTION_COLOUR}">{esc(h)}</th>'
                   for h in heads)
    body = "".join("<tr style='border-top:1px solid #e8eaed'>"
                   + "".join(f'<td style="{cell}">{c}</td>' for c in row) + "</tr>"
                   for row in rows)
    return (f'<table class="{esc(css_class)}" style="border-collapse:collapse;margin:4px 0">'
            + (f"<thead><tr>{head}</tr></thead>" if any(heads) else "")
            + f"<tbody>{body}</tbody></table>")


def card(title: str, inner_html: str, css_class: str = "") -> str:
    """A rich display's frame: a title line and its content, at a readable width."""
    return (f'<div class="okrsim-card {esc(css_class)}" style="font-family:inherit;'
            f'line-height:1.45;max-width:{CONTENT_WIDTH};color:#202124">'
            f'<div style="font-weight:600;margin-bottom:2px">{esc(title)}</div>'
            f"{inner_html}</div>")
