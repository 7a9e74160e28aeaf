"""Import a district's participant and attendance list (CSV or XLSX) into one training session.

The pipeline: read the file safely (type sniffed from its bytes, size and rows capped) → find the
header row below any title rows → normalise and validate each row with a Form → group rows that
are the same person → match people already known (by phone, then by email) → plan → write it all
in one transaction, or nothing at all when any row is bad.

Same person twice in one file: rows sharing a phone number or an email address are one person.
When they agree (same name once folded, no conflicting details) they are merged, their attendance
marks combined (present wins), and the report says so; when they disagree the later row is an error.

Attendance marks: "x", "có", "1", "✓" … mean present; "vắng", "0", "k" … mean absent; a blank cell
records nothing and never deletes what is already recorded. Re-importing a file therefore changes
nothing, and an exported list (see ``trainers.exporting``) imports back unchanged.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import hashlib
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

import openpyxl
from django import forms
from django.contrib.auth import get_user_model
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from openpyxl.utils.datetime import from_excel
from wagtail.log_actions import log

from accounts.phones import normalise_phone
from courses.text import fold_vi

from .models import Area, Attendance, Profile, SessionParticipant, TrainingSession, admin_area_ids

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
IMPORT_LOG_ACTION = "trainers.import_attendance"

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls / .doc

# The columns we read, each with the headings districts use (folded: no marks, đ→d, lower case).
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "so tt", "so thu tu", "thu tu", "no", "#"),
    "full_name": (
        "ho va ten",
        "ho ten",
        "ho va ten hoc vien",
        "ho ten hoc vien",
        "ho va ten dai bieu",
        "ho ten dai bieu",
        "ten hoc vien",
        "hoc vien",
        "full name",
        "name",
    ),
    "gender": ("gioi tinh", "gioi", "phai", "nam nu", "gender", "sex"),
    "birth": (
        "ngay sinh",
        "nam sinh",
        "ngay thang nam sinh",
        "ngay thang sinh",
        "sinh ngay",
        "nam sinh ngay sinh",
        "date of birth",
        "birth date",
        "year of birth",
    ),
    "organisation": (
        "don vi cong tac",
        "co quan",
        "don vi",
        "co quan cong tac",
        "co quan don vi",
        "don vi co quan",
        "noi cong tac",
        "chuc vu don vi cong tac",
        "organisation",
        "organization",
    ),
    "phone": (
        "so dien thoai",
        "sdt",
        "dien thoai",
        "dt",
        "so dt",
        "dtdd",
        "dien thoai di dong",
        "di dong",
        "phone",
        "phone number",
    ),
    "email": ("email", "e mail", "thu dien tu", "dia chi email", "dia chi thu dien tu"),
    "commune": (
        "xa phuong",
        "phuong xa",
        "xa phuong thi tran",
        "xa thi tran",
        "xa",
        "phuong",
        "thi tran",
        "dia ban",
        "dia ban xa phuong",
        "dia chi xa",
        "dia chi xa phuong",
        "don vi xa",
        "don vi xa phuong",
        "xa phuong noi cu tru",
        "commune",
    ),
    # An address or a unit that names the commune ("Thôn 3, xã Duy Hòa"), read for the commune when there
    # is no commune column of its own.
    "address": ("dia chi", "dia chi thuong tru", "noi o", "noi o hien nay", "noi cu tru", "que quan", "address"),
    # "Năm sinh" split into Nam / Nữ sub-columns: the year written under one of them gives both.
    "male": ("nam",),
    "female": ("nu",),
}
FIELD_LABELS = {
    "full_name": gettext_lazy("full name"),
    "gender": gettext_lazy("gender"),
    "birth": gettext_lazy("date of birth"),
    "organisation": gettext_lazy("organisation"),
    "phone": gettext_lazy("phone number"),
    "email": gettext_lazy("email"),
    "commune": gettext_lazy("commune"),
    "address": gettext_lazy("address"),
}
# "v" (vắng? ✓?) and "p" (present? phép?) mean opposite things in different districts: they are refused.
PRESENT_MARKS = {"x", "co", "1", "co mat", "yes", "y", "true", "\u2713", "\u2714", "\u2611", "+"}
ABSENT_MARKS = {"0", "-", "vang", "vang mat", "nghi", "k", "ko", "khong", "co phep", "vang co phep", "kp", "no", "n"}
ABSENT_MARKS |= {"false"}
GENDERS = {
    "nu": Profile.FEMALE,
    "f": Profile.FEMALE,
    "female": Profile.FEMALE,
    "nam": Profile.MALE,
    "m": Profile.MALE,
    "male": Profile.MALE,
    "khac": Profile.OTHER,
    "other": Profile.OTHER,
}
COMMUNE_PREFIXES = ("thi tran ", "phuong ", "xa ", "tt ", "p ")

_PARENS = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^0-9a-z#]+")
_DAY_INDEX = re.compile(r"^ngay(?: thu)? (\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2}|\d{4}))?$")
_YMD = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$")
_TIME_SUFFIX = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?$")
_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?e\+?\d+$", re.IGNORECASE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"))


def _header_key(value, *, keep_parentheses: bool = False) -> str:
    """A heading reduced to bare words, so "Số điện thoại (*):" and "so dien thoai" compare equal."""
    text = fold_vi(str(value))
    if not keep_parentheses:
        text = _PARENS.sub(" ", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


_HEADINGS = {_header_key(s): name for name, synonyms in FIELD_SYNONYMS.items() for s in synonyms}


def _heading_field(value) -> str | None:
    """The field a heading names; words in parentheses count when they decide it ("Địa chỉ (xã)")."""
    return _HEADINGS.get(_header_key(value, keep_parentheses=True)) or _HEADINGS.get(_header_key(value))


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
    text = unicodedata.normalize("NFC", str(value)).translate(_INVISIBLE)
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


def parse_mark(value) -> bool | None:
    """An attendance cell: True (present), False (absent), None (blank); ValueError if unreadable."""
    if isinstance(value, bool):
        return value
    text = fold_vi(clean_text(value)).strip(".")
    if not text:
        return None
    if text in PRESENT_MARKS:
        return True
    if text in ABSENT_MARKS:
        return False
    raise ValueError(text)


# ---------------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------------


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


def _too_many_rows():
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
                raise _too_many_rows()
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
                raise _too_many_rows()
            rows.append((line, cells))
    except csv.Error as exc:
        raise ImportFileError(_("The CSV file is malformed: %(error)s") % {"error": exc}) from exc
    return rows


# ---------------------------------------------------------------------------------------------
# Finding the header
# ---------------------------------------------------------------------------------------------


@dataclass
class Layout:
    """Where each column is: the header line, the first data line, fields and attendance days."""

    header_line: int
    data_start: int  # index into the rows list
    columns: dict[str, int]
    headings: dict[str, str]  # field → the heading as written, for the report
    days: dict[datetime.date, int]
    day_headings: dict[datetime.date, str]


def _header_day(value, session: TrainingSession) -> datetime.date | None:
    if isinstance(value, datetime.date | datetime.datetime):
        return parse_date(value)
    key = _header_key(value)
    if match := _DAY_INDEX.match(key):
        return session.starts_on + datetime.timedelta(days=int(match.group(1)) - 1)
    text = re.sub(r"^(ngay|diem danh)\s*", "", fold_vi(clean_text(value)))
    try:
        return parse_date(text, default_year=session.starts_on.year) if text else None
    except ValueError:
        return None


def _classify(cells: list, session: TrainingSession) -> tuple[dict[int, str], dict[int, datetime.date]]:
    fields: dict[int, str] = {}
    days: dict[int, datetime.date] = {}
    for index, cell in enumerate(cells):
        if cell is None or clean_text(cell) == "":
            continue
        name = _heading_field(cell)
        if name:
            fields[index] = name
        elif day := _header_day(cell, session):
            days[index] = day
    return fields, days


def find_layout(rows: list[tuple[int, list]], session: TrainingSession) -> Layout:
    """The header row (the one among the first rows that names most known columns) and its columns."""
    best = None
    for position, (_line, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields, days = _classify(cells, session)
        found = set(fields.values()) - {"male", "female"}
        score = len(found) + (1 if days else 0)
        if "full_name" in found and score >= 2 and (best is None or score > best[0]):
            best = (score, position, fields, days)
    if best is None:
        raise ImportFileError(
            _(
                "No header row was found in the first %(rows)s rows: the list needs a “Họ và tên” column "
                "and a “Số điện thoại” or “Email” column."
            )
            % {"rows": HEADER_SCAN_ROWS}
        )
    _score, position, fields, days = best
    data_start = position + 1
    # A two-row header: "Điểm danh" over "Ngày 1 | Ngày 2", or "Năm sinh" over "Nam | Nữ".
    if data_start < len(rows):
        name_column = next(i for i, f in fields.items() if f == "full_name")
        sub_cells = rows[data_start][1]
        if name_column >= len(sub_cells) or clean_text(sub_cells[name_column]) == "":
            sub_fields, sub_days = _classify(sub_cells, session)
            filled = sum(1 for c in sub_cells if clean_text(c))
            if filled != len(sub_fields) + len(sub_days):
                sub_fields, sub_days = {}, {}  # a data row whose name is missing, not a second header row
            sub_fields = {
                i: f
                for i, f in sub_fields.items()
                # "Năm sinh" over "Nam | Nữ": the sub-columns replace the merged birth column.
                if (i not in fields or (fields[i] == "birth" and f in ("male", "female"))) and f not in fields.values()
            }
            sub_days = {i: d for i, d in sub_days.items() if i not in fields}
            if sub_fields or sub_days:
                fields.update(sub_fields)
                days.update(sub_days)
                data_start += 1
    header_cells = {}
    for pos in range(position, data_start):
        for index, cell in enumerate(rows[pos][1]):
            if clean_text(cell):
                header_cells[index] = clean_text(cell)
    layout = Layout(
        header_line=rows[position][0], data_start=data_start, columns={}, headings={}, days={}, day_headings={}
    )
    problems = []
    for index, name in sorted(fields.items()):
        if name in layout.columns:
            continue  # a repeated heading: the first column wins
        layout.columns[name] = index
        layout.headings[name] = header_cells.get(index, name)
    if "male" in layout.columns and "female" not in layout.columns:
        layout.columns.pop("male")  # "Nam" alone is not the split-gender layout
    if "phone" not in layout.columns and "email" not in layout.columns:
        problems.append(_("The list needs a “Số điện thoại” or an “Email” column to recognise people."))
    for index, day in sorted(days.items()):
        heading = header_cells.get(index, str(day))
        if day in layout.days:
            problems.append(_("Column “%(heading)s” repeats the day %(day)s.") % {"heading": heading, "day": _d(day)})
        elif not session.starts_on <= day <= session.ends_on:
            problems.append(
                _("Column “%(heading)s” (%(day)s) is outside the session's dates, %(start)s to %(end)s.")
                % {"heading": heading, "day": _d(day), "start": _d(session.starts_on), "end": _d(session.ends_on)}
            )
        else:
            layout.days[day] = index
            layout.day_headings[day] = heading
    if problems:
        raise ImportFileError(" ".join(problems))
    return layout


def _d(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


# ---------------------------------------------------------------------------------------------
# Validating rows
# ---------------------------------------------------------------------------------------------


class _PassThrough(forms.Field):
    """A field whose raw value may be a date, a number or text (spreadsheet cells)."""

    def to_python(self, value):
        return value


class TextField(forms.CharField):
    def to_python(self, value):
        return clean_text(value)


class GenderField(_PassThrough):
    def to_python(self, value):
        text = fold_vi(clean_text(value)).strip(".")
        if not text:
            return ""
        if text in GENDERS:
            return GENDERS[text]
        raise forms.ValidationError(
            _("“%(value)s” is not a gender: write Nam or Nữ."), code="gender", params={"value": clean_text(value)}
        )


class BirthField(_PassThrough):
    """A date of birth (any common form, day first) or just a year; cleans to (date, year)."""

    def to_python(self, value):
        if value is None or clean_text(value) == "":
            return (None, None)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = clean_text(value)
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
            if not 1900 <= year <= timezone.localdate().year:
                raise forms.ValidationError(_("%(value)s is not a plausible year of birth."), params={"value": text})
            return (None, year)
        try:
            day = parse_date(value)
        except ValueError:
            day = None
            shaped = True
        else:
            shaped = False
        if day is None:
            message = (
                _("“%(value)s” is not a valid date: write day/month/year.")
                if shaped
                else _("“%(value)s” is not a date of birth (dd/mm/yyyy) or a year.")
            )
            raise forms.ValidationError(message, params={"value": text})
        if not datetime.date(1900, 1, 1) <= day <= timezone.localdate():
            raise forms.ValidationError(_("%(value)s is not a plausible date of birth."), params={"value": _d(day)})
        return (day, day.year)


class PhoneField(_PassThrough):
    def to_python(self, value):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = clean_text(value)
        if not text:
            return None
        if _SCIENTIFIC.match(text):
            raise forms.ValidationError(
                _("“%(value)s” was shortened by Excel: format the column as text and type the number again."),
                params={"value": text},
            )
        phone = normalise_phone(text)
        if phone is None:
            raise forms.ValidationError(_("“%(value)s” is not a valid phone number."), params={"value": text})
        return phone


class ParticipantRowForm(forms.Form):
    """One row of an attendance list, after the cells were picked out by column."""

    full_name = TextField(max_length=150)
    gender = GenderField(required=False)
    birth = BirthField(required=False)
    organisation = TextField(max_length=200, required=False)
    phone = PhoneField(required=False)
    email = forms.EmailField(required=False, max_length=254)
    commune = TextField(max_length=120, required=False)
    address = TextField(max_length=300, required=False)

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower() or None

    def clean(self):
        data = super().clean()
        if "phone" not in self.errors and "email" not in self.errors and not (data.get("phone") or data.get("email")):
            raise forms.ValidationError(_("Enter a phone number or an email address."), code="no_contact")
        return data


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


@dataclass
class Issue:
    line: int | None  # spreadsheet line; None for the file as a whole
    column: str
    message: str


@dataclass
class PersonRow:
    """A person as the file describes them (one row, or several rows merged)."""

    line: int
    full_name: str
    gender: str = ""
    birth_date: datetime.date | None = None
    birth_year: int | None = None
    organisation: str = ""
    phone: str | None = None
    email: str | None = None
    commune: str = ""
    address: str = ""
    marks: dict[datetime.date, bool] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)
    user_id: int | None = None
    commune_area: Area | None = None


@dataclass
class ImportReport:
    session: TrainingSession
    file_name: str = ""
    sha256: str = ""
    header_line: int | None = None
    end_line: int | None = None  # where the place-and-date line or signature block begins
    days: list[datetime.date] = field(default_factory=list)
    rows_read: int = 0
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    people_new: int = 0
    people_existing: int = 0
    duplicates_merged: int = 0
    participants_new: int = 0
    participants_existing: int = 0
    attendance_new: int = 0
    attendance_changed: int = 0
    attendance_unchanged: int = 0
    dry_run: bool = False
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def bad_lines(self) -> list[int]:
        return sorted({e.line for e in self.errors if e.line is not None})

    @property
    def changes(self) -> int:
        return self.people_new + self.participants_new + self.attendance_new + self.attendance_changed

    def error(self, line: int | None, column, message) -> None:
        self.errors.append(Issue(line, str(column or ""), str(message)))

    def warn(self, line: int | None, column, message) -> None:
        self.warnings.append(Issue(line, str(column or ""), str(message)))

    def summary(self) -> list[str]:
        """The counts, in the words both the admin preview and the command use."""
        lines = [
            _("Session: %(session)s") % {"session": self.session},
            _("File: %(name)s") % {"name": self.file_name or "-"},
        ]
        if self.header_line:
            days = ", ".join(_d(d) for d in self.days) or _("none")
            lines.append(
                _("Header on line %(line)s; attendance days: %(days)s.") % {"line": self.header_line, "days": days}
            )
        if self.end_line:
            lines.append(
                _("The list ends above line %(line)s (the place and date or the signatures).") % {"line": self.end_line}
            )
        lines += [
            ngettext("%(count)s row read.", "%(count)s rows read.", self.rows_read) % {"count": self.rows_read},
            _("People: %(new)s new, %(existing)s already in the system.")
            % {"new": self.people_new, "existing": self.people_existing},
            _("Participants: %(new)s to enrol, %(existing)s already enrolled.")
            % {"new": self.participants_new, "existing": self.participants_existing},
            _("Attendance marks: %(new)s new, %(changed)s changed, %(same)s unchanged.")
            % {"new": self.attendance_new, "changed": self.attendance_changed, "same": self.attendance_unchanged},
        ]
        if self.duplicates_merged:
            lines.append(
                ngettext(
                    "%(count)s repeated row merged into the same person.",
                    "%(count)s repeated rows merged into the same person.",
                    self.duplicates_merged,
                )
                % {"count": self.duplicates_merged}
            )
        return lines

    def outcome(self) -> str:
        if self.errors:
            return ngettext(
                "%(count)s row has errors; nothing was written. Correct the file and import it again.",
                "%(count)s rows have errors; nothing was written. Correct the file and import it again.",
                max(len(self.bad_lines), 1),
            ) % {"count": max(len(self.bad_lines), 1)}
        if self.dry_run:
            return _("Dry run: the file is valid; nothing was written.")
        if self.written and self.changes:
            return _("Imported.")
        return _("Nothing to change: everything in the file is already recorded.")

    def as_text(self) -> str:
        """The report as plain text, for the command line."""
        out = list(self.summary())
        for title, issues in ((_("Errors"), self.errors), (_("Warnings"), self.warnings)):
            if issues:
                out.append(f"{title} ({len(issues)}):")
                for issue in issues:
                    where = _("line %(line)s") % {"line": issue.line} if issue.line else _("file")
                    column = f" [{issue.column}]" if issue.column else ""
                    out.append(f"  {where}{column}: {issue.message}")
        out.append(self.outcome())
        return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Scope
# ---------------------------------------------------------------------------------------------


def sessions_visible_to(user) -> models.QuerySet:
    """The sessions a user may import into and export: the models' one rule of who sees what."""
    return TrainingSession.objects.visible_to(user)


def can_import(user) -> bool:
    """Administrators who may enrol participants (district and province roles, superusers) use the lists."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm("trainers.add_sessionparticipant"))


def home_district(area: Area) -> Area:
    """The district (or city/town) an area belongs to; the area itself if it has none above it."""
    current = area
    while current is not None and current.kind not in Area.DISTRICT_KINDS:
        current = current.parent
    return current or area


# ---------------------------------------------------------------------------------------------
# Planning
# ---------------------------------------------------------------------------------------------


def _cell(cells: list, index: int | None):
    if index is None or index >= len(cells):
        return None
    return cells[index]


# Below the table, districts write the place and date and a signature block; a total row may close it.
_END_OF_LIST = re.compile(
    r"\bngay\b.*\bthang\b.*\bnam\b"  # "Duy Xuyên, ngày 12 tháng 3 năm 2024"
    r"|\bnguoi lap\b|\bky,? (va )?ghi ro ho ten\b|\bky ten\b|\bky, dong dau\b"
    r"|^(tm|kt|tl|tuq)\b|^(tong cong|tong so|cong)\s*(:|\d|\(|$)"  # "TM. UBND", "Tổng cộng: 25"
    r"|^xac nhan\b|^thu truong\b|^(pho )?chu tich\b|^giam doc\b"
)
CONTINUED_FIELDS = ("organisation", "address", "commune")
_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2}|[a-z])\)?$")  # "(1) (2) (3)" under the header
_GROUP_HEADING = re.compile(r"^([ivx]+|[a-z]|\d{1,2})[.)]\s")  # "I. Xã Duy Hòa", "a) Đoàn viên"


def _row_kind(cells: list, layout: Layout) -> str:
    """What a row below the header is: "person", "continuation", "blank", "numbers", "heading" or "end"."""
    cols = layout.columns
    read = [i for i in (*cols.values(), *layout.days.values()) if i != cols.get("stt")]
    filled = [clean_text(_cell(cells, i)) for i in read if clean_text(_cell(cells, i))]
    if not filled:
        return "blank"  # blank, a pre-numbered row never filled in, or notes outside the list's columns
    texts = [fold_vi(clean_text(c)) for c in cells if clean_text(c)]
    contact = clean_text(_cell(cells, cols.get("phone"))) or clean_text(_cell(cells, cols.get("email")))
    name = clean_text(_cell(cells, cols.get("full_name")))
    ends = [text for text in texts if _END_OF_LIST.search(text)]
    # A person's row (a name beside the words, or a contact) never ends the list.
    if ends and not contact and (not name or fold_vi(name) in ends):
        return "end"
    if len(texts) >= 3 and all(_COLUMN_NUMBER.match(text) for text in texts):
        return "numbers"
    if filled == [name] and (name.isupper() or _GROUP_HEADING.match(fold_vi(name))):
        return "heading"
    wrapped = {cols.get(f) for f in CONTINUED_FIELDS} - {None}
    if not clean_text(_cell(cells, cols.get("stt"))) and all(i in wrapped for i in read if clean_text(_cell(cells, i))):
        return "continuation"  # a second line of the row above, whose other cells are merged over both
    return "person"


def _validate_rows(rows, layout: Layout, report: ImportReport) -> list[PersonRow]:
    cols = layout.columns
    people = []
    ended = False
    previous = None  # the person on the row above, when it was read
    for line, cells in rows[layout.data_start :]:
        kind = _row_kind(cells, layout)
        if kind == "continuation" and not ended:
            if previous is not None and previous.lines[-1] == line - 1:
                for name in CONTINUED_FIELDS:
                    if text := clean_text(_cell(cells, cols.get(name))):
                        longest = ParticipantRowForm.base_fields[name].max_length
                        setattr(previous, name, f"{getattr(previous, name)} {text}".strip()[:longest])
                previous.lines.append(line)
            continue
        if kind == "end" and not ended:
            ended, report.end_line = True, line
        if kind in ("blank", "numbers", "end"):
            continue
        if kind == "heading":
            report.warn(
                line,
                "",
                _("“%(text)s” was read as a heading, not a person.") % {"text": _cell(cells, cols["full_name"])},
            )
            continue
        if ended and not any(clean_text(_cell(cells, cols.get(f))) for f in ("phone", "email")):
            continue  # the signers' names under the signature block
        report.rows_read += 1
        data = {name: _cell(cells, cols.get(name)) for name in FIELD_LABELS}
        split_gender_error = None
        if "male" in cols:
            male, female = _cell(cells, cols["male"]), _cell(cells, cols["female"])
            filled = [(g, v) for g, v in ((Profile.MALE, male), (Profile.FEMALE, female)) if clean_text(v)]
            if len(filled) > 1:
                split_gender_error = _("Both the Nam and the Nữ columns are filled in.")
            elif filled:
                gender, value = filled[0]
                data["gender"] = "nam" if gender == Profile.MALE else "nu"
                try:
                    is_mark = parse_mark(value) is not None
                except ValueError:
                    is_mark = False
                if not is_mark and not clean_text(data["birth"]):
                    data["birth"] = value
        form = ParticipantRowForm(data=data)
        valid = form.is_valid()
        if split_gender_error:
            report.error(line, FIELD_LABELS["gender"], split_gender_error)
            valid = False
        for name, messages in form.errors.items():
            column = layout.headings.get(name, FIELD_LABELS.get(name, "")) if name != "__all__" else ""
            for message in messages:
                report.error(line, column, message)
        marks = {}
        for day, index in layout.days.items():
            try:
                mark = parse_mark(_cell(cells, index))
            except ValueError:
                report.error(
                    line,
                    layout.day_headings[day],
                    _("“%(value)s” is not an attendance mark: write x for present, or leave it blank.")
                    % {"value": clean_text(_cell(cells, index))},
                )
                valid = False
                continue
            if mark is not None:
                marks[day] = mark
        if not valid:
            continue
        data = form.cleaned_data
        birth_date, birth_year = data["birth"]
        people.append(
            PersonRow(
                line=line,
                lines=[line],
                full_name=data["full_name"],
                gender=data["gender"],
                birth_date=birth_date,
                birth_year=birth_year,
                organisation=data["organisation"],
                phone=data["phone"],
                email=data["email"],
                commune=data["commune"],
                address=data["address"],
                marks=marks,
            )
        )
        previous = people[-1]
    return people


def _merge_duplicates(rows: list[PersonRow], report: ImportReport) -> list[PersonRow]:
    """One PersonRow per person: rows sharing a phone or an email are merged, or reported if they disagree."""
    people: list[PersonRow] = []
    by_key: dict[str, PersonRow] = {}
    for row in rows:
        keys = [k for k in (row.phone and f"p:{row.phone}", row.email and f"e:{row.email}") if k]
        matches = []
        for key in keys:
            if key in by_key and by_key[key] not in matches:
                matches.append(by_key[key])
        if not matches:
            people.append(row)
            for key in keys:
                by_key[key] = row
            continue
        if len(matches) > 1:
            report.error(
                row.line,
                "",
                _("The phone number matches line %(phone_line)s and the email matches line %(email_line)s.")
                % {"phone_line": matches[0].line, "email_line": matches[1].line},
            )
            continue
        first = matches[0]
        conflicts = []
        if fold_vi(first.full_name) != fold_vi(row.full_name):
            conflicts.append(FIELD_LABELS["full_name"])
        for attr, label in (
            ("gender", "gender"),
            ("birth_date", "birth"),
            ("birth_year", "birth"),
            ("phone", "phone"),
            ("email", "email"),
        ):
            mine, theirs = getattr(row, attr), getattr(first, attr)
            if mine and theirs and mine != theirs and FIELD_LABELS[label] not in conflicts:
                conflicts.append(FIELD_LABELS[label])
        if conflicts:
            report.error(
                row.line,
                "",
                _("Same phone number or email as line %(line)s, but a different %(fields)s.")
                % {"line": first.line, "fields": ", ".join(str(c) for c in conflicts)},
            )
            continue
        for attr in ("gender", "birth_date", "birth_year", "organisation", "phone", "email", "commune", "address"):
            if not getattr(first, attr) and getattr(row, attr):
                setattr(first, attr, getattr(row, attr))
        for key in keys:
            by_key.setdefault(key, first)
        for day, present in row.marks.items():
            first.marks[day] = first.marks.get(day, False) or present
        first.lines.append(row.line)
        report.duplicates_merged += 1
        report.warn(row.line, "", _("Same person as line %(line)s: the rows were merged.") % {"line": first.line})
    return people


def _chunks(items: list, size: int = 500) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class Plan:
    report: ImportReport
    people: list[PersonRow]
    participants: dict[int, SessionParticipant]  # user id → participant
    attendance: dict[tuple[int, datetime.date], Attendance]  # (participant id, day) → record
    district: Area


def _in_scope(user, ids: Iterable[int]) -> set[int]:
    """Of these accounts, those the importer may see: people filed in their area (everyone, from the command line)."""
    ids = list(ids)
    if user is None or admin_area_ids(user) is None:
        return set(ids)
    visible = set()
    for chunk in _chunks(ids):
        visible.update(Profile.objects.visible_to(user).filter(user_id__in=chunk).values_list("user_id", flat=True))
    return visible


def _match_people(people: list[PersonRow], report: ImportReport, user) -> None:
    """Link each row to the account its phone (else its email) belongs to; say nothing stored about outsiders."""
    User = get_user_model()
    phones = [p.phone for p in people if p.phone]
    emails = [p.email for p in people if p.email]
    found = {}
    for chunk in _chunks(phones):
        found.update({u.pk: u for u in User.objects.filter(phone__in=chunk)})
    for chunk in _chunks(emails):
        found.update({u.pk: u for u in User.objects.annotate(email_l=Lower("email")).filter(email_l__in=chunk)})
    visible = _in_scope(user, found)
    by_phone = {u.phone: u for u in found.values() if u.phone}
    by_email = {u.email.lower(): u for u in found.values() if u.email}
    for person in people:
        phone_user = by_phone.get(person.phone) if person.phone else None
        email_user = by_email.get(person.email) if person.email else None
        if phone_user and email_user and phone_user.pk != email_user.pk:
            if {phone_user.pk, email_user.pk} <= visible:
                message = _(
                    "The phone number belongs to “%(phone_person)s” and the email to “%(email_person)s” in the system."
                ) % {"phone_person": phone_user, "email_person": email_user}
            else:
                message = _("The phone number and the email belong to two different people in the system.")
            report.error(person.line, "", message)
            continue
        account = phone_user or email_user
        if account is None:
            continue
        person.user_id = account.pk
        if account.pk not in visible:
            report.warn(
                person.line,
                "",
                _(
                    "This phone number or email belongs to a person registered outside your area: the attendance "
                    "is recorded for them, and their account is neither shown nor changed."
                ),
            )
            continue
        if fold_vi(account.full_name) != fold_vi(person.full_name):
            report.warn(
                person.line,
                FIELD_LABELS["full_name"],
                _("“%(name)s” is recorded in the system as “%(recorded)s”; the system's name is kept.")
                % {"name": person.full_name, "recorded": account.full_name},
            )
        if person.email and account.email and account.email.lower() != person.email:
            report.warn(
                person.line,
                FIELD_LABELS["email"],
                _("The system has another email for this person (%(email)s); it is kept.") % {"email": account.email},
            )
        if person.phone and account.phone and account.phone != person.phone:
            report.warn(
                person.line,
                FIELD_LABELS["phone"],
                _("The system has another phone number for this person (%(phone)s); it is kept.")
                % {"phone": account.phone},
            )


def _commune_key(name: str) -> str:
    key = _header_key(name)
    for prefix in COMMUNE_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def _commune_named_in(text: str, communes: dict[str, Area]) -> Area | None:
    """The commune an address or a unit names: "Thôn 3, xã Duy Hòa", "UBND xã Duy Hòa", "Duy Hòa - Duy Xuyên"."""
    for part in re.split(r"[,;\-–]", text):
        if area := communes.get(_commune_key(part)):
            return area
    words = f" {_header_key(text)} "
    found = [
        (len(key), area)
        for key, area in communes.items()
        if any(f" {prefix}{key} " in words for prefix in COMMUNE_PREFIXES)
    ]
    return max(found, key=lambda item: item[0])[1] if found else None


def _resolve_communes(people: list[PersonRow], district: Area, session: TrainingSession, report: ImportReport):
    """Each person's own commune, from the commune column, else from their address or unit."""
    if not any(p.commune or p.address or p.organisation for p in people):
        return
    candidates = Area.objects.filter(parent=district, kind__in=(Area.WARD, Area.COMMUNE, Area.TOWNSHIP))
    current = set(candidates.valid_on(session.starts_on).values_list("pk", flat=True))
    communes: dict[str, Area] = {}
    for area in candidates:
        key = _commune_key(area.name)
        # Prefer the unit that existed on the session's first day when a name was reused.
        if key not in communes or area.pk in current:
            communes[key] = area
    for person in people:
        if person.commune:
            person.commune_area = communes.get(_commune_key(person.commune)) or _commune_named_in(
                person.commune, communes
            )
            if person.commune_area is None:
                report.warn(
                    person.line,
                    FIELD_LABELS["commune"],
                    _("“%(commune)s” is not a commune of %(district)s; it was left empty.")
                    % {"commune": person.commune, "district": district},
                )
            continue
        for text in (person.address, person.organisation):
            if text and (area := _commune_named_in(text, communes)):
                person.commune_area, person.commune = area, area.name
                break


def plan_import(session: TrainingSession, sheet: Sheet, *, user=None) -> Plan:
    """Validate and match a list without writing; the plan's report says what a write would do.

    ``user`` is the importing administrator: only people in their area are shown with their stored details.
    """
    report = ImportReport(session=session, file_name=sheet.file_name, sha256=sheet.sha256)
    district = home_district(session.area)
    plan = Plan(report, [], {}, {}, district)
    rows = sheet.rows
    try:
        layout = find_layout(rows, session)
    except ImportFileError as exc:
        report.error(None, "", str(exc))
        return plan
    report.header_line = layout.header_line
    report.days = sorted(layout.days)
    people = _validate_rows(rows, layout, report)
    if report.rows_read > MAX_ROWS:
        report.error(None, "", _too_many_rows())
        return plan
    if not report.rows_read:
        report.error(None, "", _("The list has no rows below its header."))
        return plan
    people = _merge_duplicates(people, report)
    plan.people = people
    _match_people(people, report, user)
    _resolve_communes(people, district, session, report)

    user_ids = [p.user_id for p in people if p.user_id]
    for chunk in _chunks(user_ids):
        for participant in SessionParticipant.objects.filter(session=session, person_id__in=chunk):
            plan.participants[participant.person_id] = participant
    participant_ids = [p.pk for p in plan.participants.values()]
    for chunk in _chunks(participant_ids):
        for record in Attendance.objects.filter(participant_id__in=chunk):
            plan.attendance[(record.participant_id, record.day)] = record

    for person in people:
        if person.user_id:
            report.people_existing += 1
        else:
            report.people_new += 1
        participant = plan.participants.get(person.user_id) if person.user_id else None
        if participant:
            report.participants_existing += 1
        else:
            report.participants_new += 1
        for day, present in person.marks.items():
            record = plan.attendance.get((participant.pk, day)) if participant else None
            if record is None:
                report.attendance_new += 1
            elif record.present != present:
                report.attendance_changed += 1
            else:
                report.attendance_unchanged += 1
    report.errors.sort(key=lambda e: e.line or 0)
    report.warnings.sort(key=lambda e: e.line or 0)
    return plan


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


LISTED_FIELDS = [
    "listed_name",
    "listed_gender",
    "listed_birth_date",
    "listed_birth_year",
    "listed_organisation",
    "listed_phone",
    "listed_email",
    "listed_commune",
]


def _listed(person: PersonRow) -> dict:
    """What the list says about a person, as the participant record keeps it."""
    return dict(
        zip(
            LISTED_FIELDS,
            (
                person.full_name,
                person.gender,
                person.birth_date,
                person.birth_year,
                person.organisation,
                person.phone or "",
                person.email or "",
                person.commune,
            ),
            strict=True,
        )
    )


def _write(plan: Plan, user) -> None:
    User = get_user_model()
    session, report = plan.report.session, plan.report
    new_people = [p for p in plan.people if not p.user_id]
    created = []
    for person in new_people:
        account = User(full_name=person.full_name, phone=person.phone, email=person.email)
        account.set_unusable_password()
        created.append(account)
    User.objects.bulk_create(created, batch_size=500)
    # Look the new accounts up again: not every database returns ids from a bulk insert.
    by_phone, by_email = {}, {}
    phones = [p.phone for p in new_people if p.phone]
    emails = [p.email for p in new_people if p.email]
    for chunk in _chunks(phones):
        by_phone.update(dict(User.objects.filter(phone__in=chunk).values_list("phone", "pk")))
    for chunk in _chunks(emails):
        by_email.update(dict(User.objects.filter(email__in=chunk).values_list("email", "pk")))
    for person in new_people:
        person.user_id = by_phone.get(person.phone) or by_email.get(person.email)

    # Only the accounts made just now get a profile; an existing account and its profile are never touched,
    # so an import can neither take over an account nor move a person into the importer's area.
    Profile.objects.bulk_create(
        [
            Profile(
                user_id=person.user_id,
                gender=person.gender,
                birth_date=person.birth_date,
                birth_year=person.birth_year,
                organisation=person.organisation,
                area=plan.district,
                commune=person.commune_area,
            )
            for person in new_people
        ],
        batch_size=500,
    )

    new_participants, listed_participants = [], []
    for person in plan.people:
        listed = _listed(person)
        participant = plan.participants.get(person.user_id)
        if participant is None:
            new_participants.append(SessionParticipant(session=session, person_id=person.user_id, **listed))
            continue
        for name, value in listed.items():
            if value not in (None, ""):  # a column the list leaves out keeps what an earlier list said
                setattr(participant, name, value)
        listed_participants.append(participant)
    SessionParticipant.objects.bulk_create(new_participants, batch_size=500)
    SessionParticipant.objects.bulk_update(listed_participants, LISTED_FIELDS, batch_size=500)
    participants = {}
    for chunk in _chunks([p.user_id for p in plan.people]):
        participants.update(
            dict(SessionParticipant.objects.filter(session=session, person_id__in=chunk).values_list("person_id", "pk"))
        )
    new_marks, changed_marks = [], []
    for person in plan.people:
        participant_id = participants[person.user_id]
        for day, present in person.marks.items():
            record = plan.attendance.get((participant_id, day))
            if record is None:
                new_marks.append(Attendance(participant_id=participant_id, day=day, present=present))
            elif record.present != present:
                record.present = present
                changed_marks.append(record)
    Attendance.objects.bulk_create(new_marks, batch_size=1000)
    Attendance.objects.bulk_update(changed_marks, ["present"], batch_size=1000)

    log(
        instance=session,
        action=IMPORT_LOG_ACTION,
        user=user,
        data={
            "file": report.file_name,
            "sha256": report.sha256,
            "people_new": report.people_new,
            "participants_new": report.participants_new,
            "attendance_new": report.attendance_new,
            "attendance_changed": report.attendance_changed,
        },
    )


def attendance_import(
    *,
    session: TrainingSession,
    sheet: Sheet | None = None,
    data: bytes = b"",
    file_name: str = "",
    user=None,
    dry_run: bool = False,
) -> ImportReport:
    """Validate a participant/attendance list and, unless dry_run or any row is bad, record it all at once.

    Give the list as read once by ``read_sheet`` (the admin keeps it between preview and confirm), or as
    the file's bytes. Safe to repeat: people, participants and marks already recorded are matched, not duplicated.
    """
    if sheet is None:
        try:
            sheet = read_sheet(data, file_name=file_name)
        except ImportFileError as exc:
            report = ImportReport(session=session, file_name=file_name, dry_run=dry_run)
            report.error(None, "", str(exc))
            return report
    if dry_run:
        report = plan_import(session, sheet, user=user).report
        report.dry_run = True
        return report
    try:
        with transaction.atomic():
            # One import per session at a time: a double-submitted confirm waits, then finds nothing to do.
            locked = TrainingSession.objects.select_for_update().select_related("area").get(pk=session.pk)
            plan = plan_import(locked, sheet, user=user)
            if plan.report.errors:
                return plan.report
            _write(plan, user)
            plan.report.written = True
            return plan.report
    except IntegrityError:
        # Someone else enrolled the same people at the same moment; nothing of ours was kept.
        report = ImportReport(session=session, file_name=sheet.file_name)
        report.error(None, "", _("The records changed while importing; nothing was written. Please try again."))
        return report
