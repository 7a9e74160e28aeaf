"""What training sessions put into the one outbox (trainers.notifications): reminders and the session's details."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from accounts.links import absolute_url
from trainers.models import Notification
from trainers.notifications import notifications_queue, write_from_templates

from .models import SessionParticipant, SessionReview, SessionStatus, TrainingSession


def queue_session_reminders(*, today: datetime.date | None = None) -> int:
    """Remind everyone enrolled in a session that starts tomorrow."""
    tomorrow = (today or timezone.localdate()) + datetime.timedelta(days=1)
    places = SessionParticipant.objects.filter(
        session__starts_on=tomorrow, session__review_status=SessionStatus.APPROVED, person__isnull=False
    ).values_list("session_id", "person_id")
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
    """The session a notification names (and the review step it reports), for its e-mail templates."""
    if "session_id" not in data:
        return {}
    context = {"session": TrainingSession.objects.select_related("area").filter(pk=data["session_id"]).first()}
    if "review_id" in data and context["session"] is not None:
        review = SessionReview.objects.select_related("by").filter(pk=data["review_id"]).first()
        pk = data["session_id"]
        action = "report_review" if review and review.stage == SessionReview.REPORT else "review"
        context.update(
            review=review,
            session_url=absolute_url(reverse("training:session_detail", args=[pk])),
            review_url=absolute_url(reverse(f"training_session:{action}", args=[pk])),
        )
    return context


def write_session_notice(notification: Notification) -> tuple[str, str]:
    """A notification about a session: the outbox's templates, given the session (and review) it names."""
    return write_from_templates(notification, **session_context(notification.context or {}))


# Registered with the outbox from TrainingConfig.ready().
SESSION_KINDS = (Notification.SESSION_REMINDER, Notification.SESSION_SUBMITTED, Notification.SESSION_REVIEWED)
