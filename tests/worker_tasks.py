"""Tasks for the worker tests only (the worker loads them with `--include tests.worker_tasks`)."""

import time
from pathlib import Path

from celery import shared_task


@shared_task(name="tests.nap", acks_late=True)
def nap(seconds: float, marker: str) -> None:
    """Hold the worker for a while (the message stays unacknowledged), then leave a mark."""
    time.sleep(seconds)
    with Path(marker).open("a") as f:
        f.write("done\n")
