"""Numbers as each language writes them: decimal mark and thousands separator from its files."""

from __future__ import annotations

import math

from okrsim.i18n.catalog import table


def marks(lang: str) -> tuple[str, str]:
    """``(decimal mark, thousands separator)`` of ``lang``, e.g. ``(",", ".")`` in Italian."""
    spec = table(lang, "language")
    return spec["decimal_mark"], spec["thousands_separator"]


def localize(text: str, lang: str) -> str:
    """A number already written the English way (``"1,234.5"``, ``"82.2%"``) in ``lang``'s marks.

    Parameters
    ----------
    text : str
        English-formatted number text (dot for decimals, comma for thousands).
    lang : str
        A language code.

    Returns
    -------
    str
    """
    decimal, thousands = marks(lang)
    if (decimal, thousands) == (".", ","):
        return text
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """``value`` with thousands grouped and ``decimals`` decimals, in ``lang``'s marks.

    Parameters
    ----------
    value : float
    lang : str
    decimals : int, default 0

    Returns
    -------
    str
        ``format_number(1234.5, "it", 1) == "1.234,5"``; ``"n/a"`` style text is not produced:
        non-finite values are written as ``"∞"`` / ``"-∞"`` / ``"–"`` (not a number).
    """
    if math.isnan(value):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return localize(f"{value:,.{decimals}f}", lang)


def format_percent(fraction: float, lang: str, decimals: int = 1) -> str:
    """A fraction as a percentage in ``lang``'s marks (``0.425`` -> ``"42,5%"`` in Italian)."""
    return format_number(fraction * 100, lang, decimals) + "%"
