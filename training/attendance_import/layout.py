"""Layout: the header row below any title rows, which column holds which field, and the attendance days."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.text import fold_vi
from training.models import TrainingSession

from .read import HEADER_SCAN_ROWS, ImportFileError, clean_text, parse_date
from .report import format_day

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


_PARENS = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^0-9a-z#]+")
_DAY_INDEX = re.compile(r"^ngay(?: thu)? (\d{1,2})$")


def header_key(value, *, keep_parentheses: bool = False) -> str:
    """A heading reduced to bare words, so "Số điện thoại (*):" and "so dien thoai" compare equal."""
    text = fold_vi(str(value))
    if not keep_parentheses:
        text = _PARENS.sub(" ", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


_HEADINGS = {header_key(s): name for name, synonyms in FIELD_SYNONYMS.items() for s in synonyms}


def _heading_field(value) -> str | None:
    """The field a heading names; words in parentheses count when they decide it ("Địa chỉ (xã)")."""
    return _HEADINGS.get(header_key(value, keep_parentheses=True)) or _HEADINGS.get(header_key(value))


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
    key = header_key(value)
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
            problems.append(
                _("Column “%(heading)s” repeats the day %(day)s.") % {"heading": heading, "day": format_day(day)}
            )
        elif not session.starts_on <= day <= session.ends_on:
            problems.append(
                _("Column “%(heading)s” (%(day)s) is outside the session's dates, %(start)s to %(end)s.")
                % {
                    "heading": heading,
                    "day": format_day(day),
                    "start": format_day(session.starts_on),
                    "end": format_day(session.ends_on),
                }
            )
        else:
            layout.days[day] = index
            layout.day_headings[day] = heading
    if problems:
        raise ImportFileError(" ".join(problems))
    return layout
