"""Renewal of a trainer certificate from the outside: the holder's page, the administrator's action, /verify/.
Rules come from the province's `RenewalRule`; the evidence is approved sessions and a refresher."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from trainers.models import Certificate, Notification, RenewalRule, SessionReport
from trainers.services import add_years, certificate_renew

from .factories import UserFactory
from .renewal_world import TODAY, _holder_url, _meet_every_rule, _refresher_done, _renew_url, _session, renewal_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(course_tree):
    return renewal_world(course_tree.course)


def test_holder_sees_unmet_rules_with_the_evidence_and_cannot_ask(client, world):
    _session(world, "Lớp Duy Hòa tháng 3", 4, days_ago=300)
    _session(world, "Lớp quá ít người", 2, days_ago=150)
    _session(world, "Lớp chưa duyệt báo cáo", 9, days_ago=120, report=SessionReport.SUBMITTED)
    _refresher_done(world)  # only the sessions rule is unmet: one session has too few people, one no approved report
    client.force_login(world["trainer"].person)
    page = client.get(reverse("my_learning"))
    assert _holder_url(world["certificate"]) in page.content.decode()
    response = client.get(_holder_url(world["certificate"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lớp Duy Hòa tháng 3" in html and "Lớp quá ít người" in html
    assert "Lớp chưa duyệt báo cáo" not in html  # only approved class reports count
    assert [r.met for r in response.context["check"].results] == [False, True]
    assert "Gửi đề nghị gia hạn" not in html
    posted = client.post(_holder_url(world["certificate"]))
    assert posted.status_code == 400
    world["certificate"].refresh_from_db()
    assert world["certificate"].renewal_requested_at is None


def test_another_persons_renewal_page_is_not_found(client, world):
    client.force_login(UserFactory())
    assert client.get(_holder_url(world["certificate"])).status_code == 404
    assert client.post(_holder_url(world["certificate"])).status_code == 404


def test_holder_asks_and_the_areas_administrator_renews_once(client, world, django_capture_on_commit_callbacks):
    _meet_every_rule(world)
    old = world["certificate"]
    client.force_login(world["trainer"].person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_holder_url(old))
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.renewal_requested_at is not None
    told = Notification.objects.filter(kind=Notification.RENEWAL_REQUESTED)
    assert [n.user for n in told] == [world["admin"]]  # not the other district's administrator
    assert [m.to for m in mail.outbox] == [[world["admin"].email]]
    assert _renew_url(old) in mail.outbox[0].body

    client.force_login(world["admin"])
    page = client.get(_renew_url(old))
    html = page.content.decode()
    assert page.status_code == 200 and page.context["check"].renewable
    assert "Lớp Duy Thu tháng 9" in html and world["course"].title in html
    with django_capture_on_commit_callbacks(execute=True):
        approved = client.post(_renew_url(old))
    renewal = Certificate.objects.get(renews=old)
    assert approved.status_code == 302 and approved.url == reverse("certificate:inspect", args=[renewal.pk])
    assert renewal.number == f"{old.number}-GH1"
    assert renewal.issued_on == old.expires_on + datetime.timedelta(days=1)
    assert renewal.expires_on == add_years(renewal.issued_on, 3)
    assert (renewal.person, renewal.trainer_level, renewal.trained_by, renewal.area) == (
        old.person,
        old.trainer_level,
        old.trained_by,
        old.area,
    )
    assert renewal.pdf_rendered_at is not None  # rendered by its task
    inspect = client.get(reverse("certificate:inspect", args=[old.pk])).content.decode()
    assert renewal.number in inspect

    again = client.post(_renew_url(old))  # a second approval: refused, nothing new
    assert again.status_code == 200 and "đã được gia hạn" in again.content.decode()
    assert Certificate.objects.filter(person=old.person, kind=Certificate.TRAINER).count() == 2

    # The holder downloads the new PDF from their page.
    client.force_login(world["trainer"].person)
    assert client.get(reverse("trainers:certificate_pdf", args=[renewal.number])).status_code == 200


def test_administrator_cannot_renew_while_rules_are_unmet(client, world):
    _session(world, "Lớp Duy Hòa tháng 3", 4, days_ago=300)
    _session(world, "Lớp trước khi được cấp", 9, days_ago=3 * 366)  # before the certificate: does not count
    _refresher_done(world)
    client.force_login(world["admin"])
    response = client.post(_renew_url(world["certificate"]))
    assert response.status_code == 200
    assert not Certificate.objects.filter(renews=world["certificate"]).exists()
    assert "Chưa đạt" in response.content.decode()


def test_renewal_does_not_open_before_its_window(client, world):
    _meet_every_rule(world)
    RenewalRule.objects.filter(kind=Certificate.TRAINER).update(opens_days_before=10)
    client.force_login(world["admin"])
    response = client.post(_renew_url(world["certificate"]))
    assert response.status_code == 200 and not Certificate.objects.filter(renews=world["certificate"]).exists()


def test_another_districts_administrator_is_refused(client, world):
    _meet_every_rule(world)
    client.force_login(world["other_admin"])
    assert client.get(_renew_url(world["certificate"])).status_code == 404
    assert client.post(_renew_url(world["certificate"])).status_code == 404
    assert not Certificate.objects.filter(renews=world["certificate"]).exists()


def test_a_stale_second_approval_issues_nothing(world):
    """Two approvals that both loaded the certificate before either renewed it: the second is refused."""
    _meet_every_rule(world)
    seen_by_first, seen_by_second = (Certificate.objects.get(pk=world["certificate"].pk) for _ in range(2))
    certificate_renew(certificate=seen_by_first, issued_by=world["admin"])
    with pytest.raises(Exception, match="đã được gia hạn"):
        certificate_renew(certificate=seen_by_second, issued_by=world["admin"])
    assert Certificate.objects.filter(renews=world["certificate"]).count() == 1


def test_the_database_refuses_a_second_renewal_of_one_certificate(world):
    old = world["certificate"]
    fields = {"kind": Certificate.TRAINER, "person": old.person, "holder_name": "x", "issued_on": TODAY}
    Certificate.objects.create(number="X-1", renews=old, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(number="X-2", renews=old, **fields)


def test_verify_shows_the_renewal_and_the_history(client, world):
    _meet_every_rule(world)
    old = world["certificate"]
    renewal = certificate_renew(certificate=old, issued_by=world["admin"])
    old_page = client.get(reverse("trainers:verify", args=[old.code])).content.decode()
    assert f"Được gia hạn bằng chứng nhận {renewal.number}" in old_page
    assert reverse("trainers:verify", args=[renewal.code]) in old_page
    new_page = client.get(reverse("trainers:verify", args=[renewal.code])).content.decode()
    assert f"Gia hạn chứng nhận {old.number}" in new_page
    assert "Lịch sử" in new_page and old.number in new_page and renewal.number in new_page


def test_verify_links_the_renewed_certificate_and_says_when_the_renewal_takes_effect(client, world):
    _meet_every_rule(world)
    old = world["certificate"]
    renewal = certificate_renew(certificate=old, issued_by=world["admin"])  # approved 20 days before the expiry
    page = client.get(reverse("trainers:verify", args=[renewal.code])).content.decode()
    assert reverse("trainers:verify", args=[old.code]) in page
    assert f"Có hiệu lực từ ngày {renewal.issued_on:%d/%m/%Y}" in page


def test_a_renewals_pdf_names_the_certificate_it_renews_and_its_validity(world, tmp_path):
    import unicodedata

    from trainers.pdf import certificate_pdf_bytes

    from .test_pdf import _pdftool

    _meet_every_rule(world)
    old = world["certificate"]
    renewal = certificate_renew(certificate=old, issued_by=world["admin"])
    raw = _pdftool("pdftotext", certificate_pdf_bytes(renewal), tmp_path)
    text = " ".join(unicodedata.normalize("NFC", raw).split())
    assert f"Gia hạn Giấy chứng nhận số {old.number}" in text
    assert f"hết hạn ngày {old.expires_on:%d/%m/%Y}" in text
    assert f"Hiệu lực từ ngày {renewal.issued_on:%d/%m/%Y} đến ngày {renewal.expires_on:%d/%m/%Y}" in text
    assert renewal.number in text
    assert raw.count("\f") == 1  # still one A4 page
    first = " ".join(unicodedata.normalize("NFC", _pdftool("pdftotext", certificate_pdf_bytes(old), tmp_path)).split())
    assert "Gia hạn" not in first  # a first certificate renews nothing


def test_the_province_sets_the_rules_in_the_admin_and_a_district_cannot(client, world):
    from .factories import province_admin

    rule = RenewalRule.objects.get(kind=Certificate.TRAINER)
    url = reverse("renewal_rule:edit", args=[rule.pk])
    client.force_login(world["admin"])
    assert client.get(url).status_code in (302, 403)  # Wagtail sends a missing permission back to the dashboard
    client.force_login(province_admin(world["tree"]["province"]))
    form = {"kind": "trainer", "min_sessions": "1", "min_participants": "3", "refresher_course": "",
            "opens_days_before": "60"}  # fmt: skip
    assert client.post(url, form).status_code == 302
    _session(world, "Lớp Duy Hòa tháng 3", 4, days_ago=300)
    client.force_login(world["admin"])
    assert client.get(_renew_url(world["certificate"])).context["check"].renewable  # the new rule applies


def test_the_evidence_costs_the_same_queries_however_many_sessions(client, world, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _meet_every_rule(world)
    client.force_login(world["trainer"].person)
    url = _holder_url(world["certificate"])
    client.get(url)
    with CaptureQueriesContext(connection) as two:
        client.get(url)
    for n in range(4):
        _session(world, f"Lớp thêm {n}", 5, days_ago=50 + n)
    with django_assert_num_queries(len(two)):
        assert len(client.get(url).context["check"].results[0].evidence) == 6
