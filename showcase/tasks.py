"""Background work for the showcase; every task takes ids and may safely run twice."""

from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_registration_notice(registration_id: int, kind: str) -> bool:
    """Email a registrant their confirmation or their "you have a place" notice, once."""
    from .services import registration_notice_send

    return registration_notice_send(registration_id=registration_id, kind=kind)
