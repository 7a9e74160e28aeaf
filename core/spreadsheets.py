"""The project's one CSV/XLSX writer and its one cell neutraliser (OWASP "CSV injection").

In `core` because the attendance export and `reports` both write spreadsheets through it.

A text cell that starts with `= + - @`, a tab or a carriage return is run as a formula by Excel,
LibreOffice and Google Sheets (`=HYPERLINK(...)` in a learner's name becomes a link that leaks
data). Every such cell gets a leading apostrophe: spreadsheets then show the text and never
evaluate it; our importer strips the apostrophe again. Numbers and dates are written as numbers
and dates, so a negative figure stays a number.

Wagtail's own exports (listing exports of every ModelViewSet and snippet, its reports, form
submissions) all pass each value through `SpreadsheetExportMixin.preprocess_field_value`;
`install_wagtail_export_neutraliser()` routes that one seam through `neutralise` as well.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from functools import wraps

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value: str) -> str:
    """Text a spreadsheet will show, never evaluate."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, int | float):
        return str(value)
    return neutralise(str(value))


def csv_bytes(rows: Iterable[Sequence]) -> bytes:
    """Rows as CSV in UTF-8 with a byte-order mark (so Excel shows Vietnamese), text cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: Iterable[Sequence], *, title: str, widths: Sequence[int] = ()) -> bytes:
    """Rows as an Excel workbook written row by row; numbers and dates typed, text neutralised."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, datetime.date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "DD/MM/YYYY"
            elif value is None or isinstance(value, int | float):
                cell = WriteOnlyCell(sheet, value=value)
            else:
                # Text stays text (phone numbers keep their leading zero).
                cell = WriteOnlyCell(sheet, value=neutralise(str(value)))
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def install_wagtail_export_neutraliser() -> None:
    """Neutralise text in every Wagtail spreadsheet export (idempotent; called from CoreConfig.ready).

    Wagtail's exports of views we do not define (site history, page reports, form submissions) cannot
    be subclassed from here, and they all call `preprocess_field_value` for each cell: wrapping that one
    method covers them and every listing export of our own viewsets alike.

    Why a patch and not a hook: Wagtail 8 has no setting or hook for export values, and it leaves
    formula injection to the spreadsheet program (its security docs, "CSV export security
    considerations"). Its supported seams (`custom_value_preprocess`, `custom_field_preprocess`,
    overriding `preprocess_field_value`) are per view class, so they would reach our own viewsets
    only; and its own guard (an XLSX cell that openpyxl takes for a formula is written as text)
    leaves CSV exports open. Replace this once Wagtail neutralises exports itself or offers a hook.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises", False):
        return

    @wraps(original)
    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        return neutralise(value) if isinstance(value, str) else value

    preprocess_field_value.neutralises = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
