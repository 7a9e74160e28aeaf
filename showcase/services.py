"""Writes across several showcase tables: registering, cancelling and checking in; team and review of projects."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.phones import normalise_phone

from .models import (
    EventPage,
    ProjectInvitation,
    ProjectMember,
    Registration,
    StartupProject,
    clean_check_in_code,
    new_check_in_code,
)
from .notices import invitation_notice_queue, registration_notice_queue
from .querysets import invitation_token_read

logger = logging.getLogger(__name__)


# --- Events -------------------------------------------------------------------------------------


def _lock_event(event: EventPage) -> EventPage:
    """The event row, locked until the transaction ends: places are handed out one request at a time.

    `of=("self",)` locks only the event's own table, not Wagtail's page row editors are publishing.
    """
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def _fill_places(event: EventPage) -> list[Registration]:
    """Move people up from the waiting list while places are free; the event must be locked."""
    free = event.capacity - Registration.objects.filter(event=event).confirmed().count()
    if free <= 0:
        return []
    promoted = list(Registration.objects.filter(event=event).waiting().select_for_update()[:free])
    now = timezone.now()
    for registration in promoted:
        registration.status = Registration.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        registration_notice_queue(registration=registration, kind=Registration.PROMOTION)
    return promoted


@transaction.atomic
def registration_create(
    *,
    event: EventPage,
    person=None,
    full_name: str = "",
    phone: str | None = None,
    email: str | None = None,
    language: str = "vi",
    consent_notice_version: str = "",
) -> tuple[Registration, bool]:
    """Register a person (or a visitor by name and phone): a place if one is free, else the waiting list.

    Returns (registration, registered): `registered` is False when an active registration already
    holds this person (signed in) or this phone (visitor). That registration may be someone else's:
    callers show it only to its owner. A cancelled one is taken up again at the end of the queue,
    with a new code, so the old ticket link stops working.
    """
    if person is not None and not person.is_authenticated:
        person = None
    if person is not None:
        full_name = full_name or person.full_name
        phone = phone or person.phone
        email = email or person.email
    phone = normalise_phone(phone) if phone else None
    email = (email or "").strip().lower() or None
    full_name = (full_name or "").strip()
    if person is None and phone is None:
        raise ValidationError(_("Enter a valid Vietnamese phone number, for example 0905 123 456."))
    if not full_name:
        raise ValidationError(_("Enter your full name."))

    event = _lock_event(event)
    if not event.accepts_registrations:
        raise ValidationError(_("Registration for this event is closed."))

    # A signed-in person is known by their account, a visitor by their phone. An account's phone is
    # not verified, so it never picks out a visitor's registration, and a visitor's phone never
    # blocks the account holder: they register without it.
    same = Q(person=person) if person is not None else Q(phone=phone)
    matches = list(Registration.objects.filter(event=event).filter(same).select_for_update())
    active = [r for r in matches if r.status != Registration.CANCELLED]
    if active:
        return active[0], False
    existing = matches[0] if matches else None
    if person is not None and phone:
        taken = Registration.objects.filter(event=event, phone=phone)
        if existing is not None:
            taken = taken.exclude(pk=existing.pk)
        if taken.exists():
            phone = None

    # Nobody jumps the queue: places freed by a raised capacity go to the waiting list first.
    _fill_places(event)
    has_room = Registration.objects.filter(event=event).confirmed().count() < event.capacity
    status = Registration.CONFIRMED if has_room else Registration.WAITING
    registration = existing or Registration(event=event)
    if existing is not None:
        registration.code = new_check_in_code()
    registration.person = person
    registration.full_name = full_name
    registration.phone = phone
    registration.email = email
    registration.language = language
    registration.consent_notice_version = consent_notice_version
    registration.consented_at = timezone.now() if consent_notice_version else None
    registration.status = status
    registration.queued_at = timezone.now()
    registration.cancelled_at = None
    registration.promoted_at = None
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:
        # Only reachable without row locks (SQLite): two requests for the same person at once.
        raise ValidationError(_("You are already registered for this event.")) from error
    registration_notice_queue(registration=registration, kind=Registration.CONFIRMATION)
    return registration, True


@transaction.atomic
def registration_cancel(*, registration: Registration) -> list[Registration]:
    """Cancel a place (or a place in the queue) and move the waiting list up; returns who moved up."""
    event = _lock_event(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.CANCELLED:
        return []
    if registration.checked_in_at:
        raise ValidationError(_("This person has already been checked in; the registration cannot be cancelled."))
    registration.status = Registration.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    return _fill_places(event)


@transaction.atomic
def event_fill_places(*, event: EventPage) -> list[Registration]:
    """After the capacity was raised: give the new places to the waiting list, in order."""
    return _fill_places(_lock_event(event))


@dataclasses.dataclass(frozen=True)
class CheckInResult:
    OK, ALREADY, UNKNOWN, NOT_CONFIRMED, OTHER_EVENT = "ok", "already", "unknown", "not_confirmed", "other_event"

    outcome: str
    registration: Registration | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == self.OK

    @property
    def message(self) -> str:
        reg = self.registration
        if self.outcome == self.OK:
            return _("%(name)s is checked in.") % {"name": reg.full_name}
        if self.outcome == self.ALREADY:
            when = timezone.localtime(reg.checked_in_at)
            return _("%(name)s was already checked in at %(time)s on %(date)s.") % {
                "name": reg.full_name,
                "time": formats.time_format(when, "TIME_FORMAT"),
                "date": formats.date_format(when, "SHORT_DATE_FORMAT"),
            }
        if self.outcome == self.NOT_CONFIRMED:
            return _("%(name)s has no place at this event (%(status)s); not checked in.") % {
                "name": reg.full_name,
                "status": reg.get_status_display(),
            }
        if self.outcome == self.OTHER_EVENT:
            return _("This code is for another event: %(event)s. Not checked in.") % {"event": reg.event.title}
        return _("Unknown code: nobody is registered with it. Not checked in.")


@transaction.atomic
def registration_check_in(*, code: str, by, event: EventPage | None = None) -> CheckInResult:
    """Check a person in by their ticket's code: once. A second scan says when; an unknown code is refused."""
    code = clean_check_in_code(code)
    registration = (
        Registration.objects.select_for_update(of=("self",)).select_related("event").filter(code=code).first()
        if code
        else None
    )
    if registration is None:
        return CheckInResult(CheckInResult.UNKNOWN)
    if event is not None and registration.event_id != event.pk:
        return CheckInResult(CheckInResult.OTHER_EVENT, registration)
    if registration.checked_in_at is not None:
        return CheckInResult(CheckInResult.ALREADY, registration)
    if registration.status != Registration.CONFIRMED:
        return CheckInResult(CheckInResult.NOT_CONFIRMED, registration)
    registration.checked_in_at = timezone.now()
    registration.checked_in_by = by if getattr(by, "is_authenticated", False) else None
    registration.save(update_fields=["checked_in_at", "checked_in_by"])
    return CheckInResult(CheckInResult.OK, registration)


@transaction.atomic
def registrations_anonymise(*, person) -> int:
    """When an account is deleted: keep the counts, drop the name, phone and email copied at registration."""
    return Registration.objects.filter(person=person).update(full_name="—", email=None, phone=None)


# --- Projects -----------------------------------------------------------------------------------


def _addresses_of(people) -> set[str]:
    return {a for p in people for a in ((p.email or "").lower(), p.phone) if a}


@transaction.atomic
def project_team_update(
    *,
    project: StartupProject,
    by,
    invite: Sequence[str] = (),
    remove: Sequence = (),
    withdraw: Sequence[ProjectInvitation] = (),
) -> None:
    """A team member changes the team: removes members (never the lead), withdraws and sends invitations.

    Whoever saves a project without a team becomes its lead. Nobody is added without their consent:
    an address gets an invitation, whether or not an account signs in with it, and the same address
    is never asked twice (a declined invitation stays). An email address is sent the invitation's
    link (through the outbox, showcase/notices.py); for a phone number the team sends the link it sees
    on the project's form.
    """
    if not ProjectMember.objects.filter(project=project).exists():
        ProjectMember.objects.create(project=project, person=by, is_lead=True)
    ProjectMember.objects.filter(project=project, is_lead=False, person__in=[p.pk for p in remove]).exclude(
        person=by
    ).delete()
    ProjectInvitation.objects.filter(project=project, pk__in=[i.pk for i in withdraw]).pending().delete()
    on_team = _addresses_of(p.person for p in ProjectMember.objects.filter(project=project).select_related("person"))
    for address in invite:
        if address not in on_team:
            invitation, created = ProjectInvitation.objects.get_or_create(
                project=project, address=address, defaults={"invited_by": by}
            )
            if created:
                invitation_notice_queue(invitation=invitation, language=translation.get_language() or "vi")


def _invitation_for(*, token: str) -> tuple[ProjectInvitation | None, StartupProject | None]:
    """The invitation a link names, locked, and its project; (None, project) once it was accepted or withdrawn."""
    ids = invitation_token_read(token)
    if ids is None:
        raise ValidationError(_("This invitation link is not valid. Ask the team to send it again."))
    invitation = ProjectInvitation.objects.with_token(token).select_for_update().select_related("project").first()
    if invitation is not None:
        return invitation, invitation.project
    return None, StartupProject.objects.filter(pk=ids[1]).first()


def _already_answered() -> ValidationError:
    return ValidationError(_("This invitation has been withdrawn or already answered."))


@transaction.atomic
def project_invitation_accept(*, token: str, person) -> StartupProject:
    """Whoever follows the invitation's link joins the team; the invitation is spent.

    Holding the link is the proof: it went to the invited address (or the team gave it to the person).
    Answering again is harmless: someone already on the team is simply on the team.
    """
    invitation, project = _invitation_for(token=token)
    if invitation is None or invitation.status != ProjectInvitation.PENDING:
        if project is not None and ProjectMember.objects.filter(project=project, person=person).exists():
            return project
        raise _already_answered()
    ProjectMember.objects.get_or_create(project=project, person=person, defaults={"is_lead": False})
    invitation.delete()
    return project


@transaction.atomic
def project_invitation_decline(*, token: str, person) -> None:
    """The link's holder says no; the invitation stays, declined, so the team cannot ask again."""
    invitation, _project = _invitation_for(token=token)
    if invitation is None:
        raise _already_answered()
    if invitation.status == ProjectInvitation.DECLINED:
        return
    invitation.status = ProjectInvitation.DECLINED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])


@transaction.atomic
def project_submit(*, project: StartupProject, by) -> StartupProject:
    """A team member sends their project for review."""
    project = StartupProject.objects.select_for_update().get(pk=project.pk)
    if not StartupProject.objects.of_team(by).filter(pk=project.pk).exists():
        raise ValidationError(_("Only the project's team can submit it."))
    if project.status not in (StartupProject.DRAFT, StartupProject.RETURNED):
        raise ValidationError(_("This project is not a draft; it cannot be submitted again."))
    project.status = StartupProject.SUBMITTED
    project.submitted_at = timezone.now()
    project.save(update_fields=["status", "submitted_at", "updated_at"])
    log(instance=project, action="showcase.project.submit", user=by)
    return project


@transaction.atomic
def project_review(*, project: StartupProject, by, publish: bool, comment: str = "") -> StartupProject:
    """An administrator of the project's area publishes it, or returns it to the team with a comment."""
    if not by.has_perm("showcase.review_startupproject"):
        raise ValidationError(_("You may not review startup projects."))
    if not StartupProject.objects.visible_to(by).filter(pk=project.pk).exists():
        raise ValidationError(_("This project is outside your area."))
    if not publish and not comment.strip():
        raise ValidationError(_("Say what the team should change."))
    project = StartupProject.objects.select_for_update().get(pk=project.pk)
    now = timezone.now()
    project.status = StartupProject.PUBLISHED if publish else StartupProject.RETURNED
    project.review_comment = comment.strip()
    project.reviewed_at = now
    project.reviewed_by = by
    if publish and project.published_at is None:
        project.published_at = now
    project.save(update_fields=["status", "review_comment", "reviewed_at", "reviewed_by", "published_at", "updated_at"])
    log(
        instance=project,
        action="showcase.project.publish" if publish else "showcase.project.return",
        user=by,
        data={"comment": project.review_comment},
    )
    return project
