"""Heartbeats of the worker and beat, and the province administrator's panel that watches them."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.heartbeats import Heartbeat
from home.tasks import record_worker_heartbeat
from lms.celery import HeartbeatScheduler, app

from .trainers.factories import areas, district_admin, province_admin

pytestmark = pytest.mark.django_db

with translation.override("vi"):  # the admin speaks Vietnamese
    PANEL = gettext("Background processes")
    WORKER_DOWN = gettext(
        "No worker has reported for more than 5 minutes: e-mails and certificates wait until one runs again."
    )
    BEAT_DOWN = gettext(
        "The scheduler (beat) has not reported for more than 5 minutes: reminders and catch-up sweeps are not queued."
    )


def test_the_worker_heartbeat_task_run_twice_keeps_one_row_per_worker():
    record_worker_heartbeat.apply()  # in-process, the request's host name is this machine's
    first = Heartbeat.objects.get()
    record_worker_heartbeat.apply()
    second = Heartbeat.objects.get()
    assert (second.pk, second.kind, second.hostname) == (first.pk, Heartbeat.WORKER, first.hostname)
    assert second.last_seen > first.last_seen


def test_beat_records_its_heartbeat_as_it_schedules_once_a_minute(tmp_path):
    scheduler = HeartbeatScheduler(app=app, schedule_filename=str(tmp_path / "beat-schedule"), lazy=True)
    scheduler.setup_schedule()
    # Nothing is published; beat's close_old_connections() would close the test's transaction on PostgreSQL.
    with mock.patch.object(HeartbeatScheduler, "apply_async"), mock.patch("django.db.close_old_connections"):
        assert scheduler.tick() <= 60
        scheduler.tick()
    beat = Heartbeat.objects.get(kind=Heartbeat.BEAT)
    assert beat.hostname.startswith("beat@") and not beat.is_stale


@pytest.fixture
def admins():
    a = areas()
    return {"province": province_admin(a["province"]), "district": district_admin(a["Duy Xuyên"])}


def test_the_panel_shows_the_province_administrator_when_each_process_was_last_seen(client, admins):
    Heartbeat.objects.create(kind=Heartbeat.WORKER, hostname="celery@web1", last_seen=timezone.now())
    Heartbeat.objects.create(kind=Heartbeat.BEAT, hostname="beat@web1", last_seen=timezone.now())
    client.force_login(admins["province"])
    html = client.get("/admin/").content.decode()
    assert PANEL in html and "celery@web1" in html and "beat@web1" in html
    assert WORKER_DOWN not in html and BEAT_DOWN not in html


def test_district_administrators_do_not_see_the_panel(client, admins):
    client.force_login(admins["district"])
    html = client.get("/admin/").content.decode()
    assert PANEL not in html and WORKER_DOWN not in html


def test_a_worker_silent_for_more_than_five_minutes_raises_the_alert(client, admins):
    minutes_ago = lambda n: timezone.now() - datetime.timedelta(minutes=n)  # noqa: E731
    Heartbeat.objects.create(kind=Heartbeat.WORKER, hostname="celery@web1", last_seen=minutes_ago(6))
    Heartbeat.objects.create(kind=Heartbeat.BEAT, hostname="beat@web1", last_seen=minutes_ago(4))
    client.force_login(admins["province"])
    html = client.get("/admin/").content.decode()
    assert WORKER_DOWN in html
    assert BEAT_DOWN not in html


def test_no_heartbeat_at_all_is_an_alert_too(client, admins):
    client.force_login(admins["province"])
    html = client.get("/admin/").content.decode()
    assert WORKER_DOWN in html and BEAT_DOWN in html
