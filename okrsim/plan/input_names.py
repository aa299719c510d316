"""Short names of the model's inputs, the same as the dashboard's sliders, in each language.

Charts, reports and the cascade view name an input (``hiring.count``) by the short name a person
sees on its slider ("Hires", "Assunzioni"), never by its path in the plan file.
"""

from __future__ import annotations

from okrsim.i18n import catalog
from okrsim.plan.finance import split_segment_path

_WORDS = catalog("charts", "The charts speak")


def short_name(path: str, lang: str = "en") -> str:
    """The short name of a model input (the dashboard slider's name), one line.

    Parameters
    ----------
    path : str
        The input's path in the plan's model, such as ``"ramp.months"``; a segment's input
        (``"segments.enterprise.ramp.months"``) is named after its segment.
    lang : str
        The language of the name.

    Returns
    -------
    str
        ``"Ramp (months)"``, ``"enterprise: Ramp (months)"``; a path without a short name is
        returned as it is.
    """
    words = _WORDS.tables[_WORDS.check_lang(lang)]
    segment = split_segment_path(path)
    if segment:
        name, base = segment
        return f"{name}: {words.get(f'short.{base}', base)}"
    return words.get(f"short.{path}", path)
