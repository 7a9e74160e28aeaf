"""Background work for the showcase; every task takes ids and may safely run twice."""

from celery import shared_task

from core.transient_errors import TRANSIENT_ERRORS


@shared_task(acks_late=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=True, retry_jitter=True, max_retries=5)
def send_registration_notice(registration_id: int, kind: str) -> bool:
    """Email a registrant their confirmation or their "you have a place" notice, once."""
    from .services import registration_notice_send

    return registration_notice_send(registration_id=registration_id, kind=kind)


@shared_task
def sweep_registration_notices() -> int:
    """Periodic: queue again the registration notices whose task was lost (the broker was away)."""
    from .services import registration_notices_sweep

    return registration_notices_sweep()


@shared_task(acks_late=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=True, retry_jitter=True, max_retries=5)
def send_project_invitation(invitation_id: int, language: str) -> bool:
    """Email an invited address the link that answers the invitation, once."""
    from .services import project_invitation_send

    return project_invitation_send(invitation_id=invitation_id, language=language)


@shared_task
def sweep_project_invitations() -> int:
    """Periodic: queue again the invitation e-mails whose task was lost (the broker was away)."""
    from .services import project_invitations_sweep

    return project_invitations_sweep()
