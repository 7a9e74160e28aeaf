"""Requests about one's personal data (Law 91/2025/QH15, Article 4; Decree 356/2025/NĐ-CP): filed from the account
pages, due by the deadline of their kind, logged answered at once when the site did it at once, in the download."""

import json

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from accounts.demo import load_data_requests
from accounts.models import Consent, DataRequest, User
from accounts.privacy import consent_give
from accounts.rights import DUE_SOON, REQUEST_DEADLINES, data_request_file, request_due_at

pytestmark = pytest.mark.django_db


def test_the_due_date_follows_the_kind_of_request(learner):
    filed = {kind: data_request_file(person=learner, kind=kind) for kind, _label in DataRequest.KINDS}
    for kind, data_request in filed.items():
        assert data_request.due_at - data_request.received_at == REQUEST_DEADLINES[kind]
        assert data_request.status == DataRequest.RECEIVED and data_request.answered_at is None
    # Kinds with different limits in the law get different dates for one moment of receipt.
    moment = timezone.now()
    assert request_due_at(DataRequest.OBJECTION, moment) != request_due_at(DataRequest.ACCESS, moment)
    assert all(request_due_at(kind, moment) > moment for kind in REQUEST_DEADLINES)


def test_the_account_page_links_the_requests_page_which_files_a_request_and_shows_its_deadline(client, learner):
    client.force_login(learner)
    assert "/accounts/me/requests/" in client.get("/accounts/me/").content.decode()
    page = client.get("/accounts/me/requests/")
    assert page.status_code == 200 and 'type="radio"' in page.content.decode()
    response = client.post(
        "/accounts/me/requests/", {"request-kind": DataRequest.CORRECTION, "request-details": "Năm sinh sai: 2001"}
    )
    assert response.status_code == 302
    data_request = DataRequest.objects.get(person=learner)
    assert (data_request.kind, data_request.details) == (DataRequest.CORRECTION, "Năm sinh sai: 2001")
    html = client.get("/accounts/me/requests/").content.decode()
    assert timezone.localtime(data_request.due_at).strftime("%d/%m/%Y %H:%M") in html
    assert "Năm sinh sai: 2001" in html


def test_a_request_without_a_kind_is_refused_with_the_reason(client, learner):
    client.force_login(learner)
    response = client.post("/accounts/me/requests/", {"request-details": "?"})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not DataRequest.objects.exists()


def test_the_requests_page_needs_a_signed_in_person_and_shows_only_their_own(client, learner, other_learner):
    data_request_file(person=other_learner, kind=DataRequest.DELETION, details="Của người khác")
    assert client.get("/accounts/me/requests/").status_code == 302  # to the sign-in page
    client.force_login(learner)
    assert "Của người khác" not in client.get("/accounts/me/requests/").content.decode()


def test_withdrawing_a_consent_on_the_account_page_logs_a_request_answered_at_once(client, learner):
    consent_give(person=learner, purpose=Consent.STATISTICS)
    client.force_login(learner)
    client.post("/accounts/me/consents/", {"purpose": Consent.STATISTICS, "action": "withdraw"})
    logged = DataRequest.objects.get(person=learner)
    assert logged.kind == DataRequest.WITHDRAWAL
    assert logged.status == DataRequest.ANSWERED and logged.answered_at == logged.received_at
    assert logged.answered_by is None  # the site did it, nobody had to
    # Withdrawing again (nothing in force) logs nothing more.
    client.post("/accounts/me/consents/", {"purpose": Consent.STATISTICS, "action": "withdraw"})
    assert DataRequest.objects.filter(person=learner).count() == 1


def test_the_data_download_includes_the_requests_and_logs_itself(client, learner):
    data_request_file(person=learner, kind=DataRequest.OBJECTION, details="Không nhận tin nhắn quảng bá")
    client.force_login(learner)
    data = json.loads(client.get("/accounts/me/data/").content)
    kinds = {item["kind"]: item for item in data["data_requests"]}
    assert kinds[DataRequest.OBJECTION]["details"] == "Không nhận tin nhắn quảng bá"
    assert kinds[DataRequest.OBJECTION]["status"] == DataRequest.RECEIVED and kinds[DataRequest.OBJECTION]["due_at"]
    assert kinds[DataRequest.ACCESS]["status"] == DataRequest.ANSWERED  # this very download


def test_deleting_the_account_logs_the_deletion_and_keeps_no_words_of_the_requests(client, learner):
    data_request_file(person=learner, kind=DataRequest.CORRECTION, details="Tên tôi là Lò Thị Mai")
    client.force_login(learner)
    client.post("/accounts/me/delete/", {"confirm": "yes"})
    rows = DataRequest.objects.filter(person=learner)
    assert rows.filter(kind=DataRequest.DELETION, status=DataRequest.ANSWERED).exists()
    assert not rows.exclude(details="").exists()


def test_the_database_refuses_an_answer_without_a_time_and_a_refusal_without_a_reason(learner):
    now = timezone.now()
    base = {"person": learner, "kind": DataRequest.ACCESS, "received_at": now, "due_at": now}
    with pytest.raises(IntegrityError), transaction.atomic():
        DataRequest.objects.create(**base, status=DataRequest.ANSWERED)
    with pytest.raises(IntegrityError), transaction.atomic():
        DataRequest.objects.create(**base, status=DataRequest.REFUSED, answered_at=now)


def test_the_demo_has_a_request_due_within_a_day_and_one_answered_and_loads_twice_the_same():
    for email in ("learner@example.org", "lan.tran@example.org", "province.admin@example.org"):
        User.objects.create_user(email=email, password="pass-word-123", full_name=email.split("@")[0])
    load_data_requests()
    load_data_requests()
    assert DataRequest.objects.count() == 2
    pending = DataRequest.objects.open().get()
    assert timezone.now() < pending.due_at <= timezone.now() + DUE_SOON
    assert pending.due_at == request_due_at(pending.kind, pending.received_at)
    answered = DataRequest.objects.exclude(pk=pending.pk).get()
    assert answered.status == DataRequest.ANSWERED and answered.answered_by.email == "province.admin@example.org"


@pytest.mark.parametrize("language,unit", [("vi", "ngày"), ("en", "days")])
def test_the_privacy_notice_gives_each_kind_its_deadline_and_links_the_requests_page(client, language, unit):
    html = client.get("/privacy/" if language == "vi" else "/en/privacy/").content.decode()
    assert "/me/requests/" in html and "356/2025/NĐ-CP" in html
    with translation.override(language):
        for kind, label in DataRequest.KINDS:
            assert f"{label}: {REQUEST_DEADLINES[kind].days} {unit}" in html
