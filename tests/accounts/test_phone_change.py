"""A phone number changes only once the code sent to the new number is entered; other accounts stay hidden."""

import re

import pytest

from accounts.models import PhoneCode, User

from ..trainers.provider_stand_ins import EsmsStandIn

pytestmark = pytest.mark.django_db

OLD, NEW, TAKEN = "+84905123456", "+84912345678", "+84987654321"
NEW_TYPED = "0912 345 678"


@pytest.fixture
def esms(settings):
    with EsmsStandIn() as stand_in:
        settings.NOTIFICATION_PHONE_CHANNEL = "sms"
        settings.ESMS_API_URL = stand_in.url
        settings.ESMS_API_KEY, settings.ESMS_SECRET_KEY, settings.ESMS_BRANDNAME = "key", "secret", "TOT-LMS"
        settings.SMS_UNICODE = False
        settings.CHANNEL_TIMEOUT_SECONDS = 2
        yield stand_in


@pytest.fixture
def lan(db):
    return User.objects.create_user(phone=OLD, password="mat-khau-cu-123", full_name="Hồ Thị Lan")


def _save(client, person, phone, capture):
    with capture(execute=True):
        return client.post(
            "/accounts/me/",
            {
                "account-full_name": person.full_name,
                "account-email": person.email or "",
                "account-phone": phone,
                "account-preferred_language": "vi",
            },
        )


def _confirm(client, code):
    return client.post("/accounts/me/phone/", {"code": code}, follow=True)


def test_the_new_number_counts_only_after_its_code(client, esms, lan, django_capture_on_commit_callbacks):
    client.force_login(lan)
    assert _save(client, lan, NEW_TYPED, django_capture_on_commit_callbacks).status_code == 302
    lan.refresh_from_db()
    assert lan.phone == OLD  # the old number keeps working meanwhile
    assert [sms["Phone"] for sms in esms.inbox] == ["0912345678"]  # the code went to the new number
    page = client.get("/accounts/me/").content.decode()
    assert 'id="new-phone"' in page and NEW in page
    code = re.match(r"(\d{6}) ", esms.inbox[0]["Content"]).group(1)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    _confirm(client, wrong)
    lan.refresh_from_db()
    assert lan.phone == OLD
    response = _confirm(client, code)
    lan.refresh_from_db()
    assert lan.phone == NEW
    assert 'id="new-phone"' not in response.content.decode()
    assert PhoneCode.objects.get().used_at is not None  # spent


def test_a_number_another_account_uses_is_treated_the_same_and_never_named(
    client, esms, lan, django_capture_on_commit_callbacks
):
    User.objects.create_user(phone=TAKEN, password="x-mat-khau-9", full_name="Lê Văn Minh")
    client.force_login(lan)
    free = _save(client, lan, NEW_TYPED, django_capture_on_commit_callbacks)
    free_page = client.get("/accounts/me/").content.decode()
    taken = _save(client, lan, "0987 654 321", django_capture_on_commit_callbacks)
    taken_page = client.get("/accounts/me/").content.decode()
    assert (free.status_code, free["Location"]) == (taken.status_code, taken["Location"])
    normalise = lambda html: re.sub(r'value="[^"]{20,}"', "", html).replace(NEW, "N").replace(TAKEN, "N")  # noqa: E731
    assert normalise(free_page) == normalise(taken_page)
    assert "Lê Văn Minh" not in taken_page and "đã có tài khoản" not in taken_page
    assert [sms["Phone"] for sms in esms.inbox] == ["0912345678"]  # nothing went to the other account's number
    # Any code answers "not right", as a mistyped one does; the number stays.
    response = _confirm(client, "123456")
    assert response.status_code == 200
    lan.refresh_from_db()
    assert lan.phone == OLD


def test_a_code_sent_for_another_person_does_not_change_this_number(
    client, esms, lan, django_capture_on_commit_callbacks
):
    other = User.objects.create_user(email="minh@example.org", password="x-mat-khau-9", full_name="Minh")
    client.force_login(other)
    _save(client, other, NEW_TYPED, django_capture_on_commit_callbacks)
    code = re.match(r"(\d{6}) ", esms.inbox[0]["Content"]).group(1)
    lan_client = type(client)()
    lan_client.force_login(lan)
    session = lan_client.session
    session["accounts.new_phone"] = NEW
    session.save()
    _confirm(lan_client, code)
    lan.refresh_from_db()
    assert lan.phone == OLD


def test_anonymous_cannot_confirm(client):
    response = client.post("/accounts/me/phone/", {"code": "123456"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
