"""Notifications: content, the recipient's language, one send per claim with every task run twice, the admin outbox."""

import datetime

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.mail import EmailMessage
from django.db import OperationalError
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from courses.models import Enrollment, LessonCompletion
from courses.services import enrollment_create
from trainers import tasks
from trainers.models import Certificate, Notification, Trainer
from trainers.notifications import notification_send, notifications_sweep
from training import tasks as training_tasks

from .factories import ParticipantFactory, TrainerFactory, TrainingSessionFactory, UserFactory, areas, district_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_learner(db):
    return UserFactory(email="english@example.org", full_name="Jane Doe", preferred_language="en")


def test_enrolment_confirmation_in_vietnamese_once(course_tree, learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(user=learner, course=course_tree.course)
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(user=learner, course=course_tree.course)  # not a new enrolment: no signal
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["learner@example.org"]
    assert message.subject == f"Xác nhận ghi danh: {course_tree.course.title}"
    assert "Bạn đã ghi danh khóa học" in message.body and f"http://testserver{course_tree.course.url}" in message.body
    notification = Notification.objects.get()
    assert notification.status == Notification.SENT and notification.sent_at
    # The task run again (a retry, a redelivery) sends nothing.
    assert tasks.send_notification.delay(notification.pk).get() == "skipped"
    assert len(mail.outbox) == 1


def test_enrolment_confirmation_in_english(course_tree, english_learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(user=english_learner, course=course_tree.course)
    message = mail.outbox[0]
    assert message.subject == f"Enrolment confirmed: {course_tree.course.title}"
    assert message.body.startswith("Hello Jane Doe")


def test_a_duplicate_insert_is_a_no_op(learner):
    from trainers.notifications import notification_queue

    first = notification_queue(user_id=learner.pk, kind=Notification.ENROLLED, object_key="enrollment:1")
    second = notification_queue(user_id=learner.pk, kind=Notification.ENROLLED, object_key="enrollment:1")
    assert Notification.objects.count() == 1
    assert second in ([], first)


def test_two_workers_racing_send_once(learner, course_tree):
    enrollment = Enrollment.objects.create(user=learner, course=course_tree.course)
    notification = Notification.objects.create(
        user=learner,
        kind=Notification.ENROLLED,
        object_key=f"enrollment:{enrollment.pk}",
        context={"course_id": course_tree.course.pk},
    )
    results = [notification_send(notification_id=notification.pk) for _ in range(2)]
    assert results == [Notification.SENT, "skipped"]
    assert len(mail.outbox) == 1
    # A row some other worker has claimed is not sent by this one either.
    claimed = Notification.objects.create(
        user=learner, kind=Notification.ENROLLED, object_key="enrollment:x", status=Notification.SENDING
    )
    assert notification_send(notification_id=claimed.pk) == "skipped"


def test_a_failed_send_gives_the_row_back(learner, course_tree, monkeypatch):
    notification = Notification.objects.create(
        user=learner, kind=Notification.ENROLLED, object_key="e:1", context={"course_id": course_tree.course.pk}
    )

    def broken(self, *args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    with pytest.raises(OSError):
        notification_send(notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.status == Notification.PENDING and "SMTP down" in notification.last_error
    monkeypatch.undo()
    assert notification_send(notification_id=notification.pk) == Notification.SENT


@pytest.mark.parametrize(
    "error",
    [OperationalError("server closed the connection unexpectedly"), BrokerError("Connection refused")],
    ids=["database", "broker"],
)
def test_a_send_is_retried_after_a_database_or_broker_error(learner, course_tree, monkeypatch, error):
    notification = Notification.objects.create(
        user=learner, kind=Notification.ENROLLED, object_key="e:1", context={"course_id": course_tree.course.pk}
    )
    real, calls = EmailMessage.send, []

    def flaky(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise error
        return real(self, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", flaky)
    with pytest.raises(Retry):  # scheduled again, not dropped
        tasks.send_notification.delay(notification.pk)
    notification.refresh_from_db()
    assert notification.status == Notification.PENDING
    # The retry, then a duplicate delivery of it: one message.
    assert [tasks.send_notification.delay(notification.pk).get() for _ in range(2)] == [Notification.SENT, "skipped"]
    assert len(mail.outbox) == 1


def test_no_email_address_waits_for_the_phone_channel_when_it_is_off(course_tree):
    """A phone-only person's message is not dropped: with SMS not configured it waits, the reason shown."""
    phone_only = UserFactory(email=None, phone="+84905123456")
    notification = Notification.objects.create(
        user=phone_only, kind=Notification.ENROLLED, object_key="e:1", context={"course_id": course_tree.course.pk}
    )
    assert notification_send(notification_id=notification.pk) == "held"
    notification.refresh_from_db()
    assert notification.status == Notification.PENDING and notification.channel == "sms"
    assert "ESMS_API_KEY" in notification.last_error
    assert mail.outbox == []


def _trainer_certificate(trainer, *, issued_on, area, rendered=True):
    return Certificate.objects.create(
        kind=Certificate.TRAINER,
        number=f"2026-{Certificate.objects.count() + 1:06d}",
        person=trainer.person,
        holder_name=trainer.person.full_name,
        trainer_level=Trainer.CORE,
        area=area,
        issued_on=issued_on,
        expires_on=issued_on.replace(year=issued_on.year + 3),
        pdf_rendered_at=timezone.now() if rendered else None,
    )


def test_certificate_issued_after_render_with_the_pdf_link(django_capture_on_commit_callbacks):
    a = areas()
    trainer = TrainerFactory(home_area=a["Duy Xuyên"], person__email="gv@example.org", person__full_name="Lê Văn An")
    waiting = _trainer_certificate(trainer, issued_on=timezone.localdate(), area=a["Duy Xuyên"], rendered=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.queue_certificate_notifications.delay().get() == 0  # no PDF yet, no message
    Certificate.objects.filter(pk=waiting.pk).update(pdf_rendered_at=timezone.now())
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.queue_certificate_notifications.delay().get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == f"Chứng nhận {waiting.number} đã được cấp"
    assert f"http://testserver/certificates/{waiting.number}/pdf/" in message.body
    assert f"/verify/{waiting.code}/" in message.body


def test_session_reminder_a_day_before(django_capture_on_commit_callbacks):
    a = areas()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    session = TrainingSessionFactory(
        title="Khởi nghiệp cho thanh niên", area=a["Hội An"], starts_on=tomorrow, ends_on=tomorrow, venue="Nhà văn hóa"
    )
    later = TrainingSessionFactory(
        area=a["Hội An"], starts_on=tomorrow + datetime.timedelta(days=1), ends_on=tomorrow + datetime.timedelta(days=2)
    )
    vi = ParticipantFactory(session=session, person=UserFactory(email="vi@example.org")).person
    en = ParticipantFactory(session=session, person=UserFactory(email="en@example.org", preferred_language="en")).person
    ParticipantFactory(session=later)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            training_tasks.queue_session_reminders.delay().get()
    assert sorted(m.to[0] for m in mail.outbox) == [en.email, vi.email]
    by_to = {m.to[0]: m for m in mail.outbox}
    assert "bắt đầu ngày mai" in by_to[vi.email].subject
    assert f"{tomorrow:%d/%m/%Y}" in by_to[vi.email].body and "Nhà văn hóa" in by_to[vi.email].body
    assert by_to[en.email].subject == "Reminder: the training session “Khởi nghiệp cho thanh niên” starts tomorrow"


def test_inactivity_reminder_after_14_days(course_tree, learner, other_learner, django_capture_on_commit_callbacks):
    now = timezone.now()
    idle = Enrollment.objects.create(user=learner, course=course_tree.course)
    Enrollment.objects.filter(pk=idle.pk).update(enrolled_at=now - datetime.timedelta(days=30))
    busy = Enrollment.objects.create(user=other_learner, course=course_tree.course)
    Enrollment.objects.filter(pk=busy.pk).update(enrolled_at=now - datetime.timedelta(days=30))
    done = LessonCompletion.objects.create(enrollment=busy, lesson=course_tree.lessons[0])
    LessonCompletion.objects.filter(pk=done.pk).update(completed_at=now - datetime.timedelta(days=3))
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.queue_inactivity_reminders.delay().get()
    assert [m.to for m in mail.outbox] == [[learner.email]]
    assert course_tree.course.title in mail.outbox[0].body and "/my-learning/" in mail.outbox[0].body
    assert mail.outbox[0].subject == "Bạn còn khóa học chưa hoàn thành"


def test_expiry_reminder_to_trainer_and_district_admin(django_capture_on_commit_callbacks):
    a = areas()
    admin = district_admin(a["Duy Xuyên"])
    district_admin(a["Hội An"], email="hoian.admin@example.org")
    trainer = TrainerFactory(home_area=a["Duy Xuyên"], person__email="gv@example.org", person__preferred_language="en")
    today = timezone.localdate()
    certificate = _trainer_certificate(trainer, issued_on=today - datetime.timedelta(days=400), area=a["Duy Xuyên"])
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=today + datetime.timedelta(days=30))
    far = _trainer_certificate(TrainerFactory(home_area=a["Duy Xuyên"]), issued_on=today, area=a["Duy Xuyên"])
    assert far.expires_on > today + datetime.timedelta(days=30)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.queue_expiry_reminders.delay().get()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([admin.email, "gv@example.org"])
    by_to = {m.to[0]: m for m in mail.outbox}
    assert by_to["gv@example.org"].subject == f"Your trainer certificate {certificate.number} expires soon"
    assert trainer.person.full_name in by_to[admin.email].subject
    assert f"/admin/trainers/certificates/inspect/{certificate.pk}/" in by_to[admin.email].body


def test_sweeper_requeues_pending_and_fails_stuck_rows(learner, course_tree, django_capture_on_commit_callbacks):
    old = timezone.now() - datetime.timedelta(hours=2)
    pending = Notification.objects.create(
        user=learner, kind=Notification.ENROLLED, object_key="e:1", context={"course_id": course_tree.course.pk}
    )
    stuck = Notification.objects.create(
        user=learner, kind=Notification.ENROLLED, object_key="e:2", status=Notification.SENDING, claimed_at=old
    )
    Notification.objects.filter(pk=pending.pk).update(created_at=old)
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_sweep() == {"failed": 1, "requeued": 1}
    pending.refresh_from_db()
    stuck.refresh_from_db()
    assert pending.status == Notification.SENT and stuck.status == Notification.FAILED
    assert len(mail.outbox) == 1


def test_a_message_whose_task_was_lost_to_a_broker_blip_goes_out_within_minutes(
    learner, course_tree, django_capture_on_commit_callbacks
):
    lost, fresh = (
        Notification.objects.create(
            user=learner, kind=Notification.ENROLLED, object_key=key, context={"course_id": course_tree.course.pk}
        )
        for key in ("e:1", "e:2")
    )
    Notification.objects.filter(pk=lost.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=3))
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.sweep_notifications.delay().get()
    # The fresh row's own task may still be on its way: it is left to it.
    assert Notification.objects.get(pk=lost.pk).status == Notification.SENT
    assert Notification.objects.get(pk=fresh.pk).status == Notification.PENDING
    assert len(mail.outbox) == 1


# --- The outbox in the admin ----------------------------------------------------------------------


def _failed(user, key: str, course_tree) -> Notification:
    return Notification.objects.create(
        user=user,
        kind=Notification.ENROLLED,
        object_key=key,
        context={"course_id": course_tree.course.pk},
        status=Notification.FAILED,
        attempts=5,
        last_error="SMTPServerDisconnected('Connection unexpectedly closed')",
    )


@pytest.fixture
def outbox(course_tree):
    from trainers.models import Profile

    a = areas()
    ours = UserFactory(full_name="Phan Thị Mai", email="mai@example.org")
    Profile.objects.create(user=ours, area=a["Duy Xuyên"])
    theirs = UserFactory(full_name="Đỗ Văn Tam", email="tam@example.org")
    Profile.objects.create(user=theirs, area=a["Tam Kỳ"])
    admin = district_admin(a["Duy Xuyên"])
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=admin, defaults={"preferred_language": "en"})
    return {
        "admin": admin,
        "ours": _failed(ours, "enrollment:1", course_tree),
        "theirs": _failed(theirs, "enrollment:2", course_tree),
    }


def test_a_failing_send_ends_failed_after_its_attempts(learner, course_tree, monkeypatch):
    from trainers.notifications import MAX_ATTEMPTS

    notification = Notification.objects.create(
        user=learner, kind=Notification.ENROLLED, object_key="e:1", context={"course_id": course_tree.course.pk}
    )

    def broken(self, *args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(OSError):
            notification_send(notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.status == Notification.FAILED and notification.attempts == MAX_ATTEMPTS
    assert notification_send(notification_id=notification.pk) == "skipped"  # a late retry sends nothing


def test_failed_notifications_are_listed_for_the_districts_administrator(client, outbox):
    client.force_login(outbox["admin"])
    response = client.get("/admin/trainers/notifications/", {"status": "failed"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Phan Thị Mai" in html and "SMTPServerDisconnected" in html and "Send again" in html
    assert "Đỗ Văn Tam" not in html
    for view in ("inspect", "resend"):
        assert client.get(f"/admin/trainers/notifications/{view}/{outbox['theirs'].pk}/").status_code == 404
    assert client.post(f"/admin/trainers/notifications/resend/{outbox['theirs'].pk}/").status_code == 404
    outbox["theirs"].refresh_from_db()
    assert outbox["theirs"].status == Notification.FAILED


def test_sending_a_failed_notification_again(client, outbox, django_capture_on_commit_callbacks):
    from wagtail.models import ModelLogEntry

    url = f"/admin/trainers/notifications/resend/{outbox['ours'].pk}/"
    client.force_login(outbox["admin"])
    confirmation = client.get(url).content.decode()
    assert "may already have been delivered" in confirmation and "second copy" in confirmation
    for _ in range(2):  # a double click sends once
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url).status_code == 302
    assert [m.to for m in mail.outbox] == [["mai@example.org"]]
    outbox["ours"].refresh_from_db()
    assert outbox["ours"].status == Notification.SENT and outbox["ours"].attempts == 6
    assert ModelLogEntry.objects.filter(action="trainers.notification.resend", user=outbox["admin"]).count() == 1


def test_the_outbox_is_not_edited_by_hand(client, outbox):
    client.force_login(outbox["admin"])
    pk = outbox["ours"].pk
    for url in ("/admin/trainers/notifications/add/", f"/admin/trainers/notifications/edit/{pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
    client.post(f"/admin/trainers/notifications/delete/{pk}/")
    assert Notification.objects.filter(pk=pk, status=Notification.FAILED).exists()


def test_a_learner_has_no_outbox(client, learner, outbox):
    client.force_login(learner)
    assert client.get("/admin/trainers/notifications/").status_code in (302, 403)


def test_the_admin_home_points_the_administrator_at_failed_notifications(client, outbox):
    client.force_login(outbox["admin"])
    html = client.get("/admin/").content.decode()
    assert "1 notification could not be sent." in html  # theirs (Tam Kỳ) is not counted
    assert "/admin/trainers/notifications/?status=failed" in html


def test_the_outbox_listing_runs_a_fixed_number_of_queries(client, outbox, course_tree, django_assert_max_num_queries):
    client.force_login(outbox["admin"])
    client.get("/admin/trainers/notifications/")  # warm caches (content types, site)
    for n in range(10):
        _failed(outbox["ours"].user, f"enrollment:{100 + n}", course_tree)
    with django_assert_max_num_queries(25):
        assert client.get("/admin/trainers/notifications/").status_code == 200
