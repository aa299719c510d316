"""Short names of the model's inputs, the same as the dashboard's sliders, in each language.

Charts, reports and the cascade view name an input (``hiring.count``) by the short name a person
sees on its slider ("Hires", "Assunzioni"), never by its path in the plan file.
"""

from __future__ import annotations

from okrsim.i18n import catalog, format_number, format_percent
from okrsim.plan.finance import split_segment_path

_WORDS = catalog("charts", "The charts speak")

#: Inputs whose values are fractions, shown to people as percentages (as their sliders do).
FRACTION_INPUTS = frozenset({
    "reps.attainment", "hiring.washout", "attrition.annual", "retention.gross_annual",
    "retention.expansion_annual", "drivers.deal_value_change", "drivers.sales_cycle_change",
    "drivers.win_rate_change",
})


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


def input_value(path: str, value: float, lang: str = "en") -> str:
    """A value of a model input as a person reads it: ``"92%"``, ``"+20%"``, ``"4"``, ``"4,5"``.

    Parameters
    ----------
    path : str
        The input's path (a segment's input is read by its own path).
    value : float
        The value in the plan's units (fractions for shares and changes).
    lang : str
        The language of the number's marks.

    Returns
    -------
    str
        A percentage for a share or a change (a change carries its sign), else the number.
    """
    segment = split_segment_path(path)
    base = segment[1] if segment else path
    if base in FRACTION_INPUTS:
        decimals = 0 if abs(value * 100 - round(value * 100)) < 1e-9 else 1
        text = format_percent(value, lang, decimals)
        return ("+" + text) if base.endswith("_change") and value > 0 else text
    decimals = 0 if float(value).is_integer() else 1
    return format_number(value, lang, decimals)
