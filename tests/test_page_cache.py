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


def test_a_restored_older_version_does_not_bring_back_an_unpublished_page(client, course_tree):
    from django.core.cache import cache

    from core.models import ContentVersion
    from core.page_cache import VERSION_KEY

    lesson = course_tree.lessons[0]
    url = lesson.url
    assert client.get(url).status_code == 200  # its route is cached under the current version
    older = cache.get(VERSION_KEY)
    lesson.unpublish()
    assert ContentVersion.objects.get().version > older  # the version moved on in PostgreSQL
    # Redis is restored from a snapshot taken before the unpublish: the older version and the
    # route cached under it are back.
    cache.set(VERSION_KEY, older)
    assert client.get(url).status_code == 404


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


def _preview(client, lesson, **changes):
    """Post an unsaved edit to the admin's preview endpoint, then render the preview as the editor sees it."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = {
        "title": lesson.title,
        "slug": lesson.slug,
        "estimated_minutes": lesson.estimated_minutes,
        "body": streamfield([("paragraph", rich_text(f"<p>{changes['body']}</p>"))]),
        "guide_plan": streamfield([]),
        "guide_notes": rich_text(""),
        "guide_materials": streamfield([]),
        "comments": inline_formset([]),
    }
    url = f"/admin/pages/{lesson.pk}/edit/preview/"
    response = client.post(url, nested_form_data(data))
    assert response.status_code == 200 and response.json()["is_valid"]
    return client.get(url).content.decode()


@pytest.mark.parametrize("language", ["", "/en"])
def test_a_preview_never_becomes_the_public_page(client, course_tree, trainer, language):
    from django.test import Client

    lesson = course_tree.lessons[0]
    client.force_login(trainer)
    preview = _preview(client, lesson, body="Bản nháp chưa duyệt: lãi suất 50%")
    assert "Bản nháp chưa duyệt" in preview  # the trainer does see the draft…

    public = Client().get(language + lesson.url).content.decode()
    assert "Người khởi nghiệp cần hiểu khách hàng." in public  # …everyone else the published lesson
    assert "Bản nháp chưa duyệt" not in public
    lesson.refresh_from_db()
    assert "Bản nháp chưa duyệt" not in str(lesson.body.raw_data)  # and nothing was saved


def test_publishing_replaces_the_cached_body(client, course_tree):
    lesson = course_tree.lessons[0]
    assert "Người khởi nghiệp cần hiểu khách hàng." in client.get(lesson.url).content.decode()
    lesson.body = [{"type": "paragraph", "value": "<p>Nội dung mới đã duyệt.</p>"}]
    lesson.save_revision().publish()
    html = client.get(lesson.url).content.decode()
    assert "Nội dung mới đã duyệt." in html and "Người khởi nghiệp cần hiểu khách hàng." not in html


def test_a_preview_of_a_new_lesson_leaves_the_outline_alone(client, course_tree, superuser):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    module = course_tree.modules[0]
    neighbour = course_tree.lessons[1]
    assert client.get(neighbour.url).status_code == 200  # the outline is cached now
    client.force_login(superuser)
    data = {
        "title": "Bài nháp mới trong đề cương",
        "slug": "bai-nhap",
        "estimated_minutes": 10,
        "body": streamfield([("paragraph", rich_text("<p>Nháp</p>"))]),
        "guide_plan": streamfield([]),
        "guide_notes": rich_text(""),
        "guide_materials": streamfield([]),
        "comments": inline_formset([]),
    }
    url = f"/admin/pages/add/courses/lessonpage/{module.pk}/preview/"
    assert client.post(url, nested_form_data(data)).json()["is_valid"]
    assert "Nháp" in client.get(url).content.decode()
    client.logout()
    assert "Bài nháp mới trong đề cương" not in client.get(neighbour.url).content.decode()
