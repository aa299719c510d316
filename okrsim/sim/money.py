"""Amounts for people: the plan's currency and whole numbers with thousands separators."""

from __future__ import annotations

import math
from typing import Any

from okrsim.i18n import format_number

#: Currency symbols recognised in a plan's texts, and the codes that stand for them.
CURRENCIES = {"€": "€", "EUR": "€", "$": "$", "USD": "$", "£": "£", "GBP": "£", "CHF": "CHF "}
DEFAULT_CURRENCY = "€"


def currency_in(text: str) -> str:
    """The first currency symbol or code found in ``text``; the euro when there is none."""
    found = [(text.find(key), symbol) for key, symbol in CURRENCIES.items() if key in text]
    return min(found)[1] if found else DEFAULT_CURRENCY


def plan_currency(plan: Any) -> str:
    """The currency a plan writes its amounts in (its target key result's text, its name)."""
    target = plan.target_key_result()
    texts = [target.text if target is not None else "", plan.name,
             getattr(plan, "description", "") or ""]
    return currency_in(" ".join(t or "" for t in texts))


def round_safe(value: float, step: float, up: bool) -> float:
    """``value`` rounded to a multiple of ``step``, up or down (the side that keeps a promise)."""
    return (math.ceil if up else math.floor)(value / step - 1e-9 * (1 if up else -1)) * step


def amount(value: float, lang: str, currency: str = "", up: bool = True) -> str:
    """A large number for people: ``"€40,200"``, rounded to a readable step on the safe side.

    Parameters
    ----------
    value : float
    lang : {"en", "it"}
    currency : str
        Symbol written before the number (``""``: none).
    up : bool
        Round up (an "at least" answer) or down (an "at most" answer).
    """
    size = abs(value)
    step = 100 if size < 1e6 else 1_000
    rounded = round_safe(value, step, up) if size >= 1_000 else round(value)
    sign = "-" if rounded < 0 else ""
    return f"{sign}{currency}{format_number(abs(rounded), lang, 0)}"
