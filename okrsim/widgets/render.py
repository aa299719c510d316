"""Small HTML building blocks shared by the widgets: the kit's visual language.

The pieces live in :mod:`okrsim.i18n.look` so the library's rich displays (``_repr_html_``) use
the same tones, badges and feedback block as the widgets; this module re-exports them for the
widgets. Every function escapes the text it is given (learner text is never HTML).
"""

from __future__ import annotations

import ipywidgets as widgets

from okrsim.i18n.look import (
    CONTENT_WIDTH,
    SEVERITY_TONES,
    TONES,
    VERDICT_TONES,
    Point,
    badge,
    box,
    card,
    esc,
    feedback,
    probability_tone,
    score_tone,
    table,
    worst,
)

#: Layout of every button: as wide as its label, so no language gets "Controlla le rispo…".
#: Give each button its own ``widgets.Layout(**BUTTON_LAYOUT)``: a shared Layout would hide
#: every button that shares it when one is hidden.
BUTTON_LAYOUT = {"width": "auto", "min_width": "max-content", "align_self": "flex-start"}



def fitted() -> widgets.Layout:
    """A new button layout as wide as its label (:data:`BUTTON_LAYOUT`)."""
    return widgets.Layout(**BUTTON_LAYOUT)


__all__ = [
    "BUTTON_LAYOUT",
    "CONTENT_WIDTH",
    "SEVERITY_TONES",
    "TONES",
    "VERDICT_TONES",
    "Point",
    "badge",
    "box",
    "card",
    "esc",
    "feedback",
    "fitted",
    "probability_tone",
    "score_tone",
    "table",
    "worst",
]
