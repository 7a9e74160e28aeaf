from celery import shared_task


@shared_task
def queue_session_reminders() -> int:
    """Periodic (daily): remind participants of the sessions that start tomorrow."""
    from .notifications import queue_session_reminders as queue

    return queue()


@shared_task
def delete_expired_imports() -> int:
    """Periodic (every five minutes): delete uploaded lists never confirmed or cancelled; a repeat finds none."""
    from .attendance_import.pending import delete_expired

    return delete_expired()
