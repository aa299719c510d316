"""Small HTML building blocks shared by the widgets.

Every function here escapes the text it is given (learner text is never HTML), so widgets build
their markup from these pieces and never format raw strings into tags themselves.
"""

from __future__ import annotations

import html

#: Colours of badges by tone (verdicts, severities, pass/fail).
TONES: dict[str, tuple[str, str]] = {
    "good": ("#e6f4ea", "#1e6b34"),
    "warn": ("#fff4e0", "#8a5300"),
    "bad": ("#fdecea", "#a3261b"),
    "info": ("#e8f0fe", "#1a4a9c"),
    "muted": ("#f1f3f4", "#4a4f55"),
}

#: Tone of each grader verdict and cascade severity.
VERDICT_TONES = {"met": "good", "partial": "warn", "missing": "bad", "unknown": "muted"}
SEVERITY_TONES = {"invalid": "bad", "error": "bad", "warning": "warn"}


def esc(value: object) -> str:
    """Escape any value for HTML text or an attribute (quotes included)."""
    return html.escape(str(value), quote=True)


def badge(label: str, tone: str = "muted", title: str = "") -> str:
    """Return a coloured pill holding ``label`` (escaped); ``title`` becomes its tooltip."""
    background, colour = TONES.get(tone, TONES["muted"])
    tip = f' title="{esc(title)}"' if title else ""
    return (
        f'<span class="okrsim-badge okrsim-tone-{esc(tone)}"{tip} style="display:inline-block;'
        f"padding:1px 8px;border-radius:10px;background:{background};color:{colour};"
        f'font-weight:600;font-size:0.85em;margin-right:4px">{esc(label)}</span>'
    )


def box(inner_html: str, tone: str = "muted", css_class: str = "") -> str:
    """Wrap already-built HTML in a bordered box coloured by ``tone``."""
    background, colour = TONES.get(tone, TONES["muted"])
    return (
        f'<div class="{esc(css_class)}" style="border-left:4px solid {colour};'
        f'background:{background};padding:6px 10px;margin:4px 0;border-radius:4px;'
        f'line-height:1.45">'
        f"{inner_html}</div>"
    )
