"""What training sessions put into the one outbox (trainers.notifications): reminders and the session's details."""

from __future__ import annotations

import datetime

from django.utils import timezone

from trainers.models import Notification
from trainers.notifications import notifications_queue, write_from_templates

from .models import SessionParticipant, TrainingSession


def queue_session_reminders(*, today: datetime.date | None = None) -> int:
    """Remind everyone enrolled in a session that starts tomorrow."""
    tomorrow = (today or timezone.localdate()) + datetime.timedelta(days=1)
    places = SessionParticipant.objects.filter(session__starts_on=tomorrow).values_list("session_id", "person_id")
    return len(
        notifications_queue(
            Notification(
                user_id=person_id,
                kind=Notification.SESSION_REMINDER,
                object_key=f"session:{session_id}",
                period=tomorrow.isoformat(),
                context={"session_id": session_id},
            )
            for session_id, person_id in places
        )
    )


def write_session_notice(notification: Notification) -> tuple[str, str]:
    """A notification about a session: the outbox's templates, given the session it names."""
    session_id = (notification.context or {}).get("session_id")
    session = TrainingSession.objects.select_related("area").filter(pk=session_id).first()
    return write_from_templates(notification, session=session)


# Registered with the outbox from TrainingConfig.ready().
SESSION_KINDS = (Notification.SESSION_REMINDER,)
