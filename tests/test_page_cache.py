"""Cached page routing never serves stale or unpublished content."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def test_republished_title_is_served(client, course_tree):
    lesson = course_tree.lessons[0]
    assert "Tư duy khởi nghiệp" in client.get(lesson.url).content.decode()
    lesson.title = "Bài đã sửa: Khách hàng là ai?"
    lesson.save_revision().publish()
    assert "Bài đã sửa: Khách hàng là ai?" in client.get(lesson.url).content.decode()


def test_unpublished_page_disappears(client, course_tree):
    lesson = course_tree.lessons[0]
    url = lesson.url
    assert client.get(url).status_code == 200
    lesson.unpublish()
    assert client.get(url).status_code == 404


def test_new_lesson_appears_in_the_outline(client, course_tree):
    from courses.models import LessonPage

    url = course_tree.quizzes[0].url  # the new lesson comes right after this quiz
    assert "Bài mới về gọi vốn" not in client.get(url).content.decode()
    new = LessonPage(title="Bài mới về gọi vốn", slug="bai-moi", body=[])
    course_tree.modules[0].add_child(instance=new)
    new.save_revision().publish()
    assert "Bài mới về gọi vốn" in client.get(url).content.decode()


def test_login_restriction_added_later_is_enforced(client, course_tree):
    url = course_tree.course.url
    assert client.get(url).status_code == 200
    PageViewRestriction.objects.create(page=course_tree.course, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_post_is_not_served_from_the_route_cache(client, course_tree, learner):
    client.force_login(learner)
    quiz = course_tree.quizzes[0]
    client.get(quiz.url)
    response = client.post(quiz.url, {"q-q-single": ["s-right"]})
    assert response.status_code == 200 and "33%" in response.content.decode()
