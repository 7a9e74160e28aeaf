"""The showcase's e-mails, sent through the one outbox (trainers/notifications.py).

Startup Day registrants get their confirmation (or waiting-list place) and, when they move up, a
"you have a place now" notice; an e-mail address invited to a project team gets the invitation's
link. Each is a row in the outbox, so it is sent once, tried again after an SMTP error, recorded when
it fails, listed in the admin's outbox and sent again from there; the outbox's sweeper re-queues a
message whose task was lost. The text is written when sent, in the language of the request that
caused it; a message that is no longer due by then (a cancelled registration, an event that is
over, an invitation withdrawn or answered) is not sent.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from accounts.links import absolute_url
from trainers.models import Notification
from trainers.notifications import notification_queue, notification_writer

from .models import ProjectInvitation, Registration

_REGISTRATION_KINDS = {
    Registration.CONFIRMATION: Notification.EVENT_REGISTRATION,
    Registration.PROMOTION: Notification.EVENT_PLACE,
}


def _registration_period(registration: Registration, kind: str) -> str:
    # One message per time in the queue: registering again after cancelling is owed a new confirmation.
    moment = registration.queued_at if kind == Registration.CONFIRMATION else registration.promoted_at
    return moment.isoformat() if moment else ""


def registration_notice_queue(*, registration: Registration, kind: str) -> None:
    """Owe a registrant with an e-mail address their confirmation (or their place notice); sent after the commit."""
    if not registration.email:
        return
    notification_queue(
        kind=_REGISTRATION_KINDS[kind],
        object_key=f"registration:{registration.pk}",
        period=_registration_period(registration, kind),
        user_id=registration.person_id,
        address=registration.email,
        language=registration.language,
    )


def invitation_notice_queue(*, invitation: ProjectInvitation, language: str) -> None:
    """Owe an invited e-mail address the invitation's link (a phone number is given the link by the team)."""
    if invitation.is_email:
        notification_queue(
            kind=Notification.PROJECT_INVITATION,
            object_key=f"invitation:{invitation.pk}",
            address=invitation.address,
            language=language,
        )


def _object_id(notification: Notification) -> int | None:
    _name, _colon, pk = notification.object_key.partition(":")
    return int(pk) if pk.isdigit() else None


def _registration_notice(notification: Notification, kind: str) -> tuple[str, str] | None:
    registration = Registration.objects.select_related("event").filter(pk=_object_id(notification)).first()
    if (
        registration is None
        or not registration.email  # anonymised since
        or registration.status == Registration.CANCELLED
        or registration.event.ends_at <= timezone.now()
        or _registration_period(registration, kind) != notification.period  # cancelled and registered again
    ):
        return None
    context = {
        "registration": registration,
        "event": registration.event,
        "kind": kind,
        "ticket_url": absolute_url(registration.get_absolute_url()),
        "event_url": absolute_url(registration.event.url) if registration.event.url else "",
        "waiting_position": registration.waiting_position(),
    }
    return (
        render_to_string("showcase/emails/registration_subject.txt", context),
        render_to_string("showcase/emails/registration_body.txt", context),
    )


@notification_writer(Notification.EVENT_REGISTRATION)
def _registration_confirmation(notification: Notification) -> tuple[str, str] | None:
    return _registration_notice(notification, Registration.CONFIRMATION)


@notification_writer(Notification.EVENT_PLACE)
def _registration_place(notification: Notification) -> tuple[str, str] | None:
    return _registration_notice(notification, Registration.PROMOTION)


@notification_writer(Notification.PROJECT_INVITATION)
def _project_invitation(notification: Notification) -> tuple[str, str] | None:
    invitation = (
        ProjectInvitation.objects.pending()
        .select_related("project", "invited_by")
        .filter(pk=_object_id(notification))
        .first()
    )
    if invitation is None:  # withdrawn or answered
        return None
    context = {
        "invitation": invitation,
        "project": invitation.project,
        "inviter": invitation.invited_by.full_name if invitation.invited_by else "",
        "invitation_url": absolute_url(invitation.get_absolute_url()),
    }
    return (
        render_to_string("showcase/emails/invitation_subject.txt", context),
        render_to_string("showcase/emails/invitation_body.txt", context),
    )
