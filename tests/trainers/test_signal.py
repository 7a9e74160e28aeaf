"""Completing a course online issues its certificate once, and the PDF is rendered after the commit."""

import pytest

from courses.services import lesson_complete, quiz_attempt_submit
from courses.signals import course_completed
from trainers.models import Certificate

pytestmark = pytest.mark.django_db

ALL_RIGHT = {"q-single": ["s-right"], "q-multi": ["m-a", "m-b"], "q-tf": ["t-true"]}


def _complete(user, tree):
    for lesson in tree.lessons:
        lesson_complete(user=user, lesson=lesson)
    for quiz in tree.quizzes:
        quiz_attempt_submit(user=user, quiz=quiz, answers=ALL_RIGHT)


def test_completing_a_course_issues_one_certificate(course_tree, learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _complete(user=learner, tree=course_tree)
    certificate = Certificate.objects.get(person=learner)
    assert certificate.kind == Certificate.COURSE and certificate.course_id == course_tree.course.pk
    assert certificate.pdf_rendered_at and len(certificate.pdf_sha256) == 64
    assert certificate.pdf.read(4) == b"%PDF"

    # Lessons done again, the signal sent again: still one certificate, still one PDF.
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=learner, lesson=course_tree.lessons[0])
        enrollment = learner.enrollments.get()
        course_completed.send(sender=type(enrollment), enrollment=enrollment)
    assert Certificate.objects.filter(person=learner).count() == 1
    assert Certificate.objects.get(person=learner).pdf_sha256 == certificate.pdf_sha256


def test_an_unfinished_course_issues_nothing(course_tree, learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in course_tree.lessons:
            lesson_complete(user=learner, lesson=lesson)
    assert not Certificate.objects.exists()
