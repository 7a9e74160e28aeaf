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
RESULTS = os.environ.get("CELERY_RESULT_BACKEND", "")

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(
        not (BROKER.startswith("redis://") and RESULTS), reason="needs Redis: run under scripts/services.sh"
    ),
]


@pytest.fixture(scope="module")
def worker():
    """A real worker process on the Redis broker, using the test database when it is shared."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test"}
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo", "--concurrency=1", "-l", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    app.conf.task_always_eager = False
    try:
        yield process
    finally:
        app.conf.task_always_eager = True
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
    assert result.get(timeout=5, disable_sync_subtasks=False) == "pong:xin chào"
    assert result.status == "SUCCESS"


@pytest.fixture
def db_worker(transactional_db):
    """A real worker on Redis that uses this test's PostgreSQL database (the worker is a separate process)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database only on PostgreSQL")
    settings_dict = connection.settings_dict
    url = "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**settings_dict)
    if settings_dict.get("PASSWORD"):
        url = "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**settings_dict)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": url,
        "DB_CONN_MAX_AGE": "0",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--pool=prefork",
            "--concurrency=2",
            "-l",
            "warning",
            "-Q",
            "notifications-test",
            "-n",
            "notifications-test@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    app.conf.task_always_eager = False
    try:
        yield process
    finally:
        app.conf.task_always_eager = True
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_notification_is_sent_once_by_racing_workers(db_worker, settings):
    """Six send tasks for the same outbox row on two worker processes: one claims it, the others find nothing."""
    from trainers.models import Notification
    from trainers.tasks import send_notification

    from .trainers.factories import UserFactory

    user = UserFactory(email="dua@example.org", full_name="Trần Thị Đua")
    notification = Notification.objects.create(user=user, kind=Notification.INACTIVE_REMINDER, object_key="learning")
    results = [send_notification.apply_async((notification.pk,), queue="notifications-test") for _ in range(6)]
    deadline = time.monotonic() + 120  # two prefork workers start (Django set-up) before the first task
    while not all(r.ready() for r in results) and time.monotonic() < deadline:
        assert db_worker.poll() is None, db_worker.stdout.read()
        time.sleep(0.2)
    outcomes = sorted(r.get(timeout=5, disable_sync_subtasks=False) for r in results)
    assert outcomes == ["sent"] + ["skipped"] * 5
    notification.refresh_from_db()
    assert notification.status == Notification.SENT and notification.sent_at and notification.attempts == 1
