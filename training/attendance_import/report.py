"""Report: what an import found and did, in the words both the admin preview and the command print."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from training.models import TrainingSession


def format_day(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


@dataclass
class Issue:
    line: int | None  # spreadsheet line; None for the file as a whole
    column: str
    message: str


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
            days = ", ".join(format_day(d) for d in self.days) or _("none")
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
            # After confirming, the report says what was done, not what would be.
            (
                _("Participants: %(new)s enrolled, %(existing)s already enrolled.")
                if self.written
                else _("Participants: %(new)s to enrol, %(existing)s already enrolled.")
            )
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
