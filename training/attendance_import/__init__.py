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
nothing, and an exported list (see ``training.exporting``) imports back unchanged.

One module per stage: ``read`` → ``layout`` → ``rows`` → ``match`` → ``plan`` → ``write``, with ``report``.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from training.models import TrainingSession

from .plan import plan_import
from .read import MAX_BYTES, ImportFileError, Sheet, read_sheet
from .report import ImportReport
from .write import IMPORT_LOG_ACTION, write_plan

__all__ = [
    "IMPORT_LOG_ACTION",
    "MAX_BYTES",
    "ImportFileError",
    "ImportReport",
    "Sheet",
    "attendance_import",
    "read_sheet",
]


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
            write_plan(plan, user)
            plan.report.written = True
            return plan.report
    except IntegrityError:
        # Someone else enrolled the same people at the same moment; nothing of ours was kept.
        report = ImportReport(session=session, file_name=sheet.file_name)
        report.error(None, "", _("The records changed while importing; nothing was written. Please try again."))
        return report
