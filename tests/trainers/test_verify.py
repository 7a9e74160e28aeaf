"""The public verification page: valid, expired, revoked and unknown codes; no indexing, no enumeration."""

import datetime
import re

import pytest
from django.urls import reverse
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


def test_new_codes_are_easy_to_read_aloud_and_type(course_tree):
    codes = {
        certification_issue(person=UserFactory(), kind=Certificate.COURSE, course=course_tree.course).code
        for _ in range(20)
    }
    assert len(codes) == 20
    for code in codes:
        # Three groups of four; no I, L, O or U to confuse with 1, 0 or V; no small letters.
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", code), code


@pytest.mark.parametrize(
    "typed", ["K7QM-4TXR-1PZ0", "k7qm-4txr-1pz0", "K7QM 4TXR 1PZ0", "k7qm4txr1pz0", "K7QM-4TXR-IPZO", "k7qm 4txr lpzo"]
)
def test_a_typed_code_is_found_whatever_its_case_spaces_dashes_and_lookalikes(client, course_certificate, typed):
    Certificate.objects.filter(pk=course_certificate.pk).update(code="K7QM-4TXR-1PZ0")
    response = client.get(reverse("trainers:verify", args=[typed]))
    assert response.status_code == 200 and response.context["certificate"] == course_certificate


def test_codes_issued_before_still_verify_exactly(client, course_certificate):
    old = "aB3-_xYz09QrStUvWxYz1k"  # secrets.token_urlsafe(16), as issued until now: case-sensitive
    Certificate.objects.filter(pk=course_certificate.pk).update(code=old)
    assert client.get(f"/verify/{old}/").context["certificate"] == course_certificate
    assert client.get(f"/verify/{old.upper()}/").status_code == 404


def test_not_found_page_says_what_to_check_and_offers_another_try(client, course_certificate):
    response = client.get("/en/verify/K7QM-4TXR-9PZX/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Certificate not found" in html and "K7QM-4TXR-9PZX" in html
    assert "three groups of four" in html and "is not the verification code" in html
    assert 'action="/en/verify/"' in html and 'name="code"' in html
    # The form sends the verifier to the page of the code they typed.
    typed = client.get("/en/verify/", {"code": course_certificate.code.lower()})
    assert typed.status_code == 302
    assert client.get(typed["Location"]).context["certificate"] == course_certificate


def test_typed_markup_stays_inert_on_the_not_found_page(client):
    response = client.get("/en/verify/", {"code": "<script>alert(1)</script>"})
    assert b"<script>alert" not in response.content and b"&lt;script&gt;" in response.content
