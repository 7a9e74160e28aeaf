from urllib.parse import urlencode

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.phones import normalise_phone

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed",
    [
        "0905 123 456",
        "+84 905 123 456",
        "84905123456",
        "0905.123.456",
        "905123456",
        "(+84) 905-123-456",
    ],
)
def test_phone_forms_are_one_number(typed):
    assert normalise_phone(typed) == "+84905123456"


@pytest.mark.parametrize("typed", ["", "123", "0123 456 789 999", "abc"])
def test_invalid_phones(typed):
    assert normalise_phone(typed) is None


@pytest.fixture
def person(db):
    return User.objects.create_user(
        email="Lan@Example.org",
        phone="0905 123 456",
        password="mat-khau-123",
        full_name="Nguyễn Thị Lan",
    )


@pytest.mark.parametrize("identifier", ["lan@example.org", "LAN@EXAMPLE.ORG", "0905123456", "+84 905 123 456"])
def test_login_by_email_or_phone(client, person, identifier):
    response = client.post("/accounts/login/", {"username": identifier, "password": "mat-khau-123"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_wrong_password_gives_a_translated_error(client, person):
    response = client.post("/accounts/login/", {"username": "lan@example.org", "password": "sai"})
    assert response.status_code == 200
    assert "không đúng" in response.content.decode()


def test_repeated_guessing_is_locked_out(client, person):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "lan@example.org", "password": "sai"})
    response = client.post("/accounts/login/", {"username": "lan@example.org", "password": "mat-khau-123"})
    assert response.status_code == 429
    assert "30 phút" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_email_unique_ignoring_case(person):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="LAN@example.org", full_name="Trùng")


def test_registration_with_phone_only(client):
    response = client.post(
        "/accounts/register/",
        {
            "account-full_name": "Lê Văn An",
            "account-email": "",
            "account-phone": "0912.345.678",
            "account-password1": "hoc-khoi-nghiep",
            "account-password2": "hoc-khoi-nghiep",
            "consent-learning_records": "on",
            "profile-gender": "male",
            "profile-birth_year": "2004",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(full_name="Lê Văn An")
    assert user.phone == "+84912345678" and user.email is None
    assert user.profile.gender == "male" and user.profile.birth_year == 2004


def test_registration_errors_rerender_with_messages(client, person):
    response = client.post(
        "/accounts/register/",
        {
            "account-full_name": "Người mới",
            "account-email": "",
            "account-phone": "0905 123 456",
            "account-password1": "abc",
            "account-password2": "abd",
            "consent-learning_records": "on",
            "profile-birth_year": "1800",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    # The phone is Lan's, and the form does not say so to whoever typed it (tests/accounts/test_registration.py).
    assert "đã tồn tại" not in html and "password2" in response.context["form"].errors
    assert "birth_year" in response.context["profile_form"].errors  # the profile is checked in the same pass
    assert 'value="Người mới"' in html
    assert User.objects.count() == 1


def test_lockout_counts_the_account_however_it_is_typed(client, person):
    """Five wrong passwords spread over every spelling of one account still lock it."""
    spellings = ["LAN@example.org", " lan@EXAMPLE.ORG ", "0905123456", "+84 905 123 456", "84905123456"]
    statuses = [client.post("/accounts/login/", {"username": s, "password": "sai"}).status_code for s in spellings]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth wrong password locks
    response = client.post("/accounts/login/", {"username": "0905.123.456", "password": "mat-khau-123"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_good_login_by_phone_clears_the_failures_made_by_email(client, person):
    for _ in range(4):
        client.post("/accounts/login/", {"username": "LAN@example.org", "password": "sai"})
    assert client.post("/accounts/login/", {"username": "0905 123 456", "password": "mat-khau-123"}).status_code == 302
    client.logout()
    for _ in range(4):
        client.post("/accounts/login/", {"username": "lan@example.org", "password": "sai"})
    response = client.post("/accounts/login/", {"username": "lan@example.org", "password": "mat-khau-123"})
    assert response.status_code == 302


REGISTRATION = {
    "account-full_name": "Lê Văn An",
    "account-phone": "0912.345.678",
    "account-password1": "hoc-khoi-nghiep",
    "account-password2": "hoc-khoi-nghiep",
    "consent-learning_records": "on",
}


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "https:evil.example", "javascript:alert(1)"],
)
def test_registration_never_redirects_off_the_site(client, target):
    response = client.post("/accounts/register/?" + urlencode({"next": target}), REGISTRATION)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fmy-learning%2F"  # to sign in, then to my learning
    assert User.objects.filter(phone="+84912345678").exists()
    signed_in = client.post(response["Location"], {"username": "0912 345 678", "password": "hoc-khoi-nghiep"})
    assert signed_in["Location"] == reverse("my_learning")


def test_registration_returns_to_the_page_that_asked(client):
    response = client.post("/accounts/register/?next=/khoa-hoc/bai-1/", REGISTRATION)
    assert response["Location"] == "/accounts/login/?next=%2Fkhoa-hoc%2Fbai-1%2F"
    signed_in = client.post(response["Location"], {"username": "0912 345 678", "password": "hoc-khoi-nghiep"})
    assert signed_in["Location"] == "/khoa-hoc/bai-1/"


def test_the_admin_sign_in_speaks_vietnamese_and_takes_a_phone(client, person):
    from django.contrib.auth.models import Permission

    html = client.get("/admin/login/").content.decode()
    assert "Email hoặc số điện thoại" in html and "Mật khẩu" in html
    assert ">Password<" not in html and "Địa chỉ email" not in html

    person.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = client.post("/admin/login/", {"username": "+84 905 123 456", "password": "mat-khau-123"})
    assert response.status_code == 302 and response.url == "/admin/"

    client.logout()
    wrong = client.post("/admin/login/", {"username": "0905 123 456", "password": "sai"}).content.decode()
    assert "Email/số điện thoại hoặc mật khẩu không đúng" in wrong
