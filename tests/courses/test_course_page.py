"""The course page as a learner's map: links to every lesson and quiz, ticks, one way back in."""

import re

import pytest

from courses.services import lesson_complete, quiz_attempt_submit

from .factories import build_course
from .test_quiz import ALL_RIGHT

pytestmark = pytest.mark.django_db


def _outline(html: str) -> list[tuple[str, str, bool]]:
    """(link, title, ticked) for each entry of the course outline."""
    outline = html[html.index('class="outline"') :]
    return [
        (href, title, 'class="done"' in li)
        for li in re.findall(r"<li[^>]*>.*?</li>", outline)
        for href, title in re.findall(r'<a href="([^"]+)">([^<]+)</a>', li)
    ]


def test_anonymous_visitor_sees_links_without_ticks(client, course_tree):
    html = client.get(course_tree.course.url).content.decode()
    entries = _outline(html)
    steps = [course_tree.lessons[0], course_tree.lessons[1], course_tree.quizzes[0]]
    assert [(href, title) for href, title, _ticked in entries[:3]] == [(p.url, p.title) for p in steps]
    assert not any(ticked for *_rest, ticked in entries)
    assert "Đăng nhập hoặc đăng ký để bắt đầu học" in html


def test_enrolled_learner_sees_ticks_and_continue(client, course_tree, learner):
    lesson_complete(user=learner, lesson=course_tree.lessons[0])
    quiz_attempt_submit(user=learner, quiz=course_tree.quizzes[0], answers=ALL_RIGHT)
    client.force_login(learner)
    html = client.get("/en" + course_tree.course.url).content.decode()
    ticked = {title for _href, title, done in _outline(html) if done}
    assert ticked == {course_tree.lessons[0].title, course_tree.quizzes[0].title}
    assert "✓ Passed" in html and "✓ Completed" in html
    # One way back in, to where the learner stopped; no second "start" button.
    resume = f"/en/courses/{course_tree.course.pk}/resume/"
    assert f'<a class="button" href="{resume}">Continue where you left off</a>' in html
    assert "/enroll/" not in html
    assert 'aria-valuenow="33"' in html  # 2 of 6 steps, as on every other screen


def test_learner_not_yet_enrolled_gets_the_start_button(client, course_tree, learner):
    client.force_login(learner)
    html = client.get(course_tree.course.url).content.decode()
    assert f'action="/courses/{course_tree.course.pk}/enroll/"' in html and "Bắt đầu học" in html
    assert "/resume/" not in html and "progressbar" not in html


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_site_menu_links_to_the_catalogue(client, course_tree, prefix):
    catalogue_url = course_tree.catalogue.url
    html = client.get(prefix + "/").content.decode()
    menu = html[html.index('class="main-nav"') :]
    label = "Courses" if prefix else "Khóa học"
    assert f'<a href="{prefix}{catalogue_url}">{label}</a>' in menu


@pytest.mark.parametrize(("modules", "lessons"), [(1, 1), (6, 6)])
def test_course_page_queries_constant(client, home, learner, django_assert_max_num_queries, modules, lessons):
    tree = build_course(home, slug=f"q-{modules}", modules=modules, lessons_per_module=lessons)
    lesson_complete(user=learner, lesson=tree.lessons[0])
    client.force_login(learner)
    client.get(tree.course.url)  # warm the route and outline caches, as any running server has
    with django_assert_max_num_queries(9):
        response = client.get(tree.course.url)
    assert response.status_code == 200 and len(_outline(response.content.decode())) == modules * (lessons + 1)
