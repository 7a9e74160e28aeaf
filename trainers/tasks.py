"""Background work for the trainer programme; every task takes ids and may safely run twice."""

from celery import shared_task
from django.core.cache import cache

from core.transient_errors import TRANSIENT_ERRORS


@shared_task(
    # Acknowledged only once done, and put back if the worker process dies mid-render (killed, out of
    # memory): a certificate is never left without its PDF because a worker went away.
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=10,
)
def render_certificate_pdf(certificate_id: int) -> str:
    """Render a certificate's PDF once; returns its SHA-256 (a second run changes nothing)."""
    from .services import certificate_pdf_render

    return certificate_pdf_render(certificate_id=certificate_id).pdf_sha256


# A render waiting its turn behind others (a class's batch) is not lost: the sweep queues a certificate again only
# when it was not queued within this time. The mark lives in the cache; a forgotten one costs a render that finds
# the PDF done.
RENDER_WAIT_SECONDS = 30 * 60


def _queued_mark(certificate_id: int) -> str:
    return f"certificate-pdf-queued:{certificate_id}"


def certificate_render_queue(certificate_id: int) -> bool:
    """Queue a certificate's render now and mark it queued; False with the broker away (the sweep retries)."""
    queued = render_certificate_pdf.publish((certificate_id,))
    if queued:
        cache.set(_queued_mark(certificate_id), True, RENDER_WAIT_SECONDS)
    return queued


@shared_task
def render_missing_certificate_pdfs() -> int:
    """Periodic: queue a render for every certificate still without its PDF whose task was lost, not those
    queued recently and waiting their turn. Returns how many were queued."""
    from .models import Certificate

    queued = 0
    for pk in Certificate.objects.awaiting_pdf().values_list("pk", flat=True):
        if cache.get(_queued_mark(pk)) is None and certificate_render_queue(pk):
            queued += 1
    return queued


# --- Notifications (trainers/notifications.py): rows in an outbox, each sent at most once -----------


@shared_task(acks_late=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=True, retry_jitter=True, max_retries=5)
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
