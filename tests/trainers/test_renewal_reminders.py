"""Reminders before a trainer certificate expires: 90, 30 and 7 days ahead, to the holder and their area's
administrators, through the outbox, each once however often the daily task runs."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from trainers import tasks
from trainers.models import Notification
from trainers.services import certificate_renew

from .renewal_world import _holder_url, _meet_every_rule, renewal_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(course_tree):
    return renewal_world(course_tree.course)


def test_reminders_90_30_and_7_days_before_expiry_once_each(world, django_capture_on_commit_callbacks):
    old = world["certificate"]
    expires_on = old.expires_on

    def run_on(day):
        with mock.patch.object(timezone, "localdate", return_value=day):
            for _ in range(2):  # the task twice: the second run sends nothing
                with django_capture_on_commit_callbacks(execute=True):
                    tasks.queue_expiry_reminders.delay().get()

    sent = []
    for days_left in (95, 88, 60, 29, 20, 6, 1):
        run_on(expires_on - datetime.timedelta(days=days_left))
        sent.append(len(mail.outbox))
    # Nothing at 95 days; 90-day reminders at 88; 30-day at 29; 7-day at 6: to the holder and the administrator.
    assert sent == [0, 2, 2, 4, 4, 6, 6]
    holder = [m for m in mail.outbox if m.to == [world["trainer"].person.email]]
    assert len(holder) == 3 and _holder_url(old) in holder[0].body
    periods = sorted(Notification.objects.filter(user=world["trainer"].person).values_list("period", flat=True))
    assert periods == [f"{expires_on.isoformat()}/{days}" for days in ("30", "7", "90")]


def test_a_renewed_certificate_is_not_reminded_of(world, django_capture_on_commit_callbacks):
    _meet_every_rule(world)
    certificate_renew(certificate=world["certificate"], issued_by=world["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        tasks.queue_expiry_reminders.delay().get()
    assert not Notification.objects.filter(object_key=f"certificate:{world['certificate'].pk}").exists()
