"""The demo learner walks every shipped demo course to a verified certificate, over HTTP only.

Quizzes are answered the way a person does: by reading the rendered page and ticking the
choices whose visible text is right. The stored content is used only to know which texts
are right, never to build the submitted values.
"""

import re

import pytest
from bs4 import BeautifulSoup

from courses.models import CoursePage, Enrollment, LessonPage, QuizPage

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "demo-2026-tot"


def _soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _text(node) -> str:
    return _squash(node.get_text(" "))


def _right_texts(quiz: QuizPage) -> dict[str, set[str]]:
    """Question text → the texts of its correct choices, from the stored content."""
    return {
        _squash(block.value["text"]): {
            _squash(choice["text"]) for choice in block.value["choices"] if choice["correct"]
        }
        for block in quiz.questions
    }


def _answer_by_visible_text(soup: BeautifulSoup, quiz: QuizPage) -> dict[str, list[str]]:
    """Fill the quiz form on the page, picking choices by their label text."""
    right = _right_texts(quiz)
    form = soup.find("form", attrs={"method": "post"}, action=lambda a: not a)
    assert form is not None, "the quiz page shows no answer form"
    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    data: dict[str, list[str]] = {"csrfmiddlewaretoken": [token]}
    fieldsets = form.find_all("fieldset")
    assert len(fieldsets) == len(right)
    for fieldset in fieldsets:
        legend = fieldset.find("legend")
        # The legend reads "1. <question> (choose all that apply)"; find the question it shows.
        shown = _text(legend)
        question = next(q for q in right if q in shown)
        ticked = 0
        for label in fieldset.find_all("label"):
            box = label.find("input")
            if _text(label) in right[question]:
                data.setdefault(box["name"], []).append(box["value"])
                ticked += 1
        assert ticked == len(right[question]), f"right answers not all visible for {question!r}"
    return data


def _walk_course(client, course: CoursePage) -> tuple[set[int], set[int]]:
    """Enrol from the course page, then follow the learner's buttons and links to the end."""
    soup = _soup(client.get(course.url))
    enrol = soup.find("form", action=re.compile(r"/courses/\d+/enroll/$"))
    response = client.post(enrol["action"], follow=True)
    seen_lessons, passed_quizzes = set(), set()
    for _step in range(200):
        page = response.wsgi_request.path
        soup = _soup(response)
        lesson = LessonPage.objects.filter(url_path__endswith=_tail(page)).first()
        quiz = QuizPage.objects.filter(url_path__endswith=_tail(page)).first()
        if lesson:
            seen_lessons.add(lesson.pk)
            complete = soup.find("form", action=re.compile(r"/lessons/\d+/complete/$"))
            if complete is None:  # already done: move on
                nxt = soup.find("a", rel="next")
                if nxt is None:
                    break
                response = client.get(nxt["href"], follow=True)
                continue
            response = client.post(complete["action"], follow=True)
        elif quiz:
            answers = _answer_by_visible_text(soup, quiz)
            result = _soup(client.post(page, answers))
            status = _text(result.find(attrs={"role": "status"}))
            assert "100%" in status, f"{quiz.title}: {status}"
            passed_quizzes.add(quiz.pk)
            nxt = result.find("a", rel="next")
            if nxt is None:
                break
            response = client.get(nxt["href"], follow=True)
        else:
            break  # My learning, once the course is complete
    return seen_lessons, passed_quizzes


def _tail(path: str) -> str:
    """A served path without the site root: what a page's url_path ends with."""
    return "/" + "/".join(path.strip("/").split("/")[-3:]) + "/"


def test_demo_learner_completes_every_demo_course(shared_demo, client, django_capture_on_commit_callbacks):
    courses = list(CoursePage.objects.live().order_by("path"))
    assert len(courses) >= 3
    for quiz in QuizPage.objects.all():  # the loader stores every answer choice with its id
        assert all(c.get("id") for q in quiz.questions.raw_data for c in q["value"]["choices"])
    tot = CoursePage.objects.get(is_tot=True)
    assert {q.max_attempts for q in QuizPage.objects.descendant_of(tot)} == {3}  # certification quizzes
    response = client.post(
        "/accounts/login/", {"username": "learner@example.org", "password": DEMO_PASSWORD}, follow=True
    )
    assert response.wsgi_request.user.is_authenticated

    for course in courses:
        with django_capture_on_commit_callbacks(execute=True):
            seen, passed = _walk_course(client, course)
        assert seen == set(course.lessons().values_list("pk", flat=True)), course.title
        assert passed == set(course.quizzes().values_list("pk", flat=True)), course.title
        assert Enrollment.objects.get(user__email="learner@example.org", course=course).completed_at

    my_learning = _soup(client.get("/my-learning/"))
    links = [a["href"] for a in my_learning.find_all("a", href=re.compile(r"/verify/[^/]+/$"))]
    assert len(links) == len(courses)
    for href in links:
        verified = _soup(client.get(href))
        assert "Chứng nhận này còn hiệu lực" in _text(verified.find(attrs={"role": "status"}))
    # The demo made the province's signing key: each certificate downloads as an Open Badges credential too.
    credentials = [a["href"] for a in my_learning.find_all("a", href=re.compile(r"/credential/$"))]
    assert len(credentials) == len(courses)
    for href in credentials:
        response = client.get(href)
        assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
