"""The outbox's phone channels against local stand-ins of eSMS.vn and Zalo ZNS (no test leaves the machine).

A phone-only person's messages go by SMS or Zalo exactly once however often the task runs; a provider's refusal
fails the row with its reason; a rate limit or a timeout is tried again within the attempts and then fails
with the provider's reason; a channel without credentials, or past its daily cost cap, keeps its messages
pending with the reason shown.
"""

import json

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.utils import timezone

from accounts.models import Consent
from accounts.privacy import consent_withdraw, consents_record
from courses.services import enrollment_create
from trainers import tasks
from trainers.channels import ProviderBusy
from trainers.models import Certificate, Notification, Trainer
from trainers.notifications import MAX_ATTEMPTS, NO_CONSENT_REASON, notification_send
from training import tasks as training_tasks

from .factories import ParticipantFactory, TrainerFactory, TrainingSessionFactory, UserFactory, areas
from .provider_stand_ins import EsmsStandIn, ZnsStandIn

pytestmark = pytest.mark.django_db

PHONE = "+84905123456"
ZNS_TEMPLATES = {"250001": ["name", "course"]}


@pytest.fixture
def esms(settings):
    with EsmsStandIn() as stand_in:
        settings.NOTIFICATION_PHONE_CHANNEL = "sms"
        settings.ESMS_API_URL = stand_in.url
        settings.ESMS_API_KEY, settings.ESMS_SECRET_KEY, settings.ESMS_BRANDNAME = "key", "secret", "TOT-LMS"
        settings.SMS_UNICODE = False
        settings.SMS_PRICE_VND = 800
        settings.CHANNEL_TIMEOUT_SECONDS = 0.3
        yield stand_in


@pytest.fixture
def zns(settings):
    with ZnsStandIn(templates=ZNS_TEMPLATES) as stand_in:
        settings.NOTIFICATION_PHONE_CHANNEL = "zalo"
        settings.ZALO_ZNS_URL = stand_in.url
        settings.ZALO_ACCESS_TOKEN = "zalo-token"
        settings.ZALO_ZNS_TEMPLATES = {
            "enrolled": {"template_id": "250001", "params": {"name": "user.full_name", "course": "course.title"}}
        }
        settings.CHANNEL_TIMEOUT_SECONDS = 0.3
        yield stand_in


@pytest.fixture
def phone_learner(db):
    return UserFactory(email=None, phone=PHONE, full_name="Hồ Thị Lan")


def _enrolment_notice(person, course) -> Notification:
    return Notification.objects.create(
        user=person, kind=Notification.ENROLLED, object_key=f"e:{person.pk}", context={"course_id": course.pk}
    )


def test_a_phone_only_learner_gets_the_enrolment_message_by_sms_exactly_once(
    esms, phone_learner, course_tree, django_capture_on_commit_callbacks
):
    course = course_tree.course
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(user=phone_learner, course=course)
    notice = Notification.objects.get(user=phone_learner)
    # The task run again (a retry, a redelivery, a second worker): nothing more is sent.
    assert [tasks.send_notification.delay(notice.pk).get() for _ in range(2)] == ["skipped", "skipped"]
    assert len(esms.requests) == 1 and len(esms.inbox) == 1 and mail.outbox == []
    sms = esms.inbox[0]
    assert sms["Phone"] == "0905123456" and sms["Brandname"] == "TOT-LMS" and sms["SmsType"] == "2"
    assert sms["IsUnicode"] == "0" and sms["RequestId"] == f"lms-notification-{notice.pk}"
    assert sms["Content"].startswith("Xac nhan ghi danh:") and sms["Content"].isascii()
    assert len(sms["Content"]) <= 320
    notice.refresh_from_db()
    assert (notice.status, notice.channel, notice.cost, notice.last_error) == (Notification.SENT, "sms", 800, "")


def test_a_phone_only_trainer_gets_the_certificate_message_by_sms_exactly_once(
    esms, django_capture_on_commit_callbacks
):
    a = areas()
    trainer = TrainerFactory(home_area=a["Duy Xuyên"], person__email=None, person__phone="+84912345678")
    certificate = Certificate.objects.create(
        kind=Certificate.TRAINER,
        number="2026-000001",
        person=trainer.person,
        holder_name="Lê Văn An",
        trainer_level=Trainer.CORE,
        area=a["Duy Xuyên"],
        issued_on=timezone.localdate(),
        expires_on=timezone.localdate().replace(year=timezone.localdate().year + 3),
        pdf_rendered_at=timezone.now(),
    )
    for _ in range(2):  # the periodic task twice
        with django_capture_on_commit_callbacks(execute=True):
            tasks.queue_certificate_notifications.delay().get()
    assert len(esms.inbox) == 1
    assert esms.inbox[0]["Phone"] == "0912345678" and certificate.number in esms.inbox[0]["Content"]


def test_a_phone_only_participant_gets_the_session_reminder_by_sms_exactly_once(
    esms, django_capture_on_commit_callbacks
):
    a = areas()
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    session = TrainingSessionFactory(
        title="Khởi nghiệp cho thanh niên", area=a["Hội An"], starts_on=tomorrow, ends_on=tomorrow
    )
    ParticipantFactory(session=session, person=UserFactory(email=None, phone=PHONE))
    for _ in range(2):  # the daily task twice
        with django_capture_on_commit_callbacks(execute=True):
            training_tasks.queue_session_reminders.delay().get()
    assert len(esms.inbox) == 1 and mail.outbox == []
    assert esms.inbox[0]["Phone"] == "0905123456" and "Khoi nghiep cho thanh nien" in esms.inbox[0]["Content"]


def test_the_sms_is_accented_when_the_provider_takes_unicode(esms, settings, phone_learner, course_tree):
    settings.SMS_UNICODE = True
    notice = _enrolment_notice(phone_learner, course_tree.course)
    assert notification_send(notification_id=notice.pk) == Notification.SENT
    assert esms.inbox[0]["IsUnicode"] == "1" and esms.inbox[0]["Content"].startswith("Xác nhận ghi danh:")


def test_an_invalid_phone_number_fails_at_once_with_the_providers_reason(esms, phone_learner, course_tree):
    esms.invalid_phones.add("0905123456")
    notice = _enrolment_notice(phone_learner, course_tree.course)
    assert notification_send(notification_id=notice.pk) == Notification.FAILED
    notice.refresh_from_db()
    assert notice.status == Notification.FAILED and notice.attempts == 1
    assert notice.last_error == "eSMS 108: Phone number is not in correct format."
    assert notification_send(notification_id=notice.pk) == "skipped"  # not tried again by itself
    assert len(esms.requests) == 1


def test_wrong_sms_credentials_fail_with_the_providers_reason(esms, settings, phone_learner, course_tree):
    settings.ESMS_SECRET_KEY = "wrong"
    notice = _enrolment_notice(phone_learner, course_tree.course)
    assert notification_send(notification_id=notice.pk) == Notification.FAILED
    notice.refresh_from_db()
    assert notice.last_error == "eSMS 101: Incorrect ApiKey or SecretKey."


def test_a_rate_limit_is_retried_by_the_task_then_sent(esms, phone_learner, course_tree):
    esms.script = ["rate_limit"]
    notice = _enrolment_notice(phone_learner, course_tree.course)
    with pytest.raises(Retry):  # scheduled again, not dropped
        tasks.send_notification.delay(notice.pk)
    notice.refresh_from_db()
    assert notice.status == Notification.PENDING and "HTTP 429" in notice.last_error
    assert tasks.send_notification.delay(notice.pk).get() == Notification.SENT
    assert len(esms.inbox) == 1


def test_a_provider_that_keeps_refusing_with_a_rate_limit_ends_failed_with_its_reason(esms, phone_learner, course_tree):
    esms.script = ["rate_limit"] * (MAX_ATTEMPTS + 2)
    notice = _enrolment_notice(phone_learner, course_tree.course)
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(ProviderBusy):
            notification_send(notification_id=notice.pk)
    notice.refresh_from_db()
    assert (notice.status, notice.attempts) == (Notification.FAILED, MAX_ATTEMPTS)
    assert notice.last_error == "eSMS: HTTP 429 Too Many Requests"
    assert notification_send(notification_id=notice.pk) == "skipped"
    assert len(esms.requests) == MAX_ATTEMPTS and esms.inbox == []


def test_a_timeout_is_retried_and_the_request_id_keeps_it_to_one_message(esms, phone_learner, course_tree):
    """The provider took the message but its answer came too late: the retry is told "duplicate", not re-sent."""
    esms.script = ["timeout"]
    notice = _enrolment_notice(phone_learner, course_tree.course)
    with pytest.raises(ProviderBusy):
        notification_send(notification_id=notice.pk)
    notice.refresh_from_db()
    assert notice.status == Notification.PENDING and "no answer within" in notice.last_error
    assert notification_send(notification_id=notice.pk) == Notification.SENT
    assert len(esms.requests) == 2 and len(esms.inbox) == 1


def test_the_daily_cost_cap_stops_sending_and_says_so(esms, settings, course_tree):
    settings.NOTIFICATION_DAILY_CAP_VND = {"sms": 1600, "zalo": 0}
    people = [UserFactory(email=None, phone=f"+8490512345{n}") for n in range(3)]
    notices = [_enrolment_notice(person, course_tree.course) for person in people]
    assert [notification_send(notification_id=n.pk) for n in notices] == ["sent", "sent", "held"]
    held = Notification.objects.get(pk=notices[2].pk)
    assert held.status == Notification.PENDING and held.attempts == 0
    assert "1600" in held.last_error and "sms" in held.last_error
    assert len(esms.requests) == 2
    # The next day's allowance: yesterday's spending no longer counts.
    Notification.objects.filter(status=Notification.SENT).update(claimed_at=timezone.now() - timezone.timedelta(days=1))
    assert notification_send(notification_id=held.pk) == Notification.SENT


def test_a_channel_without_credentials_keeps_its_messages_pending_and_listed(
    settings, client, phone_learner, course_tree
):
    settings.NOTIFICATION_PHONE_CHANNEL = "zalo"
    settings.ZALO_ACCESS_TOKEN = ""
    notice = _enrolment_notice(phone_learner, course_tree.course)
    assert notification_send(notification_id=notice.pk) == "held"
    notice.refresh_from_db()
    assert notice.status == Notification.PENDING and notice.channel == "zalo"
    assert "ZALO_ACCESS_TOKEN" in notice.last_error
    admin = UserFactory(email="root@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    listing = client.get("/admin/trainers/notifications/?status=pending").content.decode()
    assert "ZALO_ACCESS_TOKEN" in listing


def test_zalo_sends_the_configured_template_with_its_parameters(zns, phone_learner, course_tree):
    notice = _enrolment_notice(phone_learner, course_tree.course)
    assert notification_send(notification_id=notice.pk) == Notification.SENT
    assert notification_send(notification_id=notice.pk) == "skipped"
    request = zns.requests[0]
    assert request["headers"]["access_token"] == "zalo-token"
    assert request["body"] == {
        "phone": "84905123456",
        "template_id": "250001",
        "template_data": {"name": "Hồ Thị Lan", "course": course_tree.course.title},
        "tracking_id": f"lms-notification-{notice.pk}",
    }
    notice.refresh_from_db()
    assert (notice.channel, notice.cost, len(zns.inbox)) == ("zalo", 300, 1)


def test_a_zalo_template_error_fails_with_the_providers_reason(zns, settings, phone_learner, course_tree):
    settings.ZALO_ZNS_TEMPLATES = {"enrolled": {"template_id": "250001", "params": {"customer": "user.full_name"}}}
    notice = _enrolment_notice(phone_learner, course_tree.course)
    assert notification_send(notification_id=notice.pk) == Notification.FAILED
    notice.refresh_from_db()
    assert notice.last_error == "Zalo ZNS -112: Template data invalid" and zns.inbox == []


def test_a_zalo_unknown_error_is_retried(zns, phone_learner, course_tree):
    zns.script = ["unknown"]
    notice = _enrolment_notice(phone_learner, course_tree.course)
    with pytest.raises(ProviderBusy):
        notification_send(notification_id=notice.pk)
    notice.refresh_from_db()
    assert notice.status == Notification.PENDING and notice.last_error == "Zalo ZNS -100: Unknown error"
    assert notification_send(notification_id=notice.pk) == Notification.SENT


def test_a_kind_without_a_zalo_template_waits_with_the_reason(zns, phone_learner):
    notice = Notification.objects.create(
        user=phone_learner, kind=Notification.INACTIVE_REMINDER, object_key="learning", period="2026-01-01"
    )
    assert notification_send(notification_id=notice.pk) == "held"
    notice.refresh_from_db()
    assert notice.status == Notification.PENDING and "ZALO_ZNS_TEMPLATES" in notice.last_error
    assert zns.requests == []


def test_a_withdrawn_phone_consent_is_never_used(esms, phone_learner, course_tree):
    consents_record(person=phone_learner, purposes=[Consent.LEARNING_RECORDS, Consent.NOTIFY_PHONE])
    consent_withdraw(person=phone_learner, purpose=Consent.NOTIFY_PHONE)
    notice = _enrolment_notice(phone_learner, course_tree.course)
    assert notification_send(notification_id=notice.pk) == Notification.SKIPPED
    notice.refresh_from_db()
    assert notice.last_error == NO_CONSENT_REASON and esms.requests == []


def test_who_withdrew_e_mail_but_agreed_to_the_phone_is_written_to_by_phone(esms, course_tree):
    person = UserFactory(email="both@example.org", phone=PHONE)
    consents_record(person=person, purposes=[Consent.NOTIFY_EMAIL, Consent.NOTIFY_PHONE])
    consent_withdraw(person=person, purpose=Consent.NOTIFY_EMAIL)
    notice = _enrolment_notice(person, course_tree.course)
    assert notification_send(notification_id=notice.pk) == Notification.SENT
    assert mail.outbox == [] and len(esms.inbox) == 1


def test_sending_by_sms_runs_a_fixed_number_of_queries(esms, phone_learner, course_tree, django_assert_max_num_queries):
    notice = _enrolment_notice(phone_learner, course_tree.course)
    with django_assert_max_num_queries(12):
        assert notification_send(notification_id=notice.pk) == Notification.SENT


def test_the_demos_stand_in_provider_keeps_what_the_sms_channel_sends(
    settings, tmp_path, phone_learner, course_tree, monkeypatch
):
    """The demo's stand-in (served under DEBUG by scripts/run.sh) answers as eSMS does and lists the message."""
    from django.test import RequestFactory

    from trainers import stand_in

    settings.PRIVATE_MEDIA_ROOT = str(tmp_path)
    settings.ESMS_API_URL = "http://stand-in/dev/stand-in/esms/"
    settings.ESMS_API_KEY, settings.ESMS_SECRET_KEY, settings.ESMS_BRANDNAME = "stand-in", "stand-in", "STAND-IN"

    def through_the_view(url, payload, *, headers=None, name):  # the view itself, without a server
        request = RequestFactory().post(url, data=payload, content_type="application/json")
        return json.loads(stand_in.esms(request).content)

    monkeypatch.setattr("trainers.channels.sms.post_json", through_the_view)
    notice = _enrolment_notice(phone_learner, course_tree.course)
    assert notification_send(notification_id=notice.pk) == Notification.SENT
    page = stand_in.inbox(RequestFactory().get("/dev/stand-in/")).content.decode()
    assert "0905123456" in page and "Xac nhan ghi danh" in page
