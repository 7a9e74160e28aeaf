"""Certification: numbering, idempotent course certificates, revocation, trainer certification rules."""

import datetime

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from wagtail.models import ModelLogEntry

from courses.models import CoursePage, Enrollment
from trainers import services
from trainers.models import Certificate, CertificateCounter, Notification, Trainer
from trainers.services import certificate_revoke, certification_issue, trainer_certification_unmet, trainer_certify
from training.models import SessionParticipant

from .factories import ParticipantFactory, TrainerFactory, TrainingSessionFactory, UserFactory, areas, attend

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def tree():
    return areas()


def test_numbers_run_per_year_without_gaps(tree):
    people = UserFactory.create_batch(3)
    numbers = [
        certification_issue(
            person=p, kind=Certificate.TRAINER, trainer_level=Trainer.CORE, issued_on=D(2025, 6, 1)
        ).number
        for p in people
    ]
    assert numbers == ["2025-000001", "2025-000002", "2025-000003"]
    next_year = certification_issue(
        person=people[0], kind=Certificate.TRAINER, trainer_level=Trainer.CORE, issued_on=D(2026, 1, 2)
    )
    assert next_year.number == "2026-000001"
    assert CertificateCounter.objects.get(year=2025).last == 3


def test_trainer_certificate_expires_after_three_years_and_course_never(course_tree):
    person = UserFactory()
    trainer_cert = certification_issue(
        person=person, kind=Certificate.TRAINER, trainer_level=Trainer.CORE, issued_on=D(2024, 2, 29)
    )
    assert trainer_cert.expires_on == D(2027, 2, 28)
    course_cert = certification_issue(person=person, kind=Certificate.COURSE, course=course_tree.course)
    assert course_cert.expires_on is None
    assert course_cert.code != trainer_cert.code


def test_name_is_stored_composed(course_tree):
    person = UserFactory(full_name="Nguye\u0302\u0303n Thi\u0323 A\u0301nh Tuye\u0302\u0301t")
    certificate = certification_issue(person=person, kind=Certificate.COURSE, course=course_tree.course)
    assert certificate.holder_name == "Nguyễn Thị Ánh Tuyết"


def test_course_certificate_is_issued_once(course_tree):
    person = UserFactory()
    first = certification_issue(person=person, kind=Certificate.COURSE, course=course_tree.course)
    second = certification_issue(person=person, kind=Certificate.COURSE, course=course_tree.course)
    assert first.pk == second.pk
    assert Certificate.objects.filter(person=person).count() == 1
    assert CertificateCounter.objects.get().last == 1  # the second call took no number


def test_a_lost_race_returns_the_winner_and_leaves_no_gap(course_tree, monkeypatch):
    """Two requests that both saw no certificate: the database constraint decides, the loser gets the winner's."""
    person = UserFactory()
    winner = certification_issue(person=person, kind=Certificate.COURSE, course=course_tree.course)
    calls = []
    real = services._valid_course_certificate

    def blind_first_look(*args):
        calls.append(args)
        return None if len(calls) == 1 else real(*args)

    monkeypatch.setattr(services, "_valid_course_certificate", blind_first_look)
    again = certification_issue(person=person, kind=Certificate.COURSE, course=course_tree.course)
    assert again.pk == winner.pk
    assert CertificateCounter.objects.get().last == 1
    assert certification_issue(
        person=UserFactory(), kind=Certificate.COURSE, course=course_tree.course
    ).number.endswith("-000002")


def test_revoke_needs_a_reason_and_is_logged(course_tree, superuser):
    certificate = certification_issue(person=UserFactory(), kind=Certificate.COURSE, course=course_tree.course)
    with pytest.raises(ValidationError):
        certificate_revoke(certificate=certificate, reason="  ", by=superuser)
    certificate_revoke(certificate=certificate, reason="Cấp nhầm người", by=superuser)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.REVOKED and certificate.revoked_reason == "Cấp nhầm người"
    assert certificate.current_status == Certificate.REVOKED
    actions = set(ModelLogEntry.objects.filter(object_id=str(certificate.pk)).values_list("action", flat=True))
    assert actions == {"trainers.certificate.issue", "trainers.certificate.revoke"}
    # After revocation a new valid course certificate may be issued (reissue).
    again = certification_issue(person=certificate.person, kind=Certificate.COURSE, course=course_tree.course)
    assert again.pk != certificate.pk


def test_expired_is_computed_from_the_date():
    certificate = certification_issue(
        person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE, issued_on=D(2020, 1, 1)
    )
    assert certificate.status == Certificate.VALID
    assert certificate.status_on(D(2022, 1, 1)) == Certificate.VALID
    assert certificate.status_on(D(2023, 1, 2)) == Certificate.EXPIRED
    assert not Certificate.objects.valid(D(2023, 1, 2)).exists()


def test_bad_requests_are_refused(course_tree):
    with pytest.raises(ValidationError):
        certification_issue(person=UserFactory(), kind=Certificate.COURSE)
    with pytest.raises(ValidationError):
        certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CANDIDATE)


def test_trainer_certification_lists_unmet_rules_then_certifies(tree, home, superuser):
    master = TrainerFactory(level=Trainer.MASTER, home_area=tree["province"], generation=1)
    candidate = TrainerFactory(level=Trainer.CANDIDATE, home_area=tree["Duy Xuyên"])
    from tests.courses.factories import build_course

    tot = build_course(home, slug="tot-course")
    CoursePage.objects.filter(pk=tot.course.pk).update(is_tot=True)

    unmet = trainer_certification_unmet(trainer=candidate)
    assert len(unmet) == 3
    with pytest.raises(ValidationError) as refused:
        trainer_certify(trainer=candidate, level=Trainer.CORE, issued_by=superuser)
    assert len(refused.value.messages) == 3

    Enrollment.objects.create(
        user=candidate.person, course=tot.course, completed_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    )
    session = TrainingSessionFactory(area=tree["province"], is_tot=True)
    place = ParticipantFactory(session=session, person=candidate.person)
    attend(place)
    assert len(trainer_certification_unmet(trainer=candidate)) == 1  # the practicum is still missing
    place.result, place.assessed_by = SessionParticipant.PASSED, master
    place.save()
    assert trainer_certification_unmet(trainer=candidate) == []

    certificate = trainer_certify(trainer=candidate, level=Trainer.CORE, issued_by=superuser)
    candidate.refresh_from_db()
    assert candidate.level == Trainer.CORE
    assert candidate.trained_by == master and candidate.generation == 2
    assert certificate.kind == Certificate.TRAINER and certificate.trained_by == master
    assert certificate.area == tree["Duy Xuyên"] and certificate.issued_by == superuser
    assert certificate.expires_on is not None


# --- Rendering the PDF: retried, re-run after a lost worker, idempotent, announced once -----------------


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("server closed the connection unexpectedly"),
        InterfaceError("connection already closed"),
        BrokerError("Error 111 connecting to redis:6379. Connection refused."),
        RedisConnectionError("Connection reset by peer"),
    ],
    ids=["db-operational", "db-interface", "broker", "redis"],
)
def test_a_render_is_retried_after_a_database_or_broker_error(course_tree, monkeypatch, error):
    from trainers import pdf, tasks

    certificate = certification_issue(person=UserFactory(), kind=Certificate.COURSE, course=course_tree.course)
    real, calls = pdf.certificate_pdf_bytes, []

    def flaky(c):
        calls.append(c.pk)
        if len(calls) == 1:
            raise error
        return real(c)

    monkeypatch.setattr(pdf, "certificate_pdf_bytes", flaky)
    with pytest.raises(Retry) as retry:  # scheduled again with a delay, not failed
        tasks.render_certificate_pdf.delay(certificate.pk)
    assert retry.value.when is not None and retry.value.exc is error  # jitter may make the delay 0 s
    certificate.refresh_from_db()
    assert not certificate.pdf_rendered_at and not certificate.pdf
    # The retry (sent by the worker; run here as the broker would deliver it), then a duplicate delivery.
    first = tasks.render_certificate_pdf.delay(certificate.pk).get()
    second = tasks.render_certificate_pdf.delay(certificate.pk).get()
    certificate.refresh_from_db()
    assert first == second == certificate.pdf_sha256 and certificate.pdf_rendered_at
    assert len(calls) == 2  # failed once, rendered once; the duplicate rendered nothing


def test_a_killed_workers_render_is_run_again():
    from trainers.tasks import render_certificate_pdf

    # Acknowledged only when done, and requeued (not dropped) when the worker process dies mid-render.
    assert render_certificate_pdf.acks_late is True
    assert render_certificate_pdf.reject_on_worker_lost is True
    assert render_certificate_pdf.retry_backoff and render_certificate_pdf.max_retries >= 5


def test_the_sweep_renders_every_certificate_left_without_its_pdf(course_tree, superuser):
    from trainers import tasks

    # Issued outside a commit callback: the render task never ran (as if the broker had been down).
    waiting = [
        certification_issue(person=UserFactory(), kind=Certificate.COURSE, course=course_tree.course) for _ in range(2)
    ]
    expired = certification_issue(
        person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE, issued_on=D(2020, 1, 1)
    )
    revoked = certification_issue(person=UserFactory(), kind=Certificate.COURSE, course=course_tree.course)
    certificate_revoke(certificate=revoked, reason="Cấp nhầm người", by=superuser)
    assert tasks.render_missing_certificate_pdfs.delay().get() == 3
    assert tasks.render_missing_certificate_pdfs.delay().get() == 0
    for certificate in [*waiting, expired]:
        certificate.refresh_from_db()
        assert certificate.pdf_rendered_at and certificate.pdf.read(4) == b"%PDF"
    revoked.refresh_from_db()
    assert not revoked.pdf_rendered_at and not revoked.pdf


def test_the_sweep_leaves_renders_waiting_in_the_queue_alone(
    course_tree, monkeypatch, django_capture_on_commit_callbacks
):
    """A class's batch waits its turn behind other work: the 5-minute sweep must not queue it again and again."""
    from django.core.cache import cache

    from trainers import tasks

    published = []
    monkeypatch.setattr(
        tasks.render_certificate_pdf, "apply_async", lambda args, kwargs=None, **o: published.append(args)
    )
    with django_capture_on_commit_callbacks(execute=True):
        batch = [
            certification_issue(person=UserFactory(), kind=Certificate.COURSE, course=course_tree.course)
            for _ in range(3)
        ]
    assert sorted(published) == sorted((c.pk,) for c in batch)  # queued once each at the commit
    assert tasks.render_missing_certificate_pdfs() == 0  # still waiting: nothing queued twice
    assert tasks.render_missing_certificate_pdfs() == 0
    cache.delete(tasks._queued_mark(batch[0].pk))  # half an hour later, one of them is still without its PDF
    assert tasks.render_missing_certificate_pdfs() == 1
    assert published[-1] == (batch[0].pk,) and len(published) == 4


def test_the_holder_is_told_once_the_pdf_exists(course_tree, django_capture_on_commit_callbacks):
    from trainers import tasks

    person = UserFactory(email="hoc.vien@example.org")
    certificate = certification_issue(person=person, kind=Certificate.COURSE, course=course_tree.course)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.queue_certificate_notifications.delay().get()
    assert mail.outbox == []  # no PDF yet: no message with a link that would not work
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.render_certificate_pdf.delay(certificate.pk).get()
    assert [m.to for m in mail.outbox] == [["hoc.vien@example.org"]]  # told by the render, not a later sweep
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.queue_certificate_notifications.delay().get()
    assert len(mail.outbox) == 1
    assert f"/certificates/{certificate.number}/pdf/" in mail.outbox[0].body
    assert Notification.objects.get().status == Notification.SENT


def test_a_deleted_accounts_certificate_is_not_rendered_again(
    client, course_tree, superuser, settings, django_capture_on_commit_callbacks
):
    """Deleting an account removes the PDF that printed the name; neither the sweep nor a download brings it back."""
    from pathlib import Path

    from accounts.services import account_delete
    from trainers import tasks

    person = UserFactory(email="da.xoa@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certification_issue(person=person, kind=Certificate.COURSE, course=course_tree.course)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=person)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert tasks.render_missing_certificate_pdfs.delay().get() == 0
            tasks.render_certificate_pdf.delay(certificate.pk).get()
    client.force_login(superuser)
    assert client.get(f"/certificates/{certificate.number}/pdf/").status_code == 404
    certificate.refresh_from_db()
    assert not certificate.pdf and not certificate.pdf_rendered_at
    assert not any(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.pdf"))
    assert mail.outbox == [] and not Notification.objects.filter(user=person).exists()
