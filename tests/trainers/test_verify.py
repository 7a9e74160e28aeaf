"""The public verification page: valid, expired, revoked and unknown codes; no indexing, no enumeration."""

import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from trainers.models import Certificate, Trainer
from trainers.services import certificate_revoke, certification_issue
from trainers.views import VERIFY_LIMIT

from .factories import TrainerFactory, UserFactory, areas

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_certificate(course_tree):
    return certification_issue(person=UserFactory(full_name="Nguyễn Thị Ánh Tuyết"), kind=Certificate.COURSE,
                               course=course_tree.course)  # fmt: skip


def test_valid_certificate(client, course_certificate, course_tree):
    response = client.get(f"/verify/{course_certificate.code}/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"].startswith("noindex")
    html = response.content.decode()
    for text in ["Nguyễn Thị Ánh Tuyết", course_certificate.number, course_tree.course.title]:
        assert text in html
    assert response.context["status"] == Certificate.VALID


def test_trainer_certificate_names_who_trained_them(client):
    tree = areas()
    master = TrainerFactory(person=UserFactory(full_name="Võ Thị Mai Hương"), level=Trainer.MASTER,
                            home_area=tree["province"])  # fmt: skip
    certificate = certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE,
                                      trained_by=master)  # fmt: skip
    html = client.get(f"/en/verify/{certificate.code}/").content.decode()
    assert "Võ Thị Mai Hương" in html and "Core trainer" in html and "Trained by" in html


def test_revoked_certificate_says_so_and_when_but_not_why(client, course_certificate, superuser):
    revoked = certificate_revoke(certificate=course_certificate, reason="Cấp nhầm người", by=superuser)
    response = client.get(f"/en/verify/{course_certificate.code}/")
    assert response.status_code == 200
    assert response.context["status"] == Certificate.REVOKED
    html = response.content.decode()
    assert "revoked" in html
    assert f"Revoked on {date_format(timezone.localtime(revoked.revoked_at), 'SHORT_DATE_FORMAT')}" in html
    assert "Cấp nhầm người" not in html and "Reason" not in html


def test_expired_certificate_says_so(client):
    certificate = certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE,
                                      issued_on=datetime.date(2020, 1, 1))  # fmt: skip
    response = client.get(f"/en/verify/{certificate.code}/")
    assert response.context["status"] == Certificate.EXPIRED
    assert "expired" in response.content.decode()


def test_unknown_and_malformed_codes_get_the_same_404(client, course_certificate):
    unknown = client.get("/verify/" + "A" * 22 + "/")
    malformed = client.get("/verify/x'%20or%201=1/")
    number = client.get(f"/verify/{course_certificate.number}/")  # the guessable number is not a code
    assert unknown.status_code == malformed.status_code == number.status_code == 404


def test_verification_is_rate_limited(client):
    statuses = [client.get("/verify/" + "B" * 22 + "/").status_code for _ in range(VERIFY_LIMIT + 2)]
    assert statuses[0] == 404 and statuses[-1] == 429


def test_shows_the_pdf_checksum(client, course_certificate, django_capture_on_commit_callbacks):
    from trainers.tasks import render_certificate_pdf

    sha = render_certificate_pdf.delay(course_certificate.pk).get()
    assert sha in client.get(f"/verify/{course_certificate.code}/").content.decode()
