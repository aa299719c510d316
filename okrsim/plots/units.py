"""How the charts write money and months: the plan's currency, calendar months of its period.

Pure formatting, no matplotlib: the report and the workbook use the same words as the charts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from okrsim.i18n import catalog, format_number
from okrsim.sim.money import DEFAULT_CURRENCY, currency_in, plan_currency

#: The charts' words: ``WORDS.say(lang, key, ...)``.
WORDS = catalog("charts", "The charts speak")


@dataclass(frozen=True)
class Units:
    """The currency and the calendar of a plan, for axis labels and tables.

    Attributes
    ----------
    currency : str
        Symbol written before amounts, e.g. ``"€"``.
    start : str or None
        First month of the plan's period, ``"YYYY-MM"``; ``None`` numbers the months 1, 2, ...
    """

    currency: str = DEFAULT_CURRENCY
    start: str | None = None

    @classmethod
    def of(cls, plan: Any) -> Units:
        """The units of a :class:`~okrsim.plan.Plan` (its texts' currency, its period's start).

        Parameters
        ----------
        plan : Plan or None
            ``None`` gives the defaults (euro, months numbered).

        Returns
        -------
        Units
        """
        if plan is None:
            return cls()
        return cls(plan_currency(plan), getattr(plan, "start", None))

    def money(self, value: float, lang: str = "en", short: bool = True,
              precise: bool = False) -> str:
        """An amount with its currency: ``"€13.2M"``, ``"€40,200"`` (Italian ``"€13,2M"``).

        Parameters
        ----------
        value : float
        lang : {"en", "it"}
        short : bool
            Millions and thousands as ``M`` and ``k`` with one decimal (axis ticks).
        precise : bool
            With ``short``, a second decimal when one would round the value (``"€12.25M"``).
        """
        sign = "-" if value < 0 else ""
        size = abs(value)
        if short:
            for unit, scale in (("M", 1e6), ("k", 1e3)):
                if size >= scale:
                    x = size / scale
                    digits = 2 if precise and round(x, 1) != round(x, 2) else 1
                    return f"{sign}{self.currency}{format_number(x, lang, digits)}{unit}"
        return f"{sign}{self.currency}{format_number(size, lang, 0)}"

    def month_names(self, months: int, lang: str = "en") -> list[str]:
        """Calendar names of the period's months, the year on its first month and on January
        (``"Jan 27", "Feb", ...``); ``"1"``, ``"2"``... without a start month."""
        if not self.start or not re.fullmatch(r"\d{4}-\d{2}", self.start):
            return [str(m) for m in range(1, months + 1)]
        names = WORDS.say(lang, "months").split()
        year, month = int(self.start[:4]), int(self.start[5:]) - 1
        out = []
        for offset in range(months):
            y, m = divmod(month + offset, 12)
            first = offset == 0 or m == 0
            out.append(f"{names[m]} {(year + y) % 100:02d}" if first else names[m])
        return out


__all__ = ["DEFAULT_CURRENCY", "WORDS", "Units", "currency_in"]
