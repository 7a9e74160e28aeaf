"""Personal pages say so: `Cache-Control: private, no-store` on every response to a signed-in person."""

import pytest
from django.urls import reverse

from courses.services import lesson_complete
from tests.training.test_rollcall import areas, session, today  # noqa: F401 (fixtures)
from trainers.models import Certificate
from trainers.services import certification_issue

pytestmark = pytest.mark.django_db


def _private(response) -> bool:
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


def test_a_learners_own_pages_and_data_download_are_private(client, course_tree, learner):
    certificate = certification_issue(person=learner, kind=Certificate.COURSE, course=course_tree.course)
    client.force_login(learner)
    for url in (
        "/my-learning/",
        "/accounts/me/",
        "/accounts/me/data/",
        "/accounts/me/delete/",
        f"/verify/{certificate.code}/",
        "/projects/mine/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _private(response), (url, response.get("Cache-Control"))


def test_a_lesson_from_the_shared_page_cache_is_private_to_whoever_is_signed_in(
    client, course_tree, learner, other_learner, django_assert_num_queries
):
    lesson = course_tree.lessons[0]
    lesson_complete(user=learner, lesson=lesson)
    lesson_complete(user=other_learner, lesson=lesson)
    client.force_login(learner)
    first = client.get(lesson.url)
    client.force_login(other_learner)
    client.get(lesson.url)  # her session and user are cached now, as on any later visit
    with django_assert_num_queries(0):  # the same progress: the shared HTML, no query
        second = client.get(lesson.url)
    assert _private(first) and _private(second)
    # The page cache still serves one rendering to both (only the CSRF token differs).
    token = 'name="csrfmiddlewaretoken" value="'
    strip = [r.content.decode().split(token)[0] for r in (first, second)]
    assert strip[0] == strip[1]

    client.logout()
    anonymous = client.get(lesson.url)
    assert anonymous.status_code == 200 and not _private(anonymous)  # nothing personal in it


def test_trainer_and_roll_call_pages_are_private(client, session, trainer, today):  # noqa: F811
    client.force_login(trainer)
    for url in (
        "/lop-tap-huan/",
        f"/lop-tap-huan/{session.pk}/",
        reverse("rollcall:index"),
        reverse("rollcall:roll_call", args=[session.pk]),
        "/admin/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _private(response), (url, response.get("Cache-Control"))
