"""``simulate --xlsx``: the workbook a finance team opens (sheets Summary, Inputs, Monthly, Trials).

Numbers are written as numbers with formats (percent, currency, whole numbers), never as text.
Text from people (plan and key-result names) passes through :func:`okrsim.exports.safe_cell`
and is stored as a text cell, so a name such as ``=HYPERLINK(...)`` never becomes a formula.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from okrsim.errors import OkrsimError
from okrsim.exports import safe_cell
from okrsim.plan import Plan
from okrsim.plots.units import Units
from okrsim.reports.facts import (
    FLAG,
    HIRES,
    MONEY,
    PERCENT,
    TEXT,
    ending_values,
    input_rows,
    monthly_rows,
    summary_facts,
)

SHEETS = ("Summary", "Inputs", "Monthly", "Trials")
#: The Trials sheet inside the file (the fourth sheet created).
TRIALS_PART = "xl/worksheets/sheet4.xml"
#: Trials written to the Trials sheet at most (the CSV export has every trial).
MAX_TRIAL_ROWS = 50_000
PERCENT_FORMAT = "0.0%"
COUNT_FORMAT = "#,##0"
HIRES_FORMAT = "#,##0.0"
DECIMAL_FORMAT = "0.0000"


def money_format(units: Units) -> str:
    """The Excel number format of amounts in the plan's currency: ``"€"#,##0``."""
    symbol = units.currency.replace('"', "")
    return f'"{symbol}"#,##0;-"{symbol}"#,##0'


def write_workbook(result: Any, plan: Plan, path: str | Path, lang: str = "en",
                   max_trial_rows: int = MAX_TRIAL_ROWS) -> Path:
    """Write the simulation's workbook.

    Parameters
    ----------
    result : Result
        What :func:`okrsim.simulate` returned for ``plan``.
    plan : Plan
        The simulated plan (its inputs, currency and period).
    path : str or Path
        The ``.xlsx`` file to write.
    lang : {"en", "it"}
        Language of the labels (the sheet names stay Summary, Inputs, Monthly, Trials).
    max_trial_rows : int
        Trials written at most; a note under the table says when some were left out.

    Returns
    -------
    Path

    Raises
    ------
    OkrsimError
        For a file that does not end in ``.xlsx`` or cannot be written.
    """
    from openpyxl import Workbook

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise OkrsimError(f"{path}: the workbook file must end in .xlsx; "
                          f"got {path.suffix or 'no extension'!r}.")
    TEXT.check_lang(lang)
    units = Units.of(plan)
    book = Workbook(write_only=True)
    _summary(book.create_sheet("Summary"), result, units, lang)
    _inputs(book.create_sheet("Inputs"), plan, lang)
    _monthly(book.create_sheet("Monthly"), result, units, lang)
    frame = trials_frame(result)
    _trials(book.create_sheet("Trials"), frame)
    buffer = io.BytesIO()
    book.save(buffer)  # in memory first: a file that cannot be written leaves nothing half-made
    shown = min(result.trials, max(int(max_trial_rows), 1))
    note = None
    if shown < result.trials:
        note = TEXT.say(lang, "trials_note", shown=f"{shown:,}", total=f"{result.trials:,}")
    data = _fill_trials(buffer.getvalue(), frame, shown, note)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise OkrsimError(f"{path} cannot be written ({exc.strerror or exc}).") from None
    return path


def _cell(sheet: Any, value: Any, number_format: str | None = None, bold: bool = False) -> Any:
    """A write-only cell: text made safe and kept as text, numbers with their format."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=safe_cell(value))
        cell.data_type = "s"  # a string is text, even one that starts with "="
    else:
        cell = WriteOnlyCell(sheet, value=value)
        if number_format and value is not None:
            cell.number_format = number_format
    if bold:
        cell.font = Font(bold=True)
    return cell


def _header(sheet: Any, labels: Iterable[str]) -> None:
    sheet.append([_cell(sheet, label, bold=True) for label in labels])


def _summary(sheet: Any, result: Any, units: Units, lang: str) -> None:
    sheet.column_dimensions["A"].width = 58
    sheet.column_dimensions["B"].width = 40
    sheet.freeze_panes = "A2"
    _header(sheet, [TEXT.say(lang, "label.measure"), result.plan])
    formats = {PERCENT: PERCENT_FORMAT, MONEY: money_format(units), HIRES: HIRES_FORMAT}
    for fact in summary_facts(result, units, lang):
        value = fact.value
        if fact.kind == FLAG:
            value = TEXT.say(lang, "yes" if value else "no")
        sheet.append([_cell(sheet, fact.label), _cell(sheet, value, formats.get(fact.kind,
                                                                               COUNT_FORMAT))])
    for kr_id, odds in result.key_results.items():
        sheet.append([_cell(sheet, f"{TEXT.say(lang, 'col.p_meets')}: {kr_id}"),
                      _cell(sheet, odds.p_meets, PERCENT_FORMAT)])


def _inputs(sheet: Any, plan: Plan, lang: str) -> None:
    keys = ("path", "name", "description", "monte_carlo", "on_paper", "driven_by")
    for column, width in zip("ABCDEF", (32, 26, 56, 48, 16, 24), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    _header(sheet, [TEXT.say(lang, f"col.{k}") for k in keys])
    for row in input_rows(plan, lang):
        sheet.append([_cell(sheet, row[k], "General") for k in keys])


def _monthly(sheet: Any, result: Any, units: Units, lang: str) -> None:
    keys = ("month", "new_p10", "new_p50", "new_p90", "arr_p10", "arr_p50", "arr_p90",
            "paper_new", "paper_arr")
    sheet.column_dimensions["A"].width = 16
    for column in "BCDEFGHI":
        sheet.column_dimensions[column].width = 22
    sheet.freeze_panes = "B2"
    _header(sheet, [TEXT.say(lang, f"col.{k}") for k in keys])
    money = money_format(units)
    for row in monthly_rows(result, units, lang):
        sheet.append([_cell(sheet, float(row[k]) if k != "month" and row[k] is not None
                            else row[k], money) for k in keys])


def _trials(sheet: Any, frame: Any) -> None:
    """The Trials sheet's header and its first row; :func:`_fill_trials` writes the rest."""
    sheet.freeze_panes = "A2"
    _header(sheet, list(frame.columns))
    if not len(frame):
        return
    formats = {"trial": COUNT_FORMAT, "growth": PERCENT_FORMAT}
    first = frame.iloc[0].tolist()
    sheet.append([_cell(sheet, _plain(value), formats.get(name, "#,##0" if name in _MONEY_COLUMNS
                                                          else DECIMAL_FORMAT))
                  for name, value in zip(frame.columns, first, strict=True)])


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def trials_frame(result: Any) -> Any:
    """The per-trial table of the Trials sheet (and of the CSV): one row per trial."""
    frame = result.to_frame()
    frame.insert(2, "ending_value", ending_values(result))
    return frame


def _fill_trials(data: bytes, frame: Any, shown: int, note: str | None) -> bytes:
    """Write trials 2..``shown`` of the Trials sheet straight into its XML.

    openpyxl builds one Python object per cell, far too slow for 20,000 trials x 24 columns;
    the sheet's first data row (written by openpyxl with each column's style) is the template
    of every row, so the formats are the ones openpyxl registered.
    """
    from openpyxl.utils import get_column_letter

    source = zipfile.ZipFile(io.BytesIO(data))
    xml = source.read(TRIALS_PART).decode("utf-8")
    template = re.search(r'<row r="2"[^>]*>(.*?)</row>', xml)
    rows = []
    if template is not None:
        styles = re.findall(r'<c r="[A-Z]+2"( s="\d+")?( t="[a-z]+")?', template.group(1))
        columns = []
        for j, (name, (style, kind)) in enumerate(zip(frame.columns, styles, strict=True)):
            letter = get_column_letter(j + 1)
            values = frame[name].to_numpy()[:shown]
            if kind == ' t="b"':
                text = np.where(values.astype(bool), "1", "0").tolist()
            elif values.dtype.kind in "iu":
                text = values.astype(str).tolist()
            else:
                text = [repr(v) for v in values.astype(float).tolist()]
            columns.append([f'<c r="{letter}{i}"{style}{kind}><v>{v}</v></c>'
                            for i, v in enumerate(text, start=2)])
        rows = [f'<row r="{i}">{"".join(cells)}</row>'
                for i, cells in enumerate(zip(*columns, strict=True), start=2)]
    if note:
        rows.append(f'<row r="{shown + 3}"><c r="A{shown + 3}" t="inlineStr"><is><t>'
                    f"{html.escape(note, quote=False)}</t></is></c></row>")
    body = "".join(rows)
    if template is not None:
        xml = xml[:template.start()] + body + xml[template.end():]
    else:
        xml = xml.replace("</sheetData>", body + "</sheetData>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for item in source.infolist():
            content = xml.encode("utf-8") if item.filename == TRIALS_PART else source.read(item)
            target.writestr(item.filename, content)
    return out.getvalue()


_MONEY_COLUMNS = {"ending_value", "new_revenue", "retained_base", "existing_reps", "new_hires",
                  "backfills", "input:reps.monthly_quota"}
