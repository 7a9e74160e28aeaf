"""Every e-mail the site sends goes through the one outbox (trainers/notifications.py).

Whatever the kind (a certificate, a session reminder, a Startup Day registration, a team
invitation), it is a row in the outbox: an SMTP error is recorded and tried again, the last
failure waits for an administrator, who sees it in the admin and sends it again, and a task that
runs twice sends once.
"""

import datetime
import smtplib

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.mail import EmailMessage
from django.utils import timezone

from showcase.services import project_team_update, registration_create
from trainers.models import Notification
from trainers.notifications import MAX_ATTEMPTS, queue_certificate_notifications, queue_session_reminders
from trainers.tasks import send_notification

from .showcase.factories import ProjectFactory, add_member, make_event
from .trainers.factories import ParticipantFactory, TrainerFactory, TrainingSessionFactory, UserFactory, areas
from .trainers.test_notifications import _trainer_certificate

pytestmark = pytest.mark.django_db


def _certificate(home, learner) -> str:
    a = areas()
    trainer = TrainerFactory(home_area=a["Duy Xuyên"], person__email="gv@example.org")
    _trainer_certificate(trainer, issued_on=timezone.localdate(), area=a["Duy Xuyên"])
    queue_certificate_notifications()
    return "gv@example.org"


def _session(home, learner) -> str:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    session = TrainingSessionFactory(area=areas()["Hội An"], starts_on=tomorrow, ends_on=tomorrow)
    ParticipantFactory(session=session, person=UserFactory(email="hoc.vien@example.org"))
    queue_session_reminders()
    return "hoc.vien@example.org"


def _registration(home, learner) -> str:
    event = make_event(home, capacity=5)
    registration_create(event=event, full_name="Khách", phone="0905 123 456", email="khach@example.org")
    return "khach@example.org"


def _invitation(home, learner) -> str:
    project = ProjectFactory(title="Nước mắm Cửa Đại")
    add_member(project, learner, lead=True)
    project_team_update(project=project, by=learner, invite=["hoa@example.org"])
    return "hoa@example.org"


KINDS = {
    Notification.CERTIFICATE_ISSUED: _certificate,
    Notification.SESSION_REMINDER: _session,
    Notification.EVENT_REGISTRATION: _registration,
    Notification.PROJECT_INVITATION: _invitation,
}


def _refuse(self, *args, **kwargs):
    raise smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"mailbox unavailable")})


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_is_in_the_outbox_with_its_failures_and_is_sent_again_once(
    kind, home, learner, superuser, client, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # the send task is run by hand below
        address = KINDS[kind](home, learner)
    (notice,) = Notification.objects.all()
    assert notice.kind == kind and notice.status == Notification.PENDING

    # The mail server refuses every attempt: each is recorded; after the last the row waits, failed.
    monkeypatch.setattr(EmailMessage, "send", _refuse)
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises((Retry, smtplib.SMTPException)):
            send_notification.delay(notice.pk)
    notice.refresh_from_db()
    assert (notice.status, notice.attempts) == (Notification.FAILED, MAX_ATTEMPTS)
    assert "SMTPRecipientsRefused" in notice.last_error and mail.outbox == []
    assert send_notification.delay(notice.pk).get() == "skipped"  # a late retry does not try again
    monkeypatch.undo()

    # The administrator finds it in the outbox and sends it again: once, however often the task then runs.
    client.force_login(superuser)
    listing = client.get("/admin/trainers/notifications/", {"status": "failed"}).content.decode()
    assert "SMTPRecipientsRefused" in listing and "Gửi lại" in listing
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(f"/admin/trainers/notifications/resend/{notice.pk}/").status_code == 302
    assert send_notification.delay(notice.pk).get() == "skipped"
    notice.refresh_from_db()
    assert notice.status == Notification.SENT and notice.sent_at is not None
    assert [m.to for m in mail.outbox] == [[address]]
    assert mail.outbox[0].extra_headers["X-Idempotency-Key"] == f"lms-notification-{notice.pk}"


def test_the_showcase_sends_no_email_of_its_own():
    """No copy of the outbox is left: the showcase queues rows and never calls the mail API itself."""
    from pathlib import Path

    import showcase

    sources = "".join(path.read_text() for path in Path(showcase.__file__).parent.rglob("*.py"))
    assert "send_mail" not in sources and "EmailMessage" not in sources
