"""manage.py import_attendance FILE --session ID [--dry-run]: the admin's import, from the command line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from training.attendance_import import MAX_BYTES, ImportFileError, attendance_import, read_sheet
from training.models import TrainingSession


class Command(BaseCommand):
    help = (
        "Import participants and attendance from a CSV or XLSX list into a training session. "
        "Prints the same report as the admin preview; writes nothing if any row is bad."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The list: CSV (UTF-8, Windows-1258 or UTF-16) or Excel .xlsx.")
        parser.add_argument("--session", type=int, required=True, help="The training session's id.")
        parser.add_argument("--dry-run", action="store_true", help="Validate and report; write nothing.")

    def handle(self, *args, file, session, dry_run, **options):
        try:
            training = TrainingSession.objects.select_related("area").get(pk=session)
        except TrainingSession.DoesNotExist as exc:
            raise CommandError(_("There is no training session with id %(id)s.") % {"id": session}) from exc
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": file})
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(_("The file is too large; the limit is %(limit)s MB.") % {"limit": MAX_BYTES // 1048576})
        try:
            sheet = read_sheet(path.read_bytes(), file_name=path.name)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        report = attendance_import(session=training, sheet=sheet, dry_run=dry_run)
        self.stdout.write(report.as_text())
        if not report.ok:
            raise CommandError(
                _("%(count)s row(s) with errors; nothing was written.") % {"count": max(len(report.bad_lines), 1)}
            )
