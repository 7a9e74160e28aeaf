"""What training sessions put into the one outbox (trainers.notifications): reminders and the session's details."""

from __future__ import annotations

import datetime

from django.utils import timezone

from trainers.models import Notification
from trainers.notifications import notifications_queue

from .models import SessionParticipant, TrainingSession


def queue_session_reminders(*, today: datetime.date | None = None) -> int:
    """Remind everyone enrolled in a session that starts tomorrow."""
    tomorrow = (today or timezone.localdate()) + datetime.timedelta(days=1)
    places = SessionParticipant.objects.filter(session__starts_on=tomorrow, person__isnull=False).values_list(
        "session_id", "person_id"
    )
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


def session_context(data: dict) -> dict:
    """The session a notification names, for its e-mail templates."""
    if "session_id" not in data:
        return {}
    return {"session": TrainingSession.objects.select_related("area").filter(pk=data["session_id"]).first()}
