"""The demo's renewal states: December 2023 certificates with rules met (one asked for, one renewed) and not met;
and the certificates of one approved class, issued in one batch."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from areas.models import Area
from trainers.models import Certificate
from trainers.renewal import renewal_check

pytestmark = pytest.mark.django_db
RENEWAL_OPENS = datetime.date(2026, 9, 12)  # 90 days before the first December 2023 certificate expires


def _december_2023(district_name: str) -> Certificate:
    code = Area.objects.districts().get(name=district_name, valid_from=None).code
    return Certificate.objects.get(person__email=f"gv.{code}.2023@example.org", renews=None)


@pytest.mark.skipif(timezone.localdate() < RENEWAL_OPENS, reason="the demo's renewals open in September 2026")
def test_demo_renewals_in_each_state(shared_demo, client):
    renewed = _december_2023("Núi Thành")
    assert renewed.renewal is not None and renewed.renewal.number == f"{renewed.number}-GH1"
    asked = _december_2023("Duy Xuyên")
    assert asked.renewal_requested_at is not None and asked.renewal is None
    assert renewal_check(asked).renewable
    unmet = _december_2023("Hội An")
    assert unmet.renewal is None and not renewal_check(unmet).rules_met

    client.force_login(User.objects.get(email="district.admin@example.org"))
    page = client.get(reverse("certificate:renew", args=[asked.pk]))
    assert page.status_code == 200 and "Khởi nghiệp cho người dân Duy Xuyên 2026" in page.content.decode()
    assert client.get(reverse("certificate:renew", args=[unmet.pk])).status_code == 404  # Hội An: not theirs
    verify = client.get(reverse("trainers:verify", args=[renewed.renewal.code])).content.decode()
    assert f"Gia hạn chứng nhận {renewed.number}" in verify


def test_the_demo_issued_one_classs_certificates_in_one_batch(shared_demo, client):
    from training.certificates import preview
    from training.demo import BATCH_DEMO_TITLE
    from training.models import SessionCertificate, TrainingSession

    session = TrainingSession.objects.get(title=BATCH_DEMO_TITLE)
    linked = SessionCertificate.objects.filter(session=session).select_related("certificate")
    certificates = [link.certificate for link in linked]
    assert certificates and all(c.kind == Certificate.SESSION and c.area == session.area for c in certificates)
    # Everyone who met the completion rule got one, in the one action: no one is left waiting for it.
    rows = preview(session)
    assert {row.participant.person_id for row in rows if row.reason == "already"} == {c.person_id for c in certificates}
    assert not [row for row in rows if row.reason is None]

    admin = User.objects.get(email="district.admin@example.org")
    client.force_login(admin)
    page = client.get(reverse("training_session:certificates", args=[session.pk]))
    assert page.status_code == 200
    assert all(c.holder_name in page.content.decode() for c in certificates)
    assert {c.issued_by for c in certificates} == {admin}

    call_command("load_demo_data")  # loaded again: nothing new
    assert SessionCertificate.objects.filter(session=session).count() == len(certificates)
    assert Certificate.objects.filter(kind=Certificate.SESSION, subject=certificates[0].subject).count() == len(
        certificates
    )
