"""Two workers racing for one phone message, on PostgreSQL where they really run at once (skipped on SQLite)."""

import pytest
from django.db import connection

from trainers.models import Notification
from trainers.notifications import notification_send

from .factories import UserFactory
from .provider_stand_ins import EsmsStandIn
from .test_concurrency import _in_threads

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions"),
]


def test_workers_racing_for_a_phone_message_send_it_once(settings):
    with EsmsStandIn() as esms:
        settings.NOTIFICATION_PHONE_CHANNEL = "sms"
        settings.ESMS_API_URL = esms.url
        settings.ESMS_API_KEY, settings.ESMS_SECRET_KEY, settings.ESMS_BRANDNAME = "key", "secret", "TOT-LMS"
        person = UserFactory(email=None, phone="+84905123456")
        notice = Notification.objects.create(
            user=person, kind=Notification.REGISTRATION_ATTEMPT, object_key=f"user:{person.pk}", period="2026-12-07"
        )
        results = []
        _in_threads(4, lambda i: results.append(notification_send(notification_id=notice.pk)))
        assert sorted(results) == ["sent", "skipped", "skipped", "skipped"]
        assert len(esms.inbox) == 1
        notice.refresh_from_db()
        assert notice.status == Notification.SENT and notice.attempts == 1
