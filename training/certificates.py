"""A class's certificates: who completed a session, issuing their certificates in one batch, and the print files.

The completion rule (one home: `completion_reason`). A participant of a session whose class report is approved
(`COUNTED_REPORT`) completed it when they
- are a person with an active account (a row known only from an imported list cannot hold a certificate),
- attended: present on at least one of its days (the rule `trainers.services.trainer_certification_unmet` reads
  for a ToT session; attendance is not always recorded for every day of a long class), and
- passed: the result their trainers recorded is "passed" (a class report is submitted only once every participant
  has a result, `training.services.session_submit`).
Each gets one session attendance certificate (`Certificate.SESSION`), ever: a second batch issues nothing new, and
a revoked certificate is not replaced by a batch (revoking is a decision, not a gap).

The print files (`CertificatePrintout`) are made by a task one certificate at a time: each certificate's own PDF
is rendered and stored once (`certificate_pdf_render`), then appended to the merged PDF and the ZIP, so a worker
holds one WeasyPrint render at a time whatever the size of the class.
"""

import dataclasses
import functools
import hashlib
import secrets
import tempfile
import zipfile
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from areas.models import admin_area_ids
from core.text import vietnamese_sort_key
from trainers.models import COUNTED_REPORT, Certificate
from trainers.services import certificate_pdf_render, certification_issue

from .models import Attendance, CertificatePrintout, SessionCertificate, SessionParticipant, TrainingSession

ISSUE_PERMISSION = "training.change_trainingsession"  # administrators of sessions; trainers never hold it
ISSUE_LOG_ACTION = "training.certificates.issue"

# Why a participant gets no certificate from the batch (None: they get one).
NO_ACCOUNT, ALREADY_HAS_ONE, NOT_ATTENDED, NOT_PASSED = "no_account", "already", "not_attended", "not_passed"
REASONS = {
    NO_ACCOUNT: gettext_lazy("No account: known only from an imported list"),
    ALREADY_HAS_ONE: gettext_lazy("Already has this session's certificate"),
    NOT_ATTENDED: gettext_lazy("No attendance recorded"),
    NOT_PASSED: gettext_lazy("Did not pass"),
}


def administers(user, session: TrainingSession) -> bool:
    """An administrator of the session's area (not merely a trainer leading it)."""
    if not user.has_perm(ISSUE_PERMISSION):
        return False
    ids = admin_area_ids(user)
    return ids is None or session.area_id in ids


def completion_reason(participant: SessionParticipant, *, attended: bool, has_certificate: bool) -> str | None:
    """Why the participant gets no certificate of their session, or None when they completed it (the rule above)."""
    if participant.person_id is None or not participant.person.is_active:
        return NO_ACCOUNT
    if has_certificate:
        return ALREADY_HAS_ONE
    if not attended:
        return NOT_ATTENDED
    if participant.result != SessionParticipant.PASSED:
        return NOT_PASSED
    return None


@dataclasses.dataclass
class PreviewRow:
    participant: SessionParticipant
    name: str
    reason: str | None

    @property
    def reason_label(self) -> str:
        return str(REASONS[self.reason]) if self.reason else ""


def preview(session: TrainingSession) -> list[PreviewRow]:
    """Every participant, in print order, with why they will not get a certificate (None: they will). Two queries."""
    attended = Attendance.objects.filter(participant=models.OuterRef("pk"), present=True)
    holders = SessionCertificate.objects.filter(session=session, person=models.OuterRef("person"))
    participants = (
        SessionParticipant.objects.filter(session=session)
        .select_related("person")
        .annotate(attended=models.Exists(attended), has_certificate=models.Exists(holders))
    )
    rows = [
        PreviewRow(
            participant=p,
            name=p.person.full_name if p.person_id else p.listed_name,
            reason=completion_reason(p, attended=p.attended, has_certificate=p.has_certificate),
        )
        for p in participants
    ]
    return sorted(rows, key=lambda row: (vietnamese_sort_key(row.name), row.participant.pk))


def session_subject(session: TrainingSession) -> str:
    """What a session's certificate prints about the class: its title and dates."""
    if session.starts_on == session.ends_on:
        return f"{session.title} (ngày {session.starts_on:%d/%m/%Y})"
    return f"{session.title} (từ ngày {session.starts_on:%d/%m/%Y} đến ngày {session.ends_on:%d/%m/%Y})"


@transaction.atomic
def session_certificates_issue(*, session: TrainingSession, by) -> list[Certificate]:
    """Issue the certificates of everyone who completed the session and has none yet; returns those issued.

    The session's row is locked first, so two batches at once run one after the other and the second finds
    everything issued; the database's one_certificate_per_session_and_person is the backstop.
    """
    if not administers(by, session):
        raise ValidationError(_("Only an administrator of the session's area issues its certificates."))
    session = TrainingSession.objects.select_for_update().select_related("area").get(pk=session.pk)
    if session.report_status != COUNTED_REPORT:
        raise ValidationError(_("Certificates are issued once the class report is approved."))
    subject = session_subject(session)
    issued = []
    for row in preview(session):
        if row.reason is not None:
            continue
        certificate = certification_issue(
            person=row.participant.person,
            kind=Certificate.SESSION,
            subject=subject,
            area=session.area,
            issued_by=by,
        )
        SessionCertificate.objects.create(session=session, person=row.participant.person, certificate=certificate)
        issued.append(certificate)
    if issued:
        log(session, ISSUE_LOG_ACTION, user=by, data={"issued": len(issued)})
        transaction.on_commit(functools.partial(printout_request, session_id=session.pk))
    return issued


# --- Print files ---------------------------------------------------------------------------------------


def print_order(session: TrainingSession) -> list[Certificate]:
    """The session's certificates to print: valid, their holder's account active, by name (Vietnamese order)."""
    certificates = Certificate.objects.filter(
        session_link__session=session, status=Certificate.VALID, person__is_active=True
    ).only("pk", "number", "holder_name")
    return sorted(certificates, key=lambda c: (vietnamese_sort_key(c.holder_name), c.number))


def _fingerprint(certificates: list[Certificate]) -> str:
    return hashlib.sha256(",".join(c.number for c in certificates).encode()).hexdigest()


def _files_exist(printout: CertificatePrintout) -> bool:
    return all(f and f.storage.exists(f.name) for f in (printout.pdf, printout.zip))


def printout_current(printout: CertificatePrintout | None, certificates: list[Certificate]) -> bool:
    """The print files are made and hold exactly these certificates."""
    return bool(
        printout and printout.finished_at and printout.key == _fingerprint(certificates) and _files_exist(printout)
    )


def printout_running(printout: CertificatePrintout | None, certificates: list[Certificate]) -> bool:
    """The print files of these certificates were asked for and are being made."""
    return bool(
        certificates
        and printout
        and printout.requested_at
        and not printout.finished_at
        and printout.key == _fingerprint(certificates)
    )


def printout_request(*, session_id: int) -> CertificatePrintout:
    """Ask for a session's print files: a task makes them unless they are current (a second request is a no-op)."""
    with transaction.atomic():
        CertificatePrintout.objects.get_or_create(session_id=session_id)
        printout = CertificatePrintout.objects.select_for_update().get(session_id=session_id)
        certificates = print_order(printout.session)
        if printout_current(printout, certificates):
            return printout
        key = _fingerprint(certificates)
        if printout.key != key:
            printout.key, printout.total, printout.rendered = key, len(certificates), 0
        printout.finished_at, printout.requested_at = None, timezone.now()
        printout.save(update_fields=["key", "total", "rendered", "finished_at", "requested_at"])
        from .tasks import printout_render_queue  # tasks import this module

        transaction.on_commit(functools.partial(printout_render_queue, session_id))
    return printout


def _storage_name(session_id: int, key: str, suffix: str) -> str:
    token = salted_hmac("training.certificate.printout", f"{session_id}:{key}", algorithm="sha256").hexdigest()
    return f"certificates/classes/{token[:40]}.{suffix}"


def _store(field, name: str, file) -> None:
    if field.storage.exists(name):  # left by a run that died before committing
        field.storage.delete(name)
    file.seek(0)
    field.save(name, File(file), save=False)


def printout_render(*, session_id: int) -> CertificatePrintout:
    """Make the session's merged PDF (print order) and ZIP of single PDFs; a second run finds them done.

    A run owns the work through `run`: a later run (a redelivered task) takes it over and this one stops.
    """
    from pypdf import PdfWriter  # only where print files are made

    run = secrets.token_hex(8)
    with transaction.atomic():
        CertificatePrintout.objects.get_or_create(session_id=session_id)
        printout = CertificatePrintout.objects.select_for_update().select_related("session").get(session_id=session_id)
        certificates = print_order(printout.session)
        if printout_current(printout, certificates):
            return printout
        key = _fingerprint(certificates)
        printout.key, printout.run, printout.total, printout.rendered = key, run, len(certificates), 0
        printout.finished_at = None
        printout.save(update_fields=["key", "run", "total", "rendered", "finished_at"])
    owned = CertificatePrintout.objects.filter(pk=printout.pk, run=run)
    writer = PdfWriter()
    with tempfile.TemporaryFile() as zip_file, tempfile.TemporaryFile() as pdf_file:
        with zipfile.ZipFile(zip_file, "w", zipfile.ZIP_STORED) as archive:  # PDFs are compressed already
            for index, certificate in enumerate(certificates, start=1):
                certificate = certificate_pdf_render(certificate_id=certificate.pk)
                with certificate.pdf.open("rb") as single:
                    data = single.read()
                archive.writestr(f"{index:03d}-{certificate.pdf_filename()}", data)
                writer.append(BytesIO(data))
                del data
                if not owned.update(rendered=index):
                    return CertificatePrintout.objects.get(pk=printout.pk)  # another run took over
        writer.write(pdf_file)
        writer.close()
        with transaction.atomic():
            printout = CertificatePrintout.objects.select_for_update().get(pk=printout.pk)
            if printout.run != run:
                return printout
            old = [f.name for f in (printout.pdf, printout.zip) if f]
            _store(printout.pdf, _storage_name(session_id, key, "pdf"), pdf_file)
            _store(printout.zip, _storage_name(session_id, key, "zip"), zip_file)
            printout.finished_at = timezone.now()
            printout.save(update_fields=["pdf", "zip", "finished_at"])
            storage = printout.pdf.storage
            stale = [name for name in old if name not in (printout.pdf.name, printout.zip.name)]
            transaction.on_commit(lambda: [storage.delete(name) for name in stale if storage.exists(name)])
    return printout
