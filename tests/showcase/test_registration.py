import datetime
import re
import threading

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.db import IntegrityError, OperationalError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from showcase.models import EventPage, Registration
from showcase.services import registration_cancel, registration_create
from trainers.models import Notification
from trainers.notifications import notifications_sweep
from trainers.tasks import send_notification

from .factories import make_event

pytestmark = pytest.mark.django_db


def visitor(event, n, **extra):
    return registration_create(
        event=event, full_name=f"Khách {n}", phone=f"090512{n:04d}", language=extra.pop("language", "vi"), **extra
    )[0]


def test_past_capacity_joins_the_waiting_list_in_order(home):
    event = make_event(home, capacity=2)
    regs = [visitor(event, n) for n in range(4)]
    assert [r.status for r in regs] == ["confirmed", "confirmed", "waiting", "waiting"]
    assert [r.waiting_position() for r in regs] == [None, None, 1, 2]
    assert event.registrations.confirmed().count() == 2


def test_cancelling_moves_the_first_on_the_waiting_list_up(home, django_capture_on_commit_callbacks):
    event = make_event(home, capacity=2)
    first, second, third, fourth = (visitor(event, n, email=f"k{n}@example.org") for n in range(4))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        promoted = registration_cancel(registration=second)

    assert [r.pk for r in promoted] == [third.pk]
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "confirmed", second.pk: "cancelled", third.pk: "confirmed", fourth.pk: "waiting"}
    fourth.refresh_from_db()
    assert fourth.waiting_position() == 1
    third.refresh_from_db()
    assert third.promoted_at is not None
    assert [m.to for m in mail.outbox] == [["k2@example.org"]]
    notice = Notification.objects.get(kind=Notification.EVENT_PLACE)
    assert (notice.address, notice.status) == ("k2@example.org", Notification.SENT)


def test_cancelling_a_waiting_place_promotes_nobody(home):
    event = make_event(home, capacity=1)
    visitor(event, 1)
    waiting = visitor(event, 2)
    assert registration_cancel(registration=waiting) == []
    assert registration_cancel(registration=waiting) == []  # twice is harmless


def test_registering_twice_returns_the_first_registration(home, learner):
    event = make_event(home, capacity=5)
    first, created = registration_create(event=event, full_name="Lê Văn An", phone="0905 123 456")
    again, created_again = registration_create(event=event, full_name="Lê Văn An", phone="+84905123456")
    assert created and not created_again and again.pk == first.pk

    mine, _ = registration_create(event=event, person=learner)
    assert registration_create(event=event, person=learner) == (mine, False)
    assert event.registrations.count() == 2


def test_a_cancelled_person_registering_again_goes_to_the_back_of_the_queue(home):
    event = make_event(home, capacity=1)
    first = visitor(event, 1)
    visitor(event, 2)  # waiting
    registration_cancel(registration=first)  # 2 moves up
    again = visitor(event, 1)
    assert again.pk == first.pk and again.status == "waiting"


def test_the_database_refuses_a_second_row_for_the_same_phone_or_person(home, learner):
    event = make_event(home, capacity=5)
    Registration.objects.create(event=event, full_name="A", phone="+84905123456")
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, full_name="B", phone="+84905123456")
    Registration.objects.create(event=event, full_name="C", person=learner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, full_name="D", person=learner)


def test_codes_are_unique_and_unguessably_long(home):
    event = make_event(home, capacity=50)
    codes = {visitor(event, n).code for n in range(30)}
    assert len(codes) == 30 and all(len(c) == 12 for c in codes)


def _notice(registration, kind=Notification.EVENT_REGISTRATION) -> Notification:
    return Notification.objects.get(kind=kind, object_key=f"registration:{registration.pk}")


def test_confirmation_is_sent_once_in_the_registrants_language(home, django_capture_on_commit_callbacks):
    event = make_event(home, capacity=1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        english = visitor(event, 1, email="an@example.org", language="en")
        vietnamese = visitor(event, 2, email="binh@example.org", language="vi")  # waiting list
    assert [m.to for m in mail.outbox] == [["an@example.org"], ["binh@example.org"]]
    assert mail.outbox[0].subject.startswith("Registration confirmed")
    assert english.display_code in mail.outbox[0].body
    assert "danh sách chờ" in mail.outbox[1].subject
    notice = _notice(english)
    assert (notice.status, notice.language, notice.attempts) == (Notification.SENT, "en", 1)

    # A retried task is a no-op: the outbox's row says it was sent.
    assert send_notification.delay(notice.pk).get() == "skipped"
    assert send_notification.delay(_notice(vietnamese).pk).get() == "skipped"
    assert _notice(english).sent_at == notice.sent_at and len(mail.outbox) == 2


def test_notices_whose_task_was_lost_are_sent_by_the_sweep_once(home, django_capture_on_commit_callbacks):
    event = make_event(home, capacity=1)
    past = make_event(home, capacity=5)
    # Saved outside a commit callback: the notice tasks never ran (as if the broker had been down).
    first = visitor(event, 1, email="an@example.org")
    second = visitor(event, 2, email="binh@example.org")  # waiting list
    cancelled = visitor(event, 3, email="chi@example.org")
    gone = visitor(past, 4, email="dung@example.org")
    over = timezone.now() - datetime.timedelta(days=1)
    EventPage.objects.filter(pk=past.pk).update(starts_at=over - datetime.timedelta(hours=8), ends_at=over)
    with django_capture_on_commit_callbacks(execute=False):
        registration_cancel(registration=cancelled)
        registration_cancel(registration=first)  # moves `second` up: a place notice is owed too
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_sweep()["requeued"] == 0  # within the grace: their own tasks may still run
    later = timezone.now() + datetime.timedelta(minutes=11)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            notifications_sweep(now=later)
    # Her confirmation and her place notice; nothing for the cancelled ones, nor for an event that is over.
    assert [m.to for m in mail.outbox] == [["binh@example.org"], ["binh@example.org"]]
    assert _notice(second).status == _notice(second, Notification.EVENT_PLACE).status == Notification.SENT
    assert _notice(gone).status == _notice(cancelled).status == Notification.SKIPPED


def test_a_notice_is_retried_after_a_database_error(home, monkeypatch, django_capture_on_commit_callbacks):
    from django.core.mail import EmailMessage

    event = make_event(home, capacity=1)
    registration = visitor(event, 1, email="an@example.org")
    mail.outbox.clear()
    real, calls = EmailMessage.send, []

    def flaky(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", flaky)
    notice = _notice(registration)
    with pytest.raises(Retry):  # scheduled again, not dropped
        send_notification.delay(notice.pk)
    notice.refresh_from_db()
    assert notice.status == Notification.PENDING and "server closed" in notice.last_error  # the claim was given back
    results = [send_notification.delay(notice.pk).get() for _ in range(2)]
    assert results == [Notification.SENT, "skipped"] and [m.to for m in mail.outbox] == [["an@example.org"]]


def test_no_email_no_notice(home):
    event = make_event(home, capacity=1)
    visitor(event, 1)
    assert not Notification.objects.exists()


def test_registering_again_after_cancelling_is_confirmed_again(home, django_capture_on_commit_callbacks):
    event = make_event(home, capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        first = visitor(event, 1, email="an@example.org")
    registration_cancel(registration=first)
    with django_capture_on_commit_callbacks(execute=True):
        again = visitor(event, 1, email="an@example.org")
    assert again.pk == first.pk
    assert [m.to for m in mail.outbox] == [["an@example.org"], ["an@example.org"]]
    assert Notification.objects.filter(kind=Notification.EVENT_REGISTRATION, status=Notification.SENT).count() == 2


def test_a_notice_no_longer_due_when_its_task_runs_is_not_sent(home, django_capture_on_commit_callbacks):
    """Cancelled (and registered again) before the first confirmation went: only the current one is sent."""
    event = make_event(home, capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        first = visitor(event, 1, email="an@example.org")
        registration_cancel(registration=first)
        visitor(event, 1, email="an@example.org")
    statuses = Notification.objects.order_by("pk").values_list("status", flat=True)
    assert list(statuses) == [Notification.SKIPPED, Notification.SENT] and len(mail.outbox) == 1


def test_closed_and_past_events_take_no_registrations(home):
    from django.core.exceptions import ValidationError

    closed = make_event(home, registration_open=False)
    past = make_event(home, days_ahead=-3)
    for event in (closed, past):
        with pytest.raises(ValidationError):
            visitor(event, 1)


# --- Through the pages ---------------------------------------------------------------------------


def test_a_visitor_registers_on_the_event_page_and_sees_a_qr_ticket(client, home):
    event = make_event(home, capacity=1)
    response = client.get(event.url)
    assert response.status_code == 200
    assert "Còn 1/1 chỗ" in response.content.decode()  # Vietnamese by default

    response = client.post(
        event.url, {"full_name": "Nguyễn Thị Hoa", "phone": "0905 111 222", "email": "", "consent": "on"}
    )
    registration = Registration.objects.get()
    assert response.status_code == 302 and response["Location"] == registration.get_absolute_url()
    assert registration.phone == "+84905111222" and registration.language == "vi"

    ticket = client.get(response["Location"])
    body = ticket.content.decode()
    assert ticket.status_code == 200 and "<svg" in body and registration.display_code in body
    assert ticket["X-Robots-Tag"] == "noindex, nofollow"


def test_an_invalid_phone_is_refused_with_the_form(client, home):
    event = make_event(home)
    response = client.post(event.url, {"full_name": "Hoa", "phone": "12", "consent": "on"})
    assert response.status_code == 400 and not Registration.objects.exists()


def test_a_signed_in_person_registers_in_english(client, home, learner):
    event = make_event(home, capacity=1)
    visitor(event, 1)
    client.force_login(learner)
    response = client.post("/en" + event.url, {"consent": "on"})
    registration = Registration.objects.get(person=learner)
    assert registration.status == "waiting" and registration.language == "en"
    page = client.get(response["Location"]).content.decode()
    assert "number 1 on the waiting list" in page and "<svg" not in page


def test_the_ticket_holder_cancels(client, home):
    event = make_event(home, capacity=1)
    first, second = visitor(event, 1), visitor(event, 2)
    response = client.post(reverse("showcase:ticket_cancel", args=[first.code]))
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("cancelled", "confirmed")


def test_an_unknown_ticket_is_a_404(client):
    assert client.get(reverse("showcase:ticket", args=["ABCDEFGHJKMN"])).status_code == 404


# --- Someone else's phone -----------------------------------------------------------------------

ALREADY = "This phone number is already registered for this event."


def _register_victim(client, event):
    response = client.post(
        event.url, {"full_name": "Nguyễn Thị Hoa", "phone": "0905 123 456", "email": "hoa@example.org", "consent": "on"}
    )
    assert response.status_code == 302
    return Registration.objects.get(phone="+84905123456")


def test_registering_with_someone_elses_phone_shows_nothing_of_theirs(client, home, settings):
    """The attacker types the victim's number in another format: no redirect, no name, no code, no link."""
    event = make_event(home, capacity=5)
    victim = _register_victim(client, event)
    client.logout()
    client.cookies.clear()

    response = client.post(
        event.url, {"full_name": "Kẻ Gian", "phone": "+84 905 123 456", "email": "", "consent": "on"}, follow=True
    )
    body = response.content.decode()
    assert response.redirect_chain == []
    for secret in ("Nguyễn Thị Hoa", "hoa@example.org", victim.code, victim.display_code):
        assert secret not in body
    assert "Kẻ Gian" in body  # the visitor's own input is kept
    assert Registration.objects.count() == 1
    victim.refresh_from_db()
    assert (victim.full_name, victim.status) == ("Nguyễn Thị Hoa", "confirmed")


def test_the_neutral_answer_is_the_same_for_the_owner_and_for_a_stranger(client, home):
    """Nothing in the answer depends on who the registration belongs to (beyond the visitor's own input)."""
    event = make_event(home, capacity=5)
    _register_victim(client, event)
    same_form = {"full_name": "Ai Đó", "phone": "0905123456", "email": "", "consent": "on"}
    url = "/en" + event.url
    owner_again = client.post(url, same_form).content.decode()
    stranger = Client().post(url, same_form).content.decode()
    assert ALREADY in owner_again

    def without_token(html: str) -> str:
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)

    assert without_token(owner_again) == without_token(stranger)


def test_a_cancelled_phone_taken_up_by_someone_else_kills_the_old_ticket_link(client, home, learner):
    event = make_event(home, capacity=5)
    client.force_login(learner)
    learner.phone = "+84905123456"
    learner.save()
    client.post(event.url, {"consent": "on"})
    mine = Registration.objects.get(person=learner)
    old_code = mine.code
    registration_cancel(registration=mine)
    client.logout()

    response = client.post(event.url, {"full_name": "Kẻ Gian", "phone": "0905 123 456", "consent": "on"})
    theirs = Registration.objects.get(phone="+84905123456")
    assert response.status_code == 302 and response["Location"] == theirs.get_absolute_url()
    assert theirs.code != old_code and theirs.person is None  # not filed under the learner's account
    assert client.get(reverse("showcase:ticket", args=[old_code])).status_code == 404
    client.force_login(learner)
    assert "Kẻ Gian" not in client.get(event.url).content.decode()


def test_a_visitor_holding_your_phone_does_not_block_or_reveal_your_account_registration(client, home, learner):
    event = make_event(home, capacity=5)
    squatter = visitor(event, 1)
    learner.phone = squatter.phone
    learner.save()
    client.force_login(learner)
    response = client.post(event.url, {"consent": "on"})
    mine = Registration.objects.get(person=learner)
    assert response.status_code == 302 and response["Location"] == mine.get_absolute_url()
    assert mine.pk != squatter.pk and mine.phone is None
    ticket = client.get(response["Location"]).content.decode()
    assert squatter.full_name not in ticket and squatter.display_code not in ticket


def test_a_ticket_is_cancelled_only_with_its_code(client, home):
    event = make_event(home, capacity=5)
    victim = _register_victim(client, event)
    client.logout()
    client.cookies.clear()
    page = client.post(
        event.url, {"full_name": "Kẻ Gian", "phone": "0905 123 456", "consent": "on"}, follow=True
    ).content.decode()
    for action in re.findall(r'action="([^"]*/cancel/)"', page):  # whatever the answer offers, tried
        client.post(action)
    for guess in ("ABCDEFGHJKMN", victim.phone, "0905123456"):
        assert client.post(reverse("showcase:ticket_cancel", args=[guess])).status_code == 404
    victim.refresh_from_db()
    assert victim.status == "confirmed"


# --- Concurrency (PostgreSQL only: SQLite serialises writers and cannot lock a row) ---------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks (PostgreSQL)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_never_overfill_or_double_book(home):
    event = make_event(home, capacity=5)
    barrier = threading.Barrier(16)
    errors = []

    def register(n):
        try:
            barrier.wait()
            # Everyone twice at once: 12 different people, and 4 threads re-sending person 0's form.
            phone = f"090599{(n if n < 12 else 0):04d}"
            registration_create(event=event, full_name=f"Người {n}", phone=phone)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Registration.objects.filter(event=event).count() == 12
    assert Registration.objects.filter(event=event).confirmed().count() == 5
    assert Registration.objects.filter(event=event).waiting().count() == 7
    assert Registration.objects.filter(event=event, phone="+84905990000").count() == 1


def test_raising_the_capacity_in_the_editor_moves_the_waiting_list_up(home, superuser, client):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    event = make_event(home, capacity=1)
    first, second, third = (visitor(event, n) for n in range(3))
    client.force_login(superuser)
    data = nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "kind": event.kind,
            "starts_at": timezone.localtime(event.starts_at).strftime("%Y-%m-%d %H:%M"),
            "ends_at": timezone.localtime(event.ends_at).strftime("%Y-%m-%d %H:%M"),
            "place": event.place,
            "area": event.area_id,
            "organiser": event.organiser,
            "summary": "",
            "programme": streamfield([]),
            "capacity": 2,
            "registration_open": "on",
            "action-publish": "publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    statuses = [r.status for r in Registration.objects.filter(pk__in=[first.pk, second.pk, third.pk]).order_by("pk")]
    assert statuses == ["confirmed", "confirmed", "waiting"]
