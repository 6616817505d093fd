"""Tables a coordinator opens in a spreadsheet: as CSV for Dutch Excel, or as XLSX.

An export is a header and rows of typed cells: text, whole numbers, dates, local date-times
(naive, in the teams' time zone) or None for an empty cell. The same rows go out in either
form:

* CSV as Dutch Excel opens it by a double click: UTF-8 with a byte-order mark (else Excel
  reads the accents as Windows-1252), `;` between cells (the Dutch list separator; a comma
  puts everything in one column), CRLF line ends; a date as 2026-12-03, a date-time as
  2026-12-03 10:30. Every cell goes through `csvfile` (formula cells defused).
* XLSX (openpyxl): numbers as number cells, dates and date-times as date cells with a Dutch
  date format, text as text cells, defused by the same rule, so a cell typed into later is
  not read as a formula either.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from buurtlog import csvfile

Cell = str | int | date | datetime | None
FORMATS = ("csv", "xlsx")
MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SEPARATOR = ";"
DATE_FORMAT, DATETIME_FORMAT = "dd-mm-yyyy", "dd-mm-yyyy hh:mm"
WIDTH = 14  # characters: dates and codes fit without a double click on the column edge


def _csv_text(value: Cell) -> Cell:
    """Write dates and date-times as Excel reads them in any locale (ISO order, no T)."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """Write the rows as CSV for Dutch Excel: BOM, semicolons, CRLF."""
    out = io.StringIO()
    writer = csvfile.writer(out, delimiter=SEPARATOR, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_csv_text(value) for value in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(header: Sequence[str], rows: Iterable[Sequence[Cell]], title: str) -> bytes:
    """Write the rows as one sheet of an XLSX workbook, each cell of its own type."""
    book = Workbook(write_only=True)
    # Excel's rules for a sheet's name: at most 31 characters, none of \ / ? * [ ] :
    sheet = book.create_sheet(re.sub(r"[\\/?*\[\]:]", "-", title)[:31] or "buurtlog")
    sheet.freeze_panes = "A2"
    for column in range(len(header)):
        sheet.column_dimensions[get_column_letter(column + 1)].width = WIDTH
    sheet.append(list(header))
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(sheet, value: Cell):
    """Return a value as an XLSX cell: dates with a date format, text defused."""
    if isinstance(value, (date, datetime)):
        # openpyxl writes a date as well; its stubs name only datetime.
        cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]
        cell.number_format = DATETIME_FORMAT if isinstance(value, datetime) else DATE_FORMAT
        return cell
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=csvfile.defuse(value))
        cell.data_type = "s"  # never a formula, whatever it starts with
        return cell
    return value


def render(fmt: str, header: Sequence[str], rows: Iterable[Sequence[Cell]], title: str) -> bytes:
    """Write the rows in one of FORMATS."""
    return to_xlsx(header, rows, title) if fmt == "xlsx" else to_csv(header, rows)
