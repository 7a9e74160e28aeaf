"""Password reset by a code sent by phone: once, for 10 minutes, 5 tries; the same answer for any number.

The codes go through the outbox to a local stand-in of eSMS.vn (tests/trainers/provider_stand_ins.py).
"""

import re

import pytest
from django.utils import timezone

from accounts.models import PhoneCode, User
from accounts.phone_codes import MAX_ATTEMPTS, PER_NUMBER_LIMIT, code_for
from trainers import tasks
from trainers.models import Notification
from trainers.notifications import write_from_templates

from ..trainers.provider_stand_ins import EsmsStandIn

pytestmark = pytest.mark.django_db

PHONE, OTHER_PHONE, UNKNOWN = "+84905123456", "+84912345678", "+84987654321"
RESET, CODE_PAGE = "/accounts/password-reset/", "/accounts/password-reset/code/"
NEW_PASSWORD = "mat-khau-moi-2026"


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
    return User.objects.create_user(phone=PHONE, password="mat-khau-cu-123", full_name="Hồ Thị Lan")


@pytest.fixture
def minh(db):
    return User.objects.create_user(phone=OTHER_PHONE, password="mat-khau-minh-1", full_name="Lê Văn Minh")


def _ask(client, typed, capture):
    with capture(execute=True):
        return client.post(RESET, {"email": typed})


def _code_in(sms: dict) -> str:
    return re.match(r"(\d{6}) ", sms["Content"]).group(1)


def _reset(client, phone, code, password=NEW_PASSWORD):
    return client.post(CODE_PAGE, {"phone": phone, "code": code, "new_password1": password, "new_password2": password})


def test_a_code_by_sms_resets_the_password_once_and_ends_the_other_sessions(
    client, esms, lan, django_capture_on_commit_callbacks
):
    elsewhere = type(client)()
    elsewhere.force_login(lan)
    response = _ask(client, "0905 123 456", django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == CODE_PAGE
    assert len(esms.inbox) == 1 and esms.inbox[0]["Phone"] == "0905123456"
    code = _code_in(esms.inbox[0])
    assert "dat lai mat khau" in esms.inbox[0]["Content"]  # unaccented, as eSMS's plain text asks
    assert not PhoneCode.objects.filter(salt__contains=code).exists()  # the row keeps no code

    page = client.get(CODE_PAGE)
    assert 'value="+84905123456"' in page.content.decode()  # the number typed is remembered
    response = _reset(client, PHONE, code)
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    lan.refresh_from_db()
    assert lan.check_password(NEW_PASSWORD)
    assert elsewhere.get("/accounts/me/").status_code == 302  # the other session is over

    # Once only.
    response = _reset(client, PHONE, code, "mot-mat-khau-khac-9")
    assert response.status_code == 200 and "không đúng" in response.content.decode()
    lan.refresh_from_db()
    assert lan.check_password(NEW_PASSWORD)


def test_the_outbox_gets_one_message_per_code_request_however_often_the_task_runs(
    client, esms, lan, django_capture_on_commit_callbacks
):
    _ask(client, PHONE, django_capture_on_commit_callbacks)
    notice = Notification.objects.get(kind=Notification.PHONE_CODE)
    assert notice.channel == "sms" and notice.status == Notification.SENT
    assert [tasks.send_notification.delay(notice.pk).get() for _ in range(2)] == ["skipped", "skipped"]
    assert len(esms.inbox) == 1
    assert "phone_code_id" in notice.context and not re.search(r"\d{6}", str(notice.context))


def test_a_code_expires(client, esms, lan, django_capture_on_commit_callbacks):
    _ask(client, PHONE, django_capture_on_commit_callbacks)
    code = _code_in(esms.inbox[0])
    PhoneCode.objects.update(expires_at=timezone.now() - timezone.timedelta(seconds=1))
    response = _reset(client, PHONE, code)
    assert response.status_code == 200
    lan.refresh_from_db()
    assert not lan.check_password(NEW_PASSWORD)


def test_a_code_dies_after_too_many_wrong_tries(client, esms, lan, django_capture_on_commit_callbacks):
    _ask(client, PHONE, django_capture_on_commit_callbacks)
    code = _code_in(esms.inbox[0])
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _ in range(MAX_ATTEMPTS):
        assert _reset(client, PHONE, wrong).status_code == 200
    response = _reset(client, PHONE, code)  # right, but too late
    assert response.status_code == 200
    lan.refresh_from_db()
    assert not lan.check_password(NEW_PASSWORD)


def test_a_new_code_ends_the_earlier_one(client, esms, lan, django_capture_on_commit_callbacks):
    _ask(client, PHONE, django_capture_on_commit_callbacks)
    _ask(client, PHONE, django_capture_on_commit_callbacks)
    first, second = (_code_in(sms) for sms in esms.inbox)
    if first != second:
        assert _reset(client, PHONE, first).status_code == 200
    assert _reset(client, PHONE, second).status_code == 302


def test_an_unknown_number_gets_the_same_answer_and_nothing_is_sent(
    client, esms, lan, django_capture_on_commit_callbacks
):
    known = _ask(client, PHONE, django_capture_on_commit_callbacks)
    stranger = type(client)()
    unknown = _ask(stranger, UNKNOWN, django_capture_on_commit_callbacks)
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    known_page, unknown_page = client.get(CODE_PAGE), stranger.get(CODE_PAGE)
    strip = lambda page: page.content.decode().replace("+84905123456", "").replace("+84987654321", "")  # noqa: E731
    assert re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", strip(known_page)) == re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]+"', "", strip(unknown_page)
    )
    assert len(esms.inbox) == 1 and PhoneCode.objects.filter(phone=UNKNOWN).count() == 0
    # Entering a code for it answers as a wrong code does.
    assert "không đúng" in _reset(stranger, UNKNOWN, "123456").content.decode()


def test_a_code_for_one_person_never_resets_another(client, esms, lan, minh, django_capture_on_commit_callbacks):
    _ask(client, PHONE, django_capture_on_commit_callbacks)
    code = _code_in(esms.inbox[0])
    assert _reset(client, OTHER_PHONE, code).status_code == 200
    minh.refresh_from_db()
    assert minh.check_password("mat-khau-minh-1") and not minh.check_password(NEW_PASSWORD)


def test_a_number_is_sent_only_so_many_codes_whoever_asks(client, esms, lan, django_capture_on_commit_callbacks):
    answers = set()
    for attempt in range(PER_NUMBER_LIMIT + 2):
        asker = type(client)(REMOTE_ADDR=f"10.0.0.{attempt + 1}")
        response = _ask(asker, PHONE, django_capture_on_commit_callbacks)
        answers.add((response.status_code, response["Location"]))
    assert answers == {(302, CODE_PAGE)}  # the same answer, sent or not
    assert len(esms.inbox) == PER_NUMBER_LIMIT


def test_one_client_asking_too_often_is_refused(client, esms, lan, django_capture_on_commit_callbacks, settings):
    from accounts.views import CODE_REQUEST_LIMIT

    responses = [
        _ask(client, f"09051234{n:02d}", django_capture_on_commit_callbacks) for n in range(CODE_REQUEST_LIMIT + 1)
    ]
    assert responses[-1].status_code == 429


def test_without_a_phone_channel_the_page_sends_to_the_areas_trainer(client, lan, settings):
    settings.ESMS_API_KEY = settings.ZALO_ACCESS_TOKEN = ""
    page = client.get(RESET).content.decode()
    assert "trực tiếp" in page
    response = client.post(RESET, {"email": PHONE})
    assert response.status_code == 200 and "trực tiếp" in response.content.decode()
    assert not PhoneCode.objects.exists()


def test_the_email_path_still_sends_a_link(client, esms, django_capture_on_commit_callbacks, mailoutbox):
    User.objects.create_user(email="lan@example.org", password="x-mat-khau-1", full_name="Lan")
    response = client.post(RESET, {"email": "lan@example.org"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password-reset/sent/"
    assert len(mailoutbox) == 1


def test_the_message_names_the_code_it_was_made_for(lan):
    from accounts.phone_codes import phone_code_issue

    code = phone_code_issue(user=lan, purpose=PhoneCode.RESET, phone=PHONE)
    notice = Notification.objects.get(kind=Notification.PHONE_CODE)
    subject, body = write_from_templates(notice)
    assert code_for(code) in subject and code_for(code) in body


def test_old_codes_are_forgotten_with_their_numbers(lan):
    from accounts import tasks as account_tasks
    from accounts.phone_codes import KEEP_CODES, phone_code_issue

    old = phone_code_issue(user=lan, purpose=PhoneCode.RESET, phone=PHONE)
    recent = phone_code_issue(user=lan, purpose=PhoneCode.RESET, phone=PHONE)
    PhoneCode.objects.filter(pk=old.pk).update(created_at=timezone.now() - KEEP_CODES - timezone.timedelta(hours=1))
    assert [account_tasks.forget_old_phone_codes.delay().get() for _ in range(2)] == [1, 0]
    assert list(PhoneCode.objects.values_list("pk", flat=True)) == [recent.pk]


def test_a_person_who_chose_zalo_gets_the_code_by_zalo(client, settings, django_capture_on_commit_callbacks):
    from ..trainers.provider_stand_ins import ZnsStandIn

    with ZnsStandIn(templates={"260001": ["otp"]}) as zns:
        settings.NOTIFICATION_PHONE_CHANNEL = "sms"  # the site's default; her choice comes first
        settings.ESMS_API_KEY = ""
        settings.ZALO_ZNS_URL, settings.ZALO_ACCESS_TOKEN = zns.url, "zalo-token"
        settings.ZALO_ZNS_TEMPLATES = {"phone_code": {"template_id": "260001", "params": {"otp": "code"}}}
        settings.CHANNEL_TIMEOUT_SECONDS = 2
        person = User.objects.create_user(
            phone=PHONE, password="x-mat-khau-1", full_name="Hiền", notification_channel="zalo"
        )
        _ask(client, PHONE, django_capture_on_commit_callbacks)
        assert len(zns.inbox) == 1 and zns.inbox[0]["phone"] == "84905123456"
        code = zns.inbox[0]["template_data"]["otp"]
        assert _reset(client, PHONE, code).status_code == 302
        person.refresh_from_db()
        assert person.check_password(NEW_PASSWORD)
