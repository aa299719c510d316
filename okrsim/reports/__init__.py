"""What an analyst hands on: the workbook, the one-page HTML report, the per-trial CSV.

- :func:`write_workbook` -- ``simulate --xlsx``: sheets Summary, Inputs, Monthly, Trials.
- :func:`write_report` -- ``okrsim report``: one self-contained printable page.
- :func:`write_trials_csv` -- ``simulate --csv``: one row per trial under a header comment.

Text from people goes through :func:`okrsim.exports.safe_cell` in every spreadsheet output and
through :func:`html.escape` in the page.
"""

from __future__ import annotations

from okrsim.reports.page import render_report, write_report
from okrsim.reports.trials_csv import write_trials_csv
from okrsim.reports.workbook import write_workbook

__all__ = ["render_report", "write_report", "write_trials_csv", "write_workbook"]
