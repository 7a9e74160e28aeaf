"""Celery tasks through a real worker on Redis (runs when CELERY_BROKER_URL points at Redis)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from redis import Redis

from lms.celery import app

ROOT = Path(__file__).resolve().parent.parent
BROKER = os.environ.get("CELERY_BROKER_URL", "")

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not BROKER.startswith("redis://"), reason="needs Redis: run under scripts/services.sh"),
]


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
    for _ in range(6):
        send_notification.apply_async((notification.pk,), queue="notifications-test")
    redis = Redis.from_url(BROKER)
    # No result backend: done when the queue is drained and every message is acknowledged.
    _wait_for(lambda: redis.llen("notifications-test") == 0 and redis.hlen("unacked") == 0, db_worker)
    notification.refresh_from_db()
    assert notification.status == Notification.SENT and notification.sent_at and notification.attempts == 1


@pytest.fixture
def render_worker(transactional_db, settings):
    """One prefork worker process (so its child can be killed) on the test's PostgreSQL database."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database only on PostgreSQL")
    settings_dict = connection.settings_dict
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": "postgres://{USER}{password}@{HOST}:{PORT}/{NAME}".format(password=password, **settings_dict),
        "DB_CONN_MAX_AGE": "0",
        "PRIVATE_MEDIA_ROOT": settings.PRIVATE_MEDIA_ROOT,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=prefork", "--concurrency=1", "-l", "warning",
         "-Q", "certificates-test", "-n", "certificates-test@%h", "--prefetch-multiplier=1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
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


def _wait_for(condition, worker, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert worker.poll() is None, worker.stdout.read()
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_render_cut_short_by_a_killed_worker_is_run_again(render_worker, settings):
    """The worker process dies mid-render: the message goes back to the queue and the certificate gets its PDF."""
    from django.db import connection, transaction

    from trainers.models import Certificate, Notification, Trainer
    from trainers.services import certification_issue
    from trainers.tasks import render_certificate_pdf

    from .trainers.factories import UserFactory

    certificate = certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE)
    with transaction.atomic():
        # Hold the certificate's row: the render blocks on it, so the worker is caught mid-task.
        Certificate.objects.select_for_update().get(pk=certificate.pk)
        render_certificate_pdf.apply_async((certificate.pk,), queue="certificates-test")
        with connection.cursor() as cursor:

            def render_waits_on_the_row():
                cursor.execute("SELECT pg_stat_clear_snapshot()")  # else the view is frozen for the transaction
                cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                return cursor.fetchone()[0] > 0

            _wait_for(render_waits_on_the_row, render_worker)
        children = subprocess.run(["pgrep", "-P", str(render_worker.pid)], capture_output=True, text=True).stdout
        for pid in children.split():
            os.kill(int(pid), 9)  # the pool's child that runs the task: killed, as by the OOM killer
    # The row is free; the requeued message runs in the pool's replacement child.
    _wait_for(lambda: Certificate.objects.filter(pk=certificate.pk, pdf_rendered_at__isnull=False).exists(),
              render_worker)  # fmt: skip
    certificate.refresh_from_db()
    assert certificate.pdf.read(4) == b"%PDF"
    assert len(list((Path(settings.PRIVATE_MEDIA_ROOT) / "certificates").iterdir())) == 1
    assert Notification.objects.filter(kind=Notification.CERTIFICATE_ISSUED, user=certificate.person).count() == 1
