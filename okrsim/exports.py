"""Text cells that stay text in a spreadsheet: the guard against CSV (formula) injection.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some programs, a
tab or a carriage return) as a formula. Every CSV and workbook the kit writes with text from
people (participants' names and answers, plan and key-result texts) passes that text through
:func:`safe_cell`; numbers stay numbers. The journal itself keeps exactly what was typed: the
protection belongs to the export, not to the storage.
"""

from __future__ import annotations

from typing import Any

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` made safe for a spreadsheet cell.

    Parameters
    ----------
    value : Any
        A cell value. Strings that start with a formula character get a leading apostrophe, the
        spreadsheet convention for "this is text"; everything else (numbers, dates, ``None``)
        is returned unchanged.

    Returns
    -------
    Any

    Examples
    --------
    >>> safe_cell('=HYPERLINK("http://x","Click")')
    '\\'=HYPERLINK("http://x","Click")'
    >>> safe_cell(-2.5)
    -2.5
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame_text(frame: Any) -> Any:
    """A copy of a pandas DataFrame whose text (object) columns pass through :func:`safe_cell`.

    Parameters
    ----------
    frame : pandas.DataFrame

    Returns
    -------
    pandas.DataFrame
        Numeric and datetime columns are untouched.
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(safe_cell)
    return out
