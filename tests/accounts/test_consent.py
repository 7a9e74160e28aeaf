"""Consent per purpose (Law 91/2025/QH15): asked at registration and Startup Day sign-up with unticked boxes,
shown and changed in one click on the account page, obeyed by the outbox, included in the data download;
and the privacy notice, versioned, in both languages."""

import json
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.models import Consent, User
from accounts.privacy import PRIVACY_NOTICE_VERSION
from courses.services import enrollment_create
from showcase.models import Registration
from tests.showcase.factories import make_event
from trainers.models import Notification
from trainers.notifications import notification_queue

pytestmark = pytest.mark.django_db

PASSWORD = "hoc-khoi-nghiep-2026"
PHONE = "0905 246 810"


def _register(client, **consents) -> object:
    data = {
        "account-full_name": "Lò Thị Mai",
        "account-email": "mai@example.org",
        "account-phone": PHONE,
        "account-password1": PASSWORD,
        "account-password2": PASSWORD,
        "profile-gender": "female",
        "profile-birth_year": "2003",
    }
    data.update({f"consent-{purpose}": "on" for purpose, ticked in consents.items() if ticked})
    return client.post("/accounts/register/", data)


def _registered_and_signed_in(client, **consents) -> User:
    assert _register(client, **consents).status_code == 302
    assert client.post("/accounts/login/", {"username": PHONE, "password": PASSWORD}).status_code == 302
    return User.objects.get(email="mai@example.org")


def test_the_registration_form_ticks_nothing_and_links_the_notice(client):
    html = client.get("/accounts/register/").content.decode()
    boxes = re.findall(r'<input type="checkbox" name="consent-[^>]*>', html)
    assert len(boxes) == len(Consent.PURPOSES)
    assert not [box for box in boxes if "checked" in box]
    assert 'href="/privacy/"' in html


def test_registration_without_the_required_consent_is_refused_and_creates_nothing(client):
    response = _register(client, statistics=True, notify_email=True, notify_phone=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "hãy đánh dấu ô này để tạo tài khoản" in html  # the reason, in Vietnamese, next to the box
    assert 'class="message error error-summary"' in html
    assert not User.objects.exists() and not Consent.objects.exists()


def test_registration_records_only_what_was_ticked_with_the_notice_version_and_time(client):
    before = timezone.now()
    assert _register(client, learning_records=True, notify_email=True).status_code == 302
    after = timezone.now()
    user = User.objects.get(email="mai@example.org")
    consents = list(Consent.objects.filter(person=user))
    assert {c.purpose for c in consents} == {Consent.LEARNING_RECORDS, Consent.NOTIFY_EMAIL}
    assert {c.notice_version for c in consents} == {PRIVACY_NOTICE_VERSION}
    assert all(before <= c.given_at <= after and c.withdrawn_at is None for c in consents)


def test_a_registration_with_an_address_in_use_records_no_consent_for_its_owner(client, learner):
    """The neutral answer stays neutral: a stranger's ticks say nothing on the owner's behalf."""
    data = {
        "account-full_name": "Người Lạ",
        "account-email": learner.email,
        "account-password1": PASSWORD,
        "account-password2": PASSWORD,
        "consent-learning_records": "on",
        "consent-notify_phone": "on",
    }
    assert client.post("/accounts/register/", data).status_code == 302
    assert not Consent.objects.exists()


def test_withdrawing_on_the_account_page_stops_the_next_message_at_once(
    client, course_tree, django_capture_on_commit_callbacks
):
    user = _registered_and_signed_in(client, learning_records=True, notify_email=True)
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(user=user, course=course_tree.course)
    assert len(mail.outbox) == 1  # given: written to

    page = client.get("/accounts/me/").content.decode()
    assert PRIVACY_NOTICE_VERSION in page and 'value="withdraw"' in page
    response = client.post("/accounts/me/consents/", {"purpose": Consent.NOTIFY_EMAIL, "action": "withdraw"})
    assert response.status_code == 302
    assert "đã rút lại" in client.get(response["Location"]).content.decode()
    about_the_course = {"course_id": course_tree.course.pk}

    with django_capture_on_commit_callbacks(execute=True):
        ids = notification_queue(
            user_id=user.pk, kind=Notification.ENROLLED, object_key="again:1", context=about_the_course
        )
    skipped = Notification.objects.get(pk=ids[0])
    assert skipped.status == Notification.SKIPPED and "No consent" in skipped.last_error
    assert len(mail.outbox) == 1

    # Given again, as easily: the next message goes out.
    client.post("/accounts/me/consents/", {"purpose": Consent.NOTIFY_EMAIL, "action": "give"})
    with django_capture_on_commit_callbacks(execute=True):
        ids = notification_queue(
            user_id=user.pk, kind=Notification.ENROLLED, object_key="again:2", context=about_the_course
        )
    assert Notification.objects.get(pk=ids[0]).status == Notification.SENT
    assert len(mail.outbox) == 2
    history = Consent.objects.filter(person=user, purpose=Consent.NOTIFY_EMAIL).order_by("given_at", "pk")
    assert [c.withdrawn_at is None for c in history] == [False, True]


def test_silence_is_not_consent_to_e_mail(client, course_tree, django_capture_on_commit_callbacks):
    user = _registered_and_signed_in(client, learning_records=True)
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(user=user, course=course_tree.course)
    assert mail.outbox == []
    assert Notification.objects.get().status == Notification.SKIPPED


def test_the_required_consent_has_no_withdraw_button_and_cannot_be_withdrawn_by_post(client):
    user = _registered_and_signed_in(client, learning_records=True)
    response = client.post("/accounts/me/consents/", {"purpose": Consent.LEARNING_RECORDS, "action": "withdraw"})
    assert response.status_code == 400
    assert Consent.objects.current().filter(person=user, purpose=Consent.LEARNING_RECORDS).exists()


def test_consent_changes_need_a_post_with_the_csrf_token(client):
    _registered_and_signed_in(client, learning_records=True, statistics=True)
    assert client.get("/accounts/me/consents/").status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(User.objects.get())
    response = strict.post("/accounts/me/consents/", {"purpose": Consent.STATISTICS, "action": "withdraw"})
    assert response.status_code == 403
    assert Consent.objects.current().filter(purpose=Consent.STATISTICS).exists()


def test_the_data_download_contains_the_consents(client):
    _registered_and_signed_in(client, learning_records=True, statistics=True)
    client.post("/accounts/me/consents/", {"purpose": Consent.STATISTICS, "action": "withdraw"})
    data = json.loads(client.get("/accounts/me/data/").content)
    by_purpose = {row["purpose"]: row for row in data["consents"]}
    assert set(by_purpose) == {Consent.LEARNING_RECORDS, Consent.STATISTICS}
    assert by_purpose[Consent.STATISTICS]["withdrawn_at"] and by_purpose[Consent.LEARNING_RECORDS]["given_at"]
    assert {row["notice_version"] for row in data["consents"]} == {PRIVACY_NOTICE_VERSION}


def test_the_privacy_notice_shows_its_version_in_both_languages(client, home, settings):
    settings.PRIVACY_CONTACT = "dulieu@sokhcn.example.vn"
    vietnamese = client.get("/privacy/").content.decode()
    english = client.get("/en/privacy/").content.decode()
    assert f"Phiên bản {PRIVACY_NOTICE_VERSION}" in vietnamese and "rút lại sự đồng ý" in vietnamese
    assert f"Version {PRIVACY_NOTICE_VERSION}" in english and "withdraw your consent" in english
    for html in (vietnamese, english):
        assert "dulieu@sokhcn.example.vn" in html and "91/2025/QH15" in html
    assert 'href="/privacy/"' in client.get("/").content.decode()  # linked from every page's footer


def test_startup_day_sign_up_needs_the_consent_and_records_it(client, home):
    event = make_event(home, capacity=5)
    form = {"full_name": "Vàng A Páo", "phone": "0912 000 111", "email": ""}
    refused = client.post(event.url, form)
    assert refused.status_code == 400 and not Registration.objects.exists()
    assert "Hãy đánh dấu ô để đồng ý" in refused.content.decode()
    assert client.post(event.url, {**form, "consent": "on"}).status_code == 302
    registration = Registration.objects.get()
    assert registration.consent_notice_version == PRIVACY_NOTICE_VERSION and registration.consented_at


def test_the_account_page_reads_the_consents_in_one_query_however_long_their_history(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _registered_and_signed_in(client, learning_records=True, statistics=True)

    def queries() -> int:
        client.get("/accounts/me/")  # shows (and so clears) the messages of the changes made before
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/accounts/me/").status_code == 200
        return len(captured)

    before = queries()
    for _ in range(5):
        client.post("/accounts/me/consents/", {"purpose": Consent.STATISTICS, "action": "withdraw"})
        client.post("/accounts/me/consents/", {"purpose": Consent.STATISTICS, "action": "give"})
    assert Consent.objects.filter(purpose=Consent.STATISTICS).count() == 6
    assert queries() == before
