"""Plan: from the rows read to what a write would do, without writing; the plan's report says it all."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from areas.models import Area
from areas.rollup import area_tree
from training.models import Attendance, SessionParticipant, TrainingSession

from . import read
from .layout import find_layout
from .match import chunks, home_district, match_people, resolve_communes
from .read import ImportFileError, Sheet
from .report import ImportReport
from .rows import PersonRow, merge_duplicates, validate_rows


@dataclass
class Plan:
    report: ImportReport
    people: list[PersonRow]
    participants: dict[int, SessionParticipant]  # user id → participant
    attendance: dict[tuple[int, datetime.date], Attendance]  # (participant id, day) → record
    district: Area


def plan_import(session: TrainingSession, sheet: Sheet, *, user=None) -> Plan:
    """Validate and match a list without writing; the plan's report says what a write would do.

    ``user`` is the importing administrator: only people in their area are shown with their stored details.
    """
    report = ImportReport(session=session, file_name=sheet.file_name, sha256=sheet.sha256)
    tree = area_tree()  # one tree for the whole plan (the request's own in the admin)
    district = home_district(session.area, tree)
    plan = Plan(report, [], {}, {}, district)
    rows = sheet.rows
    try:
        layout = find_layout(rows, session)
    except ImportFileError as exc:
        report.error(None, "", str(exc))
        return plan
    report.header_line = layout.header_line
    report.days = sorted(layout.days)
    people = validate_rows(rows, layout, report)
    if report.rows_read > read.MAX_ROWS:  # looked up on the module, so that a test can lower it
        report.error(None, "", read.too_many_rows())
        return plan
    if not report.rows_read:
        report.error(None, "", _("The list has no rows below its header."))
        return plan
    people = merge_duplicates(people, report)
    plan.people = people
    match_people(people, report, user)
    resolve_communes(people, district, session, report, tree)

    user_ids = [p.user_id for p in people if p.user_id]
    for chunk in chunks(user_ids):
        for participant in SessionParticipant.objects.filter(session=session, person_id__in=chunk):
            plan.participants[participant.person_id] = participant
    participant_ids = [p.pk for p in plan.participants.values()]
    for chunk in chunks(participant_ids):
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
