"""One progress figure per learner and course, whichever screen shows it."""

import re

import pytest

from courses.models import Enrollment
from courses.progress import learner_progress
from courses.services import lesson_complete, quiz_attempt_submit

from .test_quiz import ALL_RIGHT

pytestmark = pytest.mark.django_db


def _shown_percent(html: str, course_title: str | None = None) -> int:
    if course_title:  # My learning: the card of that course
        html = html[html.index(course_title) :]
    return int(re.search(r'role="progressbar"[^>]*aria-valuenow="(\d+)"', html).group(1))


def _screens(client, tree) -> dict[str, int]:
    return {
        "my learning": _shown_percent(client.get("/my-learning/").content.decode(), tree.course.title),
        "lesson page": _shown_percent(client.get(tree.lessons[0].url).content.decode()),
        "quiz page": _shown_percent(client.get(tree.quizzes[1].url).content.decode()),
        "course page": _shown_percent(client.get(tree.course.url).content.decode()),
    }


def test_every_screen_shows_the_same_progress(client, course_tree, learner):
    # Every lesson done, no quiz passed: 4 of the 6 steps (used to be 100 % on My learning).
    for lesson in course_tree.lessons:
        lesson_complete(user=learner, lesson=lesson)
    client.force_login(learner)
    assert set(_screens(client, course_tree).values()) == {66}

    # A passed quiz counts as a step done.
    quiz_attempt_submit(user=learner, quiz=course_tree.quizzes[0], answers=ALL_RIGHT)
    assert set(_screens(client, course_tree).values()) == {83}


def test_failed_quizzes_and_unpublished_lessons_do_not_count(course_tree, learner):
    lesson_complete(user=learner, lesson=course_tree.lessons[0])
    lesson_complete(user=learner, lesson=course_tree.lessons[1])
    quiz_attempt_submit(user=learner, quiz=course_tree.quizzes[0], answers={})
    course_tree.lessons[1].unpublish()
    enrollment = Enrollment.objects.select_related("course").get()
    progress = learner_progress([enrollment])[enrollment.pk]
    assert (progress.done, progress.total, progress.percent) == (1, 5, 20)


def test_progress_of_many_enrolments_in_two_queries(home, learner, django_assert_num_queries):
    from .factories import build_course

    for n in range(3):
        tree = build_course(home, slug=f"p-{n}", modules=1, lessons_per_module=n + 1)
        lesson_complete(user=learner, lesson=tree.lessons[0])
    enrollments = list(Enrollment.objects.select_related("course").order_by("pk"))
    with django_assert_num_queries(2):
        progress = learner_progress(enrollments)
    assert [progress[e.pk].percent for e in enrollments] == [50, 33, 25]
