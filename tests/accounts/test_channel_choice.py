"""Each person chooses the channel their messages go by, among those they can receive on."""

import pytest

from accounts.models import User
from accounts.privacy import consent_withdraw, consents_record
from trainers.models import Notification
from trainers.notifications import notification_route

pytestmark = pytest.mark.django_db

PHONE = "+84905123456"


def _route(person):
    notice = Notification.objects.create(user=person, kind=Notification.ENROLLED, object_key=f"e:{person.pk}")
    return notification_route(notice)


def _form_choices(client, person):
    client.force_login(person)
    html = client.get("/accounts/me/").content.decode()
    return {
        value for value in ("email", "sms", "zalo") if f'name="account-notification_channel" value="{value}"' in html
    }


def test_the_account_page_offers_only_the_channels_the_person_can_receive_on(client):
    phone_only = User.objects.create_user(phone=PHONE, password="x-mat-khau-1", full_name="Hồ Thị Mỹ")
    email_only = User.objects.create_user(email="lan@example.org", password="x-mat-khau-1", full_name="Lan")
    both = User.objects.create_user(email="minh@example.org", phone="+84912345678", password="x", full_name="Minh")
    assert _form_choices(client, phone_only) == {"sms", "zalo"}
    assert _form_choices(client, email_only) == {"email"}
    assert _form_choices(client, both) == {"email", "sms", "zalo"}


def test_a_person_chooses_zalo_and_their_messages_go_by_zalo(client, settings):
    settings.NOTIFICATION_PHONE_CHANNEL = "sms"
    person = User.objects.create_user(email="minh@example.org", phone=PHONE, password="x", full_name="Minh")
    assert _route(person) == ("email", "minh@example.org")  # no choice: e-mail first
    client.force_login(person)
    response = client.post(
        "/accounts/me/",
        {
            "account-full_name": "Minh",
            "account-email": "minh@example.org",
            "account-phone": PHONE,
            "account-preferred_language": "vi",
            "account-notification_channel": "zalo",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.notification_channel == "zalo"
    Notification.objects.all().delete()
    assert _route(person) == ("zalo", PHONE)


def test_a_phone_only_person_defaults_to_the_sites_phone_channel(settings):
    settings.NOTIFICATION_PHONE_CHANNEL = "zalo"
    person = User.objects.create_user(phone=PHONE, password="x", full_name="Mỹ")
    assert _route(person) == ("zalo", PHONE)


def test_e_mail_cannot_be_chosen_without_an_address(client):
    person = User.objects.create_user(phone=PHONE, password="x", full_name="Mỹ")
    client.force_login(person)
    response = client.post(
        "/accounts/me/",
        {
            "account-full_name": "Mỹ",
            "account-email": "",
            "account-phone": PHONE,
            "account-preferred_language": "vi",
            "account-notification_channel": "email",
        },
    )
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.notification_channel == ""


def test_a_withdrawn_chosen_channel_is_not_used():
    person = User.objects.create_user(
        email="minh@example.org", phone=PHONE, password="x", full_name="Minh", notification_channel="sms"
    )
    consents_record(person=person, purposes=["learning_records", "notify_email", "notify_phone"])
    consent_withdraw(person=person, purpose="notify_phone")
    assert _route(person) == ("email", "minh@example.org")
