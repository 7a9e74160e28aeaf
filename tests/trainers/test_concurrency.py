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
