"""Numbering under concurrent issuing, on PostgreSQL where row locks are real (skipped on SQLite)."""

import threading

import pytest
from django.db import connection, connections

from trainers.models import Certificate, CertificateCounter, Trainer
from trainers.services import certification_issue

from .factories import UserFactory

pytestmark = [
    # serialized_rollback: the flush after each test must not lose the data migrations made (home page, groups).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]


def _in_threads(count, work):
    barrier = threading.Barrier(count)
    errors = []

    def run(i):
        try:
            barrier.wait()
            work(i)
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


def test_concurrent_issuing_gives_no_gaps_and_no_duplicates():
    people = UserFactory.create_batch(8)

    def issue(i):
        for _ in range(3):
            certification_issue(person=people[i], kind=Certificate.TRAINER, trainer_level=Trainer.CORE)

    _in_threads(8, issue)
    numbers = sorted(Certificate.objects.values_list("number", flat=True))
    year = numbers[0][:4]
    assert numbers == [f"{year}-{n:06d}" for n in range(1, 25)]
    assert CertificateCounter.objects.get(year=int(year)).last == 24


def test_concurrent_completion_gives_one_course_certificate(home):
    from tests.courses.factories import build_course

    course = build_course(home).course
    person = UserFactory()
    _in_threads(6, lambda i: certification_issue(person=person, kind=Certificate.COURSE, course=course))
    assert Certificate.objects.filter(person=person).count() == 1
    assert CertificateCounter.objects.get().last == 1


def test_concurrent_renders_make_one_pdf_and_one_message(settings, monkeypatch):
    """Duplicate deliveries of the render task at once: the row lock lets one render; the others find it done."""
    from pathlib import Path

    from trainers import pdf
    from trainers.models import Notification
    from trainers.tasks import render_certificate_pdf

    certificate = certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE)
    # Forget the render that ran on commit, as if its task had been lost.
    for path in (Path(settings.PRIVATE_MEDIA_ROOT) / "certificates").iterdir():
        path.unlink()
    Certificate.objects.filter(pk=certificate.pk).update(pdf="", pdf_sha256="", pdf_rendered_at=None)
    Notification.objects.all().delete()
    real, calls = pdf.certificate_pdf_bytes, []
    monkeypatch.setattr(pdf, "certificate_pdf_bytes", lambda c: calls.append(c.pk) or real(c))

    shas = []
    _in_threads(
        4, lambda i: shas.append(render_certificate_pdf.apply((certificate.pk,)).get(disable_sync_subtasks=False))
    )
    certificate.refresh_from_db()
    assert calls == [certificate.pk]
    assert shas == [certificate.pdf_sha256] * 4
    assert len(list((Path(settings.PRIVATE_MEDIA_ROOT) / "certificates").iterdir())) == 1
    assert Notification.objects.filter(kind=Notification.CERTIFICATE_ISSUED).count() == 1
