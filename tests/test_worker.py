"""Celery tasks through a real worker on Redis (runs when CELERY_BROKER_URL points at Redis)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lms.celery import app, ping

ROOT = Path(__file__).resolve().parent.parent
BROKER = os.environ.get("CELERY_BROKER_URL", "")

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not BROKER.startswith("redis://"), reason="needs Redis: run under scripts/services.sh"),
]


@pytest.fixture(scope="module")
def worker():
    """A real worker process on the Redis broker, using the test database when it is shared."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test", "CELERY_RESULT_BACKEND": BROKER}
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo", "--concurrency=1", "-l", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    previous = (app.conf.task_always_eager, app.conf.result_backend)
    app.conf.task_always_eager = False
    app.conf.result_backend = BROKER
    try:
        yield process
    finally:
        app.conf.task_always_eager, app.conf.result_backend = previous
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def test_task_round_trip_through_a_real_worker(worker):
    deadline = time.monotonic() + 60
    result = ping.delay("xin chào")
    while not result.ready() and time.monotonic() < deadline:
        assert worker.poll() is None, worker.stdout.read()
        time.sleep(0.2)
    assert result.get(timeout=5) == "pong:xin chào"
    assert result.status == "SUCCESS"
