"""The demo's phone-only learners: one per phone channel, no e-mail, loaded once however often the loader runs."""

import pytest

from accounts.demo import load_phone_learners
from accounts.models import Consent, User

pytestmark = pytest.mark.django_db


def test_phone_only_demo_learners_one_per_channel_idempotent():
    first = load_phone_learners(password="demo-2026-tot")
    again = load_phone_learners(password="demo-2026-tot")
    assert [p.pk for p in first] == [p.pk for p in again]
    assert {p.notification_channel for p in first} == {"sms", "zalo"}
    for person in User.objects.filter(pk__in=[p.pk for p in first]):
        assert person.email is None and person.phone and person.check_password("demo-2026-tot")
        assert set(Consent.objects.current().filter(person=person).values_list("purpose", flat=True)) >= {
            Consent.LEARNING_RECORDS,
            Consent.NOTIFY_PHONE,
        }
