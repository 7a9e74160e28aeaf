"""With the broker down, a request that queues background work still answers, and the work waits in the outbox."""

import socket
import time

import pytest

from lms.celery import app
from trainers.models import Notification


@pytest.fixture
def broker_down():
    """The app publishes to a Redis port nothing listens on (as when Redis restarts), instead of running eagerly."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # free once closed: connections are refused
    saved = app.conf.broker_url, app.conf.task_always_eager
    app.conf.broker_url, app.conf.task_always_eager = f"redis://127.0.0.1:{port}/0", False
    app._pool = None  # the producer pool was built for the old URL
    try:
        yield
    finally:
        app.conf.broker_url, app.conf.task_always_eager = saved
        app._pool = None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_enrolling_with_the_broker_down_answers_and_keeps_the_confirmation(broker_down, client, course_tree, learner):
    client.force_login(learner)
    started = time.monotonic()
    response = client.post(f"/courses/{course_tree.course.pk}/enroll/")
    elapsed = time.monotonic() - started

    assert response.status_code == 302
    assert learner.enrollments.filter(course=course_tree.course).exists()
    assert elapsed < 5, f"the request waited {elapsed:.1f} s for the broker"
    # The confirmation is still pending in the outbox: the sweeper queues it again once Redis is back.
    confirmation = Notification.objects.get(user=learner, kind=Notification.ENROLLED)
    assert confirmation.status == Notification.PENDING and confirmation.sent_at is None
