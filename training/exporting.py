"""Export a session's participants and attendance as CSV or XLSX, in the layout the importer reads.

The headings are the Vietnamese ones districts use (a file format, so they are not translated), and
an exported list imports back unchanged: present is "x", absent is "vắng", nothing recorded is blank.
Cells are written by `core.spreadsheets`, which neutralises anything a spreadsheet could run
as a formula; the importer strips that prefix again.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.text import slugify
from wagtail.log_actions import log

from areas.models import admin_area_ids
from core.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, csv_bytes, xlsx_bytes
from core.text import fold_vi
from trainers.models import Profile

from .models import Attendance, SessionParticipant, TrainingSession

HEADINGS = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Đơn vị công tác", "Số điện thoại", "Email", "Xã/phường"]
GENDER_WORDS = {Profile.FEMALE: "Nữ", Profile.MALE: "Nam", Profile.OTHER: "Khác"}
PRESENT, ABSENT = "x", "vắng"
MAX_DAYS = 62
EXPORT_LOG_ACTION = "trainers.export_participants"


def session_days(session: TrainingSession) -> list[datetime.date]:
    """Every day of the session, or for a very long one only the days with attendance recorded."""
    span = (session.ends_on - session.starts_on).days + 1
    if span <= MAX_DAYS:
        return [session.starts_on + datetime.timedelta(days=n) for n in range(span)]
    return sorted(set(Attendance.objects.filter(participant__session=session).values_list("day", flat=True)))


def _phone(e164: str | None) -> str:
    # Vietnamese numbers in the national form people know (0905…); others stay international.
    if e164 and e164.startswith("+84"):
        return "0" + e164[3:]
    return e164 or ""


def _birth(profile: Profile | None):
    if profile is None:
        return ""
    if profile.birth_date:
        return profile.birth_date
    return str(profile.birth_year) if profile.birth_year else ""


def _stored_details(participant: SessionParticipant) -> list:
    person = participant.person
    profile = getattr(person, "profile", None)
    return [
        person.full_name,
        GENDER_WORDS.get(profile.gender, "") if profile else "",
        _birth(profile),
        profile.organisation if profile else "",
        _phone(person.phone),
        person.email or "",
        profile.commune.name if profile and profile.commune else "",
    ]


def _listed_details(participant: SessionParticipant) -> list:
    """What the imported list said: all an administrator may learn of a person filed outside their area."""
    return [
        participant.listed_name or participant.person.full_name,
        GENDER_WORDS.get(participant.listed_gender, ""),
        participant.listed_birth_date or (str(participant.listed_birth_year) if participant.listed_birth_year else ""),
        participant.listed_organisation,
        _phone(participant.listed_phone),
        participant.listed_email,
        participant.listed_commune,
    ]


def export_table(session: TrainingSession, user=None) -> Iterator[list]:
    """Title rows, the heading row and one row per participant; dates as ``datetime.date``.

    With a `user`, people whose profile lies outside that administrator's area are exported as the
    imported list gave them, never with their account's stored phone, e-mail or profile.
    """
    days = session_days(session)
    participants = list(
        SessionParticipant.objects.filter(session=session)
        .select_related("person__profile__commune")
        .order_by("enrolled_at", "pk")
    )
    revealed = None
    if user is not None and admin_area_ids(user) is not None:
        people = [p.person_id for p in participants]
        revealed = set(Profile.objects.visible_to(user).filter(user__in=people).values_list("user_id", flat=True))
    marks = {
        (participant_id, day): present
        for participant_id, day, present in Attendance.objects.filter(participant__session=session).values_list(
            "participant_id", "day", "present"
        )
    }
    yield ["DANH SÁCH HỌC VIÊN"]
    yield [session.title]
    yield [f"Từ {session.starts_on:%d/%m/%Y} đến {session.ends_on:%d/%m/%Y} · {session.area}"]
    yield []
    yield HEADINGS + [f"{day:%d/%m/%Y}" for day in days]
    for number, participant in enumerate(participants, start=1):
        shown = revealed is None or participant.person_id in revealed
        row = [number, *(_stored_details(participant) if shown else _listed_details(participant))]
        for day in days:
            present = marks.get((participant.pk, day))
            row.append("" if present is None else PRESENT if present else ABSENT)
        yield row


def export_csv(session: TrainingSession, user=None) -> bytes:
    """The list as CSV (the project's one writer: UTF-8 with BOM, formulas neutralised)."""
    return csv_bytes(export_table(session, user))


def export_xlsx(session: TrainingSession, user=None) -> bytes:
    """The list as an Excel workbook (written row by row, so large sessions stay cheap)."""
    return xlsx_bytes(export_table(session, user), title="Danh sách", widths=(6, 28, 10, 12, 30, 14, 28, 16))


EXPORTERS = {
    "csv": (export_csv, CSV_CONTENT_TYPE),
    "xlsx": (export_xlsx, XLSX_CONTENT_TYPE),
}


def export_participants(*, session: TrainingSession, fmt: str, user=None) -> tuple[bytes, str, str]:
    """(content, content type, file name) of a session's list; the export is written to the audit log."""
    render, content_type = EXPORTERS[fmt]
    content = render(session, user)
    log(instance=session, action=EXPORT_LOG_ACTION, user=user, data={"format": fmt})
    name = f"danh-sach-{slugify(fold_vi(session.title)) or 'lop'}-{session.starts_on:%Y%m%d}.{fmt}"
    return content, content_type, name
