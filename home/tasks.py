"""Background work of the site as a whole."""

from celery import shared_task


@shared_task(bind=True, ignore_result=True, acks_late=False)
def record_worker_heartbeat(self) -> None:
    """Periodic (every minute): the worker that runs this is alive. Expires rather than piling up while
    no worker runs: a late heartbeat says nothing about now."""
    from core.heartbeats import Heartbeat, heartbeat_record

    heartbeat_record(kind=Heartbeat.WORKER, hostname=self.request.hostname or "unknown")
