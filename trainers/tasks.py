"""Background work for the trainer programme; every task takes ids and may safely run twice."""

from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def render_certificate_pdf(certificate_id: int) -> str:
    """Render a certificate's PDF once; returns its SHA-256."""
    from .services import certificate_pdf_render

    return certificate_pdf_render(certificate_id=certificate_id).pdf_sha256


# --- Notifications (trainers/notifications.py): rows in an outbox, each sent at most once -----------


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_notification(notification_id: int) -> str:
    """Send one queued notification; a second run (retry, redelivery, a racing worker) sends nothing."""
    from .notifications import notification_send

    return notification_send(notification_id=notification_id)


@shared_task
def queue_certificate_notifications() -> int:
    """Periodic: tell holders that their certificate's PDF is ready."""
    from .notifications import queue_certificate_notifications as queue

    return queue()


@shared_task
def queue_session_reminders() -> int:
    """Periodic (daily): remind participants of the sessions that start tomorrow."""
    from .notifications import queue_session_reminders as queue

    return queue()


@shared_task
def queue_inactivity_reminders() -> int:
    """Periodic (daily): remind learners inactive for 14 days with an unfinished course."""
    from .notifications import queue_inactivity_reminders as queue

    return queue()


@shared_task
def queue_expiry_reminders() -> int:
    """Periodic (daily): trainer certificates expiring within 30 days, to holders and district administrators."""
    from .notifications import queue_expiry_reminders as queue

    return queue()


@shared_task
def sweep_notifications() -> dict:
    """Periodic: re-enqueue pending notifications whose task was lost; fail those stuck while sending."""
    from .notifications import notifications_sweep

    return notifications_sweep()
