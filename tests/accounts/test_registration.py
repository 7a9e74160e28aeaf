"""Registration tells a stranger nothing about who has an account, and a client cannot try address after address."""

import re

import pytest
from django.core import mail
from django.test import Client

from accounts import views
from accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "hoc-khoi-nghiep-2026"


def _registration(**fields) -> dict:
    data = {
        "account-full_name": "Người Lạ",
        "account-password1": PASSWORD,
        "account-password2": PASSWORD,
        "consent-learning_records": "on",
    }
    data.update({"profile-gender": "female", "profile-birth_year": "2004"})
    data.update({f"account-{name}": value for name, value in fields.items()})
    return data


def _answer(client, data, next_url=""):
    """What the registrant sees: the response, and the page it sends them to (the CSRF token left out)."""
    response = client.post("/accounts/register/" + (f"?next={next_url}" if next_url else ""), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response["Location"]).content.decode()
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)
    return response.status_code, response["Location"], sorted(response.cookies), page


@pytest.mark.parametrize(
    ("taken", "new"),
    [
        ({"email": "LEARNER@example.org"}, {"email": "chua.co@example.org"}),
        ({"phone": "0905 111 222"}, {"phone": "0905 333 444"}),
        ({"email": "chua.co@example.org", "phone": "+84 905 111 222"}, {"email": "moi@example.org"}),
    ],
)
def test_an_address_in_use_gets_the_answer_a_new_one_gets(learner, taken, new, django_capture_on_commit_callbacks):
    learner.phone = "+84905111222"
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        answer_taken = _answer(Client(), _registration(**taken), next_url="/my-learning/")
    answer_new = _answer(Client(), _registration(**new), next_url="/my-learning/")
    assert answer_taken == answer_new
    status, location, cookies, page = answer_new
    assert location == "/accounts/login/?next=%2Fmy-learning%2F" and "đã tồn tại" not in page
    assert "Cảm ơn bạn. Nếu email hoặc số điện thoại này chưa có tài khoản" in page  # the one answer, for both

    # The new address has its account (and signs in with it); the one in use has nothing new, its owner a message.
    assert User.objects.count() == 2  # the owner's, and the new address's
    (message,) = mail.outbox
    assert message.to == ["learner@example.org"] and "/accounts/password-reset/" in message.body
    identifier = new.get("email") or new.get("phone")
    signed_in = Client()
    response = signed_in.post("/accounts/login/?next=/my-learning/", {"username": identifier, "password": PASSWORD})
    assert response.status_code == 302 and signed_in.get("/my-learning/").status_code == 200


def test_the_owner_is_told_once_a_day_however_often_someone_tries(learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            Client().post("/accounts/register/", _registration(email="learner@example.org"))
    assert len(mail.outbox) == 1


def test_registrations_from_one_address_are_limited(client, settings):
    for n in range(views.REGISTER_LIMIT):
        response = client.post("/accounts/register/", _registration(phone=f"0905 000 {n:03d}"))
        assert response.status_code == 302, n
    refused = client.post("/accounts/register/", _registration(phone="0905 999 999"))
    assert refused.status_code == 429 and int(refused["Retry-After"]) == views.REGISTER_WINDOW
    assert not User.objects.filter(phone="+84905999999").exists()
    # Another client is not held back by this one.
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert other.post("/accounts/register/", _registration(phone="0905 999 999")).status_code == 302


def test_the_account_page_is_no_way_round(client, learner, other_learner):
    """It must refuse another account's address, so its saves are throttled as registrations are."""
    client.force_login(other_learner)
    data = {"account-full_name": "Khác", "account-email": "learner@example.org", "account-preferred_language": "vi"}
    statuses = [client.post("/accounts/me/", data).status_code for _ in range(views.REGISTER_LIMIT + 1)]
    assert statuses == [200] * views.REGISTER_LIMIT + [429]
