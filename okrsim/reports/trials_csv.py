"""``simulate --csv``: one row per trial, under a header comment naming plan, seed and units."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from okrsim.errors import OkrsimError
from okrsim.exports import safe_cell
from okrsim.plots.units import Units
from okrsim.reports.facts import ending_values

#: Prefix of the header comment lines (spreadsheets and pandas skip them with ``comment="#"``).
COMMENT = "# "


def header_lines(result: Any, units: Units) -> list[str]:
    """The comment lines above the table: plan, seed, trials, units of each column."""
    money = f"money in {units.currency.strip()}"
    return [
        f"plan: {result.plan}",
        f"seed: {result.seed}  trials: {result.trials}  months: {result.months}  "
        f"period start: {units.start or 'not given'}  basis: {result.basis}",
        f"units: growth as a fraction (0.1 = +10%)  ending_value = {result.basis.upper()} at the "
        f"end of the period  new_revenue / retained_base / existing_reps / new_hires / "
        f"backfills: {money}  input:* columns in each input's own unit",
        f"target: {result.target:.2f} ({money})  target growth {result.target_growth:.6f}",
    ]


def one_cell(text: str) -> str:
    """A comment line that a spreadsheet reads as one text cell starting with ``#``.

    Commas, tabs and line breaks (which would split the line into cells, each a possible
    formula) become spaces; the ``#`` in front keeps the cell text.
    """
    for mark in (",", ";", "\t", "\r", "\n"):
        text = text.replace(mark, " ")
    return text


def write_trials_csv(result: Any, path: str | Path, units: Units | None = None) -> Path:
    """Write one row per trial (growth, ending value, revenue parts, inputs drawn).

    Parameters
    ----------
    result : Result
    path : str or Path
    units : Units, optional
        Currency and period named in the header comment.

    Returns
    -------
    Path

    Raises
    ------
    OkrsimError
        When the file cannot be written.
    """
    units = units or Units()
    path = Path(path)
    frame = result.to_frame()
    frame.insert(2, "ending_value", ending_values(result))
    try:
        with path.open("w", newline="", encoding="utf-8") as handle:
            for line in header_lines(result, units):
                handle.write(COMMENT + one_cell(line) + "\n")
            writer = csv.writer(handle)
            writer.writerow([safe_cell(c) for c in frame.columns])
            frame.to_csv(handle, index=False, header=False, lineterminator="\n")
    except OSError as exc:
        raise OkrsimError(f"{path} cannot be written ({exc.strerror or exc}).") from None
    return path
