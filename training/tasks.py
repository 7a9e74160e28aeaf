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


@shared_task(acks_late=True, reject_on_worker_lost=True)
def render_session_printout(session_id: int) -> str:
    """Make a class's merged PDF and ZIP of certificates (training.certificates); a second run changes nothing."""
    from .certificates import printout_render

    printout = printout_render(session_id=session_id)
    return f"{printout.rendered}/{printout.total}"


def printout_render_queue(session_id: int) -> bool:
    """Queue the print files of a class; False with the broker away (asking again on the page queues it again)."""
    return render_session_printout.publish((session_id,))
