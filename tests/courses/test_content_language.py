"""Vietnamese course content is marked lang="vi" inside English pages, so it is read with the right voice."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from courses.services import lesson_complete

pytestmark = pytest.mark.django_db


def _lang_of(html: str, text: str) -> str:
    """The language in force where `text` is first shown in the body: the nearest lang attribute around it."""
    soup = BeautifulSoup(html, "html.parser")
    node = soup.body.find(string=lambda s: s and text in s)
    assert node is not None, f"{text!r} is not on the page"
    element = node.parent
    while element is not None and not element.get("lang"):
        element = element.parent
    return element.get("lang")


def test_content_is_vietnamese_inside_english_pages(client, course_tree, learner):
    lesson, quiz, course = course_tree.lessons[0], course_tree.quizzes[0], course_tree.course
    with translation.override("vi"):
        urls = {name: page.url for name, page in [("lesson", lesson), ("quiz", quiz), ("course", course)]}
        catalogue = course_tree.catalogue.url
    lesson_complete(user=learner, lesson=lesson)
    client.force_login(learner)

    shown = {
        "/en" + urls["lesson"]: [lesson.title, "Người khởi nghiệp cần hiểu khách hàng.", course.title],
        "/en" + urls["course"]: [course.title, course.summary, "Hiểu hệ sinh thái", lesson.title],
        "/en" + urls["quiz"]: [quiz.title, "Vốn mồi là gì?", "Khoản vay ngân hàng"],
        "/en" + catalogue: [course.title, course.summary],
        "/en/search/?q=khoi+nghiep": [course.title],
        "/en/my-learning/": [course.title],
    }
    for url, texts in shown.items():
        html = client.get(url).content.decode()
        assert _lang_of(html, "Log out") == "en", url  # the page itself is English…
        for text in texts:
            assert _lang_of(html, text) == "vi", (url, text)  # …its content Vietnamese


def test_vietnamese_pages_carry_no_redundant_marks(client, course_tree):
    html = client.get(course_tree.lessons[0].url).content.decode()
    main = BeautifulSoup(html, "html.parser").find("main")
    assert main.find_all(lang=True) == []  # <html lang="vi"> says it all
