from celery import shared_task


@shared_task
def queue_session_reminders() -> int:
    """Periodic (daily): remind participants of the sessions that start tomorrow."""
    from .notifications import queue_session_reminders as queue

    return queue()
