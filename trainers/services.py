"""Writes across several trainer-programme tables: the lineage, issuing, revoking and rendering certificates."""

import datetime
import functools
import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from areas.models import Area
from core.text import nfc
from courses.models import CoursePage, Enrollment

from .models import (
    COUNTED_REPORT,
    Certificate,
    CertificateCounter,
    Notification,
    PracticumResult,
    Profile,
    Trainer,
    issuing_body_require,
)
from .models.certification import pdf_storage_name
from .notifications import notification_queue

TRAINER_CERTIFICATE_YEARS = 3


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _counter_lock(year: int) -> CertificateCounter:
    """The year's counter row, locked until the transaction ends: issuing is serialised per year."""
    CertificateCounter.objects.get_or_create(year=year)
    return CertificateCounter.objects.select_for_update().get(year=year)


def _valid_course_certificate(person, course) -> Certificate | None:
    return Certificate.objects.filter(
        person=person, course=course, kind=Certificate.COURSE, status=Certificate.VALID
    ).first()


def _person_area(person) -> Area | None:
    profile = Profile.objects.filter(user=person).select_related("area", "commune").first()
    return profile.filed_area if profile else None


@transaction.atomic
def certification_issue(
    *,
    person,
    kind: str,
    course: CoursePage | None = None,
    trainer_level: str = "",
    trained_by: Trainer | None = None,
    area: Area | None = None,
    issued_by=None,
    issued_on: datetime.date | None = None,
    subject: str = "",
) -> Certificate:
    """Issue a numbered certificate and queue its PDF; a second course certificate returns the first.

    A session attendance certificate names its class in `subject`; `training.certificates` issues them in a batch
    and links each to its session (where one per person and session is enforced).

    Numbers are 'YYYY-NNNNNN', taken under a lock on the year's counter, so they have no gaps
    and no duplicates however many requests issue at once.
    """
    if kind == Certificate.COURSE:
        if course is None:
            raise ValidationError(_("A course certificate needs a course."))
    elif kind == Certificate.TRAINER:
        if trainer_level not in (Trainer.CORE, Trainer.MASTER):
            raise ValidationError(_("A trainer certificate names the core or master level."))
    elif kind == Certificate.SESSION:
        if not subject.strip():
            raise ValidationError(_("A session attendance certificate names its class."))
    else:
        raise ValidationError(_("Unknown kind of certificate."))

    issued_on = issued_on or timezone.localdate()
    counter = _counter_lock(issued_on.year)
    # Checked under the lock: a concurrent issue for the same course has committed by now.
    if kind == Certificate.COURSE and (existing := _valid_course_certificate(person, course)):
        return existing
    certificate = Certificate(
        kind=kind,
        number=f"{issued_on.year}-{counter.last + 1:06d}",
        person=person,
        holder_name=nfc(person.full_name),
        course=course,
        trainer_level=trainer_level if kind == Certificate.TRAINER else "",
        subject=nfc(subject.strip()) if kind == Certificate.SESSION else "",
        trained_by=trained_by,
        area=area or _person_area(person),
        issued_on=issued_on,
        expires_on=add_years(issued_on, TRAINER_CERTIFICATE_YEARS) if kind == Certificate.TRAINER else None,
        issued_by=issued_by,
    )
    issuing_body_require(certificate.area)  # production refuses a certificate that names no issuer
    try:
        # A savepoint, so that losing a race leaves the outer transaction usable.
        with transaction.atomic():
            certificate.save()
    except IntegrityError:
        # The database's one_valid_course_certificate constraint caught a duplicate we could not see.
        if kind == Certificate.COURSE and (existing := _valid_course_certificate(person, course)):
            return existing
        raise
    counter.last += 1
    counter.save(update_fields=["last"])
    log(certificate, "trainers.certificate.issue", user=issued_by)
    from .tasks import certificate_render_queue  # tasks import this module

    transaction.on_commit(functools.partial(certificate_render_queue, certificate.pk))
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, by) -> Certificate:
    """Revoke with a reason: a status, never a delete."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for revoking the certificate.")})
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status == Certificate.REVOKED:
        return certificate
    certificate.status = Certificate.REVOKED
    certificate.revoked_reason = reason
    certificate.revoked_at = timezone.now()
    certificate.save(update_fields=["status", "revoked_reason", "revoked_at"])
    log(certificate, "trainers.certificate.revoke", user=by, data={"reason": reason})
    return certificate


def counted_tot_places(person):
    """The person's places in ToT sessions that count towards certification: their class report is approved.

    Sessions live in `training`, a floor above: read through the person's places, never its models.
    """
    return person.session_places.filter(session__is_tot=True, session__report_status=COUNTED_REPORT)


def trainer_certification_unmet(*, trainer: Trainer) -> list[str]:
    """The certification rules the trainer does not yet meet, as sentences (empty: ready)."""
    unmet = []
    person = trainer.person
    tot_courses = CoursePage.objects.live().filter(is_tot=True)
    completed = Enrollment.objects.completed().filter(user=person, course__in=tot_courses).count()
    if completed < tot_courses.count():
        unmet.append(_("Complete every ToT course online."))
    places = counted_tot_places(person)
    if not places.filter(attendance__present=True).exists():
        unmet.append(_("Attend a ToT training session."))
    if not places.filter(result=PracticumResult.PASSED).exists():
        unmet.append(_("Pass the practicum of a ToT session."))
    return unmet


LINEAGE_LOG_ACTION = "trainers.trainer.lineage"


def _generations_renumber(trainer: Trainer) -> None:
    """Give the trainer and everyone below them the generation their place in the lineage says (2 queries)."""
    rows = list(Trainer.objects.lineage_below(trainer).values_list("pk", "trained_by_id", "generation"))
    children: dict[int | None, list[int]] = {}
    stored = {}
    for pk, parent, generation in rows:
        children.setdefault(parent, []).append(pk)
        stored[pk] = generation
    wanted, stack = {}, [(trainer.pk, trainer.generation)]
    while stack:
        pk, generation = stack.pop()
        wanted[pk] = generation
        stack.extend((child, generation + 1) for child in children.get(pk, ()) if child not in wanted)
    changed = [Trainer(pk=pk, generation=generation) for pk, generation in wanted.items() if stored[pk] != generation]
    Trainer.objects.bulk_update(changed, ["generation"], batch_size=500)


def _lineage_write(trainer: Trainer, trained_by: Trainer | None) -> Trainer:
    """Set who trained a locked, freshly read trainer and renumber the generations below (lineage lock held)."""
    trained_by = Trainer.objects.get(pk=trained_by.pk) if trained_by else None  # its generation as committed
    trainer.validate_trained_by(trained_by)
    trainer.trained_by = trained_by
    trainer.generation = trainer.generation_under(trained_by)
    try:
        with transaction.atomic():  # a savepoint: a refusal by the database leaves the caller's transaction usable
            trainer.save(update_fields=["trained_by", "generation"])
    except IntegrityError as error:
        # The database's own guards (trainer_not_trained_by_self; on PostgreSQL the lineage trigger).
        raise ValidationError(
            {"trained_by": _("This change would make the lineage a loop.")}, code="lineage_loop"
        ) from error
    _generations_renumber(trainer)
    return trainer


@transaction.atomic
def trainer_lineage_set(*, trainer: Trainer, trained_by: Trainer | None, by) -> Trainer:
    """Record who trained a trainer; the lineage stays a tree and the generations below follow.

    A trainer cannot be trained by themselves or anyone down their own lineage (`Trainer.validate_trained_by`,
    refused with a ValidationError on `trained_by`). Lineage writes are serialised (`Trainer.lineage_lock`),
    so the check sees every edit committed before it and two edits racing cannot close a loop; the trainer's
    row is locked too. Returns the trainer as saved, with its new generation.
    """
    Trainer.lineage_lock()
    trainer = Trainer.objects.select_for_update(of=("self",)).select_related("person").get(pk=trainer.pk)
    before = trainer.trained_by_id
    trainer = _lineage_write(trainer, trained_by)
    if before != trainer.trained_by_id:
        log(trainer, LINEAGE_LOG_ACTION, user=by, data={"from": before, "to": trainer.trained_by_id})
    return trainer


@transaction.atomic
def trainer_certify(*, trainer: Trainer, level: str, issued_by) -> Certificate:
    """A province administrator certifies a trainer: rules checked, level set, certificate naming their trainer."""
    if level not in (Trainer.CORE, Trainer.MASTER):
        raise ValidationError({"level": _("Certify as a core or a master trainer.")})
    Trainer.lineage_lock()
    trainer = Trainer.objects.select_for_update(of=("self",)).select_related("person").get(pk=trainer.pk)
    unmet = trainer_certification_unmet(trainer=trainer)
    if unmet:
        raise ValidationError(unmet)
    trained_by = trainer.trained_by
    if trained_by is None:
        # The master trainer who passed their practicum trained them (never someone down their own lineage).
        passed = (
            counted_tot_places(trainer.person)
            .filter(result=PracticumResult.PASSED)
            .exclude(assessed_by=None)
            .exclude(assessed_by__in=Trainer.objects.lineage_below(trainer))
            .select_related("assessed_by")
            .order_by("-session__ends_on")
            .first()
        )
        trained_by = passed.assessed_by if passed else None
    before = trainer.trained_by_id
    trainer = _lineage_write(trainer, trained_by)
    if before != trainer.trained_by_id:
        log(trainer, LINEAGE_LOG_ACTION, user=issued_by, data={"from": before, "to": trainer.trained_by_id})
    trainer.level = level
    trainer.save(update_fields=["level"])
    return certification_issue(
        person=trainer.person,
        kind=Certificate.TRAINER,
        trainer_level=level,
        trained_by=trainer.trained_by,
        area=trainer.home_area,
        issued_by=issued_by,
    )


def certificate_pdf_render(*, certificate_id: int) -> Certificate:
    """Render and store a certificate's PDF once; a retry finds it done and changes nothing.

    A certificate whose file has gone missing (a restored database, a lost volume) is rendered again.
    """
    from .pdf import certificate_pdf_bytes

    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("course", "trained_by__person", "area", "person")
            .get(pk=certificate_id)
        )
        if certificate.status == Certificate.REVOKED:
            return certificate  # its PDF is never handed out again
        if not certificate.person.is_active:
            return certificate  # a deleted account: no new PDF, no message to an anonymised address
        if certificate.pdf_rendered_at and certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name):
            return certificate
        data = certificate_pdf_bytes(certificate)
        name = pdf_storage_name(certificate.number)
        storage = certificate.pdf.storage
        if storage.exists(name):
            # Left by an attempt that died before committing: replace it rather than add a second file.
            storage.delete(name)
        certificate.pdf.save(name, ContentFile(data), save=False)
        certificate.pdf_sha256 = hashlib.sha256(data).hexdigest()
        certificate.pdf_rendered_at = timezone.now()
        certificate.save(update_fields=["pdf", "pdf_sha256", "pdf_rendered_at"])
        # The holder is told once the PDF exists; the outbox's natural key makes a second queueing a no-op.
        notification_queue(
            user_id=certificate.person_id,
            kind=Notification.CERTIFICATE_ISSUED,
            object_key=f"certificate:{certificate.pk}",
            context={"certificate_id": certificate.pk},
        )
    return certificate


# --- Renewal (the rules and their evidence: trainers/renewal.py) ---------------------------------------

RENEWAL_LOG_ACTION = "trainers.certificate.renew"
RENEWAL_REQUEST_LOG_ACTION = "trainers.certificate.renewal_request"


@transaction.atomic
def certificate_renewal_request(*, certificate: Certificate, by) -> Certificate:
    """The holder asks for renewal once every rule is met; their area's administrators are told (once)."""
    from areas.rollup import administrators_by_area

    from .notifications import notifications_queue
    from .renewal import renewal_check

    certificate = Certificate.objects.select_for_update(of=("self",)).get(pk=certificate.pk)
    if certificate.person_id != by.pk:
        raise ValidationError(_("Only the holder asks for their certificate's renewal."))
    check = renewal_check(certificate)
    if check.blocked:
        raise ValidationError(check.blocked)
    if not check.rules_met:
        raise ValidationError(check.unmet)
    if certificate.renewal_requested_at is None:
        certificate.renewal_requested_at = timezone.now()
        certificate.save(update_fields=["renewal_requested_at"])
        log(certificate, RENEWAL_REQUEST_LOG_ACTION, user=by)
    notifications_queue(
        Notification(
            user_id=admin_id,
            kind=Notification.RENEWAL_REQUESTED,
            object_key=f"certificate:{certificate.pk}",
            context={"certificate_id": certificate.pk},
        )
        for admin_id in administrators_by_area().get(certificate.area_id, ())
    )
    return certificate


@transaction.atomic
def certificate_renew(*, certificate: Certificate, issued_by) -> Certificate:
    """Renew a certificate whose holder meets the rules: a new certificate continuing its number and lineage.

    Never twice: the old row is locked while the rules are checked, and the database's one-to-one `renews`
    refuses a second renewal that a racing approval could not see.
    """
    from .renewal import renewal_check, renewal_dates, renewal_number

    certificate = Certificate.objects.select_for_update(of=("self",)).select_related("person").get(pk=certificate.pk)
    check = renewal_check(certificate)
    if check.blocked:
        raise ValidationError(check.blocked, code="renewal_blocked")
    if not check.rules_met:
        raise ValidationError(check.unmet, code="renewal_rules_unmet")
    issued_on, expires_on = renewal_dates(certificate)
    renewal = Certificate(
        kind=certificate.kind,
        number=renewal_number(certificate),
        person=certificate.person,
        holder_name=nfc(certificate.person.full_name),
        course=certificate.course,
        trainer_level=certificate.trainer_level,
        trained_by=certificate.trained_by,
        area=certificate.area,
        issued_on=issued_on,
        expires_on=expires_on,
        issued_by=issued_by,
        renews=certificate,
    )
    try:
        with transaction.atomic():  # a savepoint: losing the race leaves the caller's transaction usable
            renewal.save()
    except IntegrityError as error:
        raise ValidationError(_("This certificate has already been renewed."), code="already_renewed") from error
    log(renewal, RENEWAL_LOG_ACTION, user=issued_by, data={"renews": certificate.number})
    from .tasks import render_certificate_pdf  # tasks import this module

    render_certificate_pdf.delay_on_commit(renewal.pk)
    return renewal
