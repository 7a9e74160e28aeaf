"""Read: a list's bytes into rows of cells, once, within limits that hold for any file a district can send.

The type is sniffed from the bytes (the extension is not trusted); a workbook is measured before openpyxl
parses any of it. Cell helpers here turn a spreadsheet value into text or a date.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass

import openpyxl
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel

from core.text import nfc

MAX_BYTES = 5 * 1024 * 1024  # a 10,000-row list is well under 2 MB
MAX_ROWS = 20_000
MAX_COLUMNS = 100  # the person's columns and a column per day of the longest session
# A workbook is checked against these before openpyxl reads any of it: a small .xlsx can unpack to gigabytes.
MAX_UNZIPPED_BYTES = 40 * 1024 * 1024  # a 20,000-row list unpacks to under 15 MB
MAX_SHARED_STRINGS_BYTES = 15 * 1024 * 1024
MAX_ZIP_ENTRIES = 500
MAX_CELLS = 600_000  # 20,000 rows of 30 cells
MAX_CELLS_PER_ROW = 1_000  # formatted empty cells included
HEADER_SCAN_ROWS = 20
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls / .doc
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2}|\d{4}))?$")
_YMD = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$")
_TIME_SUFFIX = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?$")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"))


def clean_text(value) -> str:
    """A cell as text: NFC, no invisible characters, single spaces; whole floats lose their ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    text = nfc(str(value)).translate(_INVISIBLE)
    text = " ".join(text.split())
    # Our exports (and careful users) neutralise formulas with a leading apostrophe: undo it.
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        text = text[1:]
    return text


def _two_digit_year(yy: int) -> int:
    this = timezone.localdate().year
    return 2000 + yy if 2000 + yy <= this else 1900 + yy


def parse_date(value, *, default_year: int | None = None) -> datetime.date | None:
    """A day-first date from a cell: a spreadsheet date, an Excel serial or text; None if it is not one.

    Raises ValueError for something shaped like a date that does not exist (31/02/1990).
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 80_000:  # an Excel serial between 1900 and 2119
            return from_excel(value).date()
        return None
    text = _TIME_SUFFIX.sub("", clean_text(value))
    if match := _YMD.match(text):
        year, month, day = (int(g) for g in match.groups())
        return datetime.date(year, month, day)
    if match := _DMY.match(text):
        day, month, year_text = match.groups()
        if year_text is None:
            if default_year is None:
                return None
            year = default_year
        else:
            year = int(year_text)
            year = _two_digit_year(year) if len(year_text) == 2 else year
        return datetime.date(year, int(month), int(day))
    if re.fullmatch(r"\d{5}(\.0+)?", text):  # a serial that went through CSV as text
        return from_excel(float(text)).date()
    return None


class ImportFileError(Exception):
    """The file as a whole cannot be used (wrong type, too big, no header row)."""


@dataclass
class Sheet:
    """A list as read from its file, once: the preview and the confirm both work from it."""

    rows: list[tuple[int, list]]  # (spreadsheet line, cells)
    file_name: str = ""
    sha256: str = ""

    def to_json(self) -> str:
        return json.dumps({"file_name": self.file_name, "sha256": self.sha256, "rows": self.rows}, default=_encode_cell)

    @classmethod
    def from_json(cls, text: str) -> Sheet:
        data = json.loads(text, object_hook=_decode_cell)
        return cls(
            rows=[(line, cells) for line, cells in data["rows"]], file_name=data["file_name"], sha256=data["sha256"]
        )


def _encode_cell(value):
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    return str(value)  # times and durations are read as their text


def _decode_cell(value: dict):
    if "datetime" in value:
        return datetime.datetime.fromisoformat(value["datetime"])
    if "date" in value:
        return datetime.date.fromisoformat(value["date"])
    return value


def read_sheet(data: bytes, *, file_name: str = "") -> Sheet:
    """Read an uploaded list once, within the limits; ImportFileError says why a file cannot be read."""
    return Sheet(rows=read_rows(data), file_name=file_name, sha256=hashlib.sha256(data).hexdigest())


def read_rows(data: bytes) -> list[tuple[int, list]]:
    """The file's rows as (spreadsheet line number, cells); the type is sniffed from the bytes."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {"size": round(len(data) / 1048576, 1), "limit": MAX_BYTES // 1048576}
        )
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if data.startswith(XLSX_MAGIC):
        rows = _read_xlsx(data)
    elif data.startswith(OLE_MAGIC):
        raise ImportFileError(_("Old Excel files (.xls) are not supported: save the list as .xlsx or CSV."))
    else:
        rows = _read_csv(data)
    return [(line, _within_columns(line, cells)) for line, cells in rows]


def too_many_rows():
    return ImportFileError(_("The file has more than %(limit)s rows.") % {"limit": MAX_ROWS})


def _too_many_cells():
    return ImportFileError(
        _(
            "The workbook has too many cells (more than %(per_row)s in a row or %(total)s in all): copy the list "
            "alone into a new workbook and upload that."
        )
        % {"per_row": MAX_CELLS_PER_ROW, "total": MAX_CELLS}
    )


def _within_columns(line: int, cells) -> list:
    """The row's cells up to the last one filled in; a list wider than MAX_COLUMNS is refused."""
    cells = list(cells)
    while cells and (cells[-1] is None or cells[-1] == ""):
        cells.pop()
    if len(cells) > MAX_COLUMNS:
        raise ImportFileError(
            _("Line %(line)s has data beyond column %(limit)s; the list may have at most %(limit)s columns.")
            % {"line": line, "limit": MAX_COLUMNS}
        )
    return cells


# A cell or row element, with or without a namespace prefix ("<c r=…>", "<x:row>"); "<col>" and "<rowBreaks>" are not.
_SHEET_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)[\s/>]")


def _check_workbook(archive: zipfile.ZipFile) -> None:
    """Refuse a workbook that would take too much memory or time before openpyxl parses any of it.

    The sizes are those the archive declares; Python's zipfile never unpacks a member past its declared size.
    """
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_UNZIPPED_BYTES:
        raise ImportFileError(_("The workbook is too large once unpacked."))
    for entry in entries:
        name = entry.filename.lower()
        if name.endswith("sharedstrings.xml") and entry.file_size > MAX_SHARED_STRINGS_BYTES:
            raise ImportFileError(_("The workbook is too large once unpacked."))
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            _count_cells(archive, entry)


def _count_cells(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """Stream a worksheet's XML and count its cells, row by row, without building anything."""
    cells = in_row = 0
    tail = b""
    with archive.open(entry) as stream:
        while chunk := stream.read(1 << 16):
            data = tail + chunk
            cut = max(0, len(data) - 64)  # a tag cut in two is counted in the next round
            for match in _SHEET_TAG.finditer(data, 0, cut + 64):
                if match.start() >= cut:
                    break
                if match.group(1) == b"row":
                    in_row = 0
                    continue
                cells += 1
                in_row += 1
                if in_row > MAX_CELLS_PER_ROW or cells > MAX_CELLS:
                    raise _too_many_cells()
            tail = data[cut:]
    for match in _SHEET_TAG.finditer(tail):
        if match.group(1) == b"c":
            cells += 1
            in_row += 1
    if in_row > MAX_CELLS_PER_ROW or cells > MAX_CELLS:
        raise _too_many_cells()


def _read_xlsx(data: bytes) -> list[tuple[int, list]]:
    unreadable = _("The file could not be read as an Excel workbook (.xlsx).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_workbook(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise ImportFileError(unreadable) from exc
    try:
        # Read-only mode streams the sheet; openpyxl parses with defusedxml (a dependency of this project).
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for corrupt files
        raise ImportFileError(unreadable) from exc
    try:
        sheet = workbook.active or workbook.worksheets[0]
        rows = []
        # One column more than allowed, so that data beyond the limit is seen and refused, not dropped.
        cells_by_row = sheet.iter_rows(
            max_col=MAX_COLUMNS + 1, max_row=MAX_ROWS + HEADER_SCAN_ROWS + 1, values_only=True
        )
        for line, cells in enumerate(cells_by_row, start=1):
            if line > MAX_ROWS + HEADER_SCAN_ROWS:
                raise too_many_rows()
            rows.append((line, _within_columns(line, cells)))
        return rows
    except ImportFileError:
        raise
    except Exception as exc:  # a corrupt sheet fails while it is streamed
        raise ImportFileError(unreadable) from exc
    finally:
        workbook.close()


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:1000]:  # UTF-16 without a byte-order mark
        try:
            return data.decode("utf-16-le")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1258 (Vietnamese) writes tones as combining marks; clean_text makes them NFC.
        return data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise ImportFileError(_("The file's text encoding was not recognised; save it as CSV UTF-8.")) from exc


def _read_csv(data: bytes) -> list[tuple[int, list]]:
    text = _decode(data)
    head = text[:20_000]

    def widest(delimiter):
        rows = list(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter))[:30]
        return max((len(r) for r in rows), default=0)

    # The header row is the widest row; whichever delimiter splits it most is the one in use.
    delimiter = max([",", ";", "\t"], key=widest)
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for line, cells in enumerate(reader, start=1):
            if line > MAX_ROWS + HEADER_SCAN_ROWS:
                raise too_many_rows()
            rows.append((line, cells))
    except csv.Error as exc:
        raise ImportFileError(_("The CSV file is malformed: %(error)s") % {"error": exc}) from exc
    return rows
