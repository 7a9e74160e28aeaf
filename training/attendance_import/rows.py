"""Rows: each line below the header as a person (validated with a Form), or as what else districts write there.

Same person twice in one file: rows sharing a phone number or an email address are one person. When they
agree (same name once folded, no conflicting details) they are merged, their attendance marks combined
(present wins), and the report says so; when they disagree the later row is an error.

Attendance marks: "x", "có", "1", "✓" … mean present; "vắng", "0", "k" … mean absent; a blank cell records
nothing and never deletes what is already recorded.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.phones import normalise_phone
from areas.models import Area
from core.text import fold_vi
from trainers.models import Profile

from .layout import FIELD_LABELS, Layout
from .read import clean_text, parse_date
from .report import ImportReport, format_day

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


_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?e\+?\d+$", re.IGNORECASE)


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
            raise forms.ValidationError(
                _("%(value)s is not a plausible date of birth."), params={"value": format_day(day)}
            )
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


def cell_at(cells: list, index: int | None):
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
    filled = [clean_text(cell_at(cells, i)) for i in read if clean_text(cell_at(cells, i))]
    if not filled:
        return "blank"  # blank, a pre-numbered row never filled in, or notes outside the list's columns
    texts = [fold_vi(clean_text(c)) for c in cells if clean_text(c)]
    contact = clean_text(cell_at(cells, cols.get("phone"))) or clean_text(cell_at(cells, cols.get("email")))
    name = clean_text(cell_at(cells, cols.get("full_name")))
    ends = [text for text in texts if _END_OF_LIST.search(text)]
    # A person's row (a name beside the words, or a contact) never ends the list.
    if ends and not contact and (not name or fold_vi(name) in ends):
        return "end"
    if len(texts) >= 3 and all(_COLUMN_NUMBER.match(text) for text in texts):
        return "numbers"
    if filled == [name] and (name.isupper() or _GROUP_HEADING.match(fold_vi(name))):
        return "heading"
    wrapped = {cols.get(f) for f in CONTINUED_FIELDS} - {None}
    if not clean_text(cell_at(cells, cols.get("stt"))) and all(
        i in wrapped for i in read if clean_text(cell_at(cells, i))
    ):
        return "continuation"  # a second line of the row above, whose other cells are merged over both
    return "person"


def validate_rows(rows, layout: Layout, report: ImportReport) -> list[PersonRow]:
    cols = layout.columns
    people = []
    ended = False
    previous = None  # the person on the row above, when it was read
    for line, cells in rows[layout.data_start :]:
        kind = _row_kind(cells, layout)
        if kind == "continuation" and not ended:
            if previous is not None and previous.lines[-1] == line - 1:
                for name in CONTINUED_FIELDS:
                    if text := clean_text(cell_at(cells, cols.get(name))):
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
                _("“%(text)s” was read as a heading, not a person.") % {"text": cell_at(cells, cols["full_name"])},
            )
            continue
        if ended and not any(clean_text(cell_at(cells, cols.get(f))) for f in ("phone", "email")):
            continue  # the signers' names under the signature block
        report.rows_read += 1
        data = {name: cell_at(cells, cols.get(name)) for name in FIELD_LABELS}
        split_gender_error = None
        if "male" in cols:
            male, female = cell_at(cells, cols["male"]), cell_at(cells, cols["female"])
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
                mark = parse_mark(cell_at(cells, index))
            except ValueError:
                report.error(
                    line,
                    layout.day_headings[day],
                    _("“%(value)s” is not an attendance mark: write x for present, or leave it blank.")
                    % {"value": clean_text(cell_at(cells, index))},
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


def merge_duplicates(rows: list[PersonRow], report: ImportReport) -> list[PersonRow]:
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
