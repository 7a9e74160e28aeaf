"""A learner reaches only their own records, whatever id they put in a URL or a form; markup stays inert."""

import pytest
from django.utils import timezone

from accounts.models import User
from courses.models import Enrollment, LessonCompletion, QuizAttempt
from courses.services import lesson_complete, quiz_attempt_submit
from trainers.models import Profile
from trainers.services import certification_issue

pytestmark = pytest.mark.django_db

XSS_NAME = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_resume_with_another_learners_course_id_is_not_found(client, course_tree, learner, other_learner):
    lesson_complete(user=other_learner, lesson=course_tree.lessons[2])
    client.force_login(learner)
    assert client.get(f"/courses/{course_tree.course.pk}/resume/").status_code == 404


def test_completing_a_lesson_only_ever_touches_ones_own_record(client, course_tree, learner, other_learner):
    lesson_complete(user=other_learner, lesson=course_tree.lessons[0])
    client.force_login(learner)
    client.post(f"/lessons/{course_tree.lessons[1].pk}/complete/", {"user": other_learner.pk, "enrollment": 1})
    theirs = LessonCompletion.objects.filter(enrollment__user=other_learner)
    assert list(theirs.values_list("lesson_id", flat=True)) == [course_tree.lessons[0].pk]
    assert LessonCompletion.objects.filter(enrollment__user=learner, lesson=course_tree.lessons[1]).exists()


def test_quiz_answers_never_land_on_another_learner(client, course_tree, learner, other_learner):
    quiz = course_tree.quizzes[0]
    quiz_attempt_submit(user=other_learner, quiz=quiz, answers={})
    client.force_login(learner)
    client.post(quiz.url, {"q-q-single": ["s-right"], "user": other_learner.pk})
    assert QuizAttempt.objects.filter(enrollment__user=other_learner).count() == 1
    assert QuizAttempt.objects.filter(enrollment__user=learner).count() == 1
    listed = client.get(quiz.url).context["attempts"]
    assert [attempt.enrollment.user_id for attempt in listed] == [learner.pk]


def test_account_pages_show_only_the_signed_in_person(client, learner, other_learner):
    Profile.objects.create(user=other_learner, organisation="Hội Nông dân Đại Lộc")
    client.force_login(learner)
    html = client.get("/accounts/me/", {"user": other_learner.pk, "pk": other_learner.pk}).content.decode()
    assert "other@example.org" not in html and "Hội Nông dân Đại Lộc" not in html
    client.post(
        "/accounts/me/",
        {"account-full_name": "Đổi tên", "account-email": "learner@example.org", "pk": other_learner.pk},
    )
    other_learner.refresh_from_db()
    assert other_learner.full_name == "other"


@pytest.mark.parametrize(
    ("birth_year", "accepted"), [(timezone.localdate().year + 1, False), (1800, False), (2001, True)]
)
def test_future_or_absurd_birth_year_is_refused_and_input_kept(client, learner, birth_year, accepted):
    client.force_login(learner)
    response = client.post(
        "/accounts/me/",
        {
            "account-full_name": "Nguyễn Thị Lan",
            "account-email": "learner@example.org",
            "account-preferred_language": "vi",
            "profile-birth_year": str(birth_year),
            "profile-organisation": "Trường Cao đẳng Quảng Nam",
        },
    )
    if accepted:
        assert response.status_code == 302
    else:
        html = response.content.decode()
        assert response.status_code == 200 and "Nhập năm sinh" in html
        assert "Trường Cao đẳng Quảng Nam" in html
        assert not Profile.objects.filter(user=learner, birth_year=birth_year).exists()


def test_markup_in_a_name_is_inert_everywhere_it_is_shown(client, course_tree, learner, superuser):
    learner.full_name = XSS_NAME
    learner.save()
    Profile.objects.create(user=learner, organisation=XSS_NAME)
    enrollment = lesson_complete(user=learner, lesson=course_tree.lessons[0])
    certificate = certification_issue(person=learner, kind="course", course=course_tree.course)
    assert Enrollment.objects.filter(pk=enrollment.pk).exists()

    client.force_login(learner)
    pages = ["/accounts/me/", "/my-learning/", f"/verify/{certificate.code}/"]
    client.force_login(superuser)
    pages_admin = ["/admin/users/", f"/admin/users/edit/{learner.pk}/", "/admin/users/?q=script"]
    for who, urls in ((learner, pages), (superuser, pages_admin)):
        client.force_login(who)
        for url in urls:
            html = client.get(url).content.decode()
            assert '<script>alert("x")</script>' not in html, url
            assert "<img src=x onerror" not in html, url
    client.force_login(learner)
    assert "&lt;script&gt;" in client.get("/accounts/me/").content.decode()


def test_markup_in_a_registration_is_inert(client):
    client.post(
        "/accounts/register/",
        {
            "account-full_name": XSS_NAME,
            "account-phone": "0905 777 888",
            "account-password1": "hoc-khoi-nghiep-2026",
            "account-password2": "hoc-khoi-nghiep-2026",
        },
    )
    assert User.objects.filter(full_name=XSS_NAME).exists()  # stored as typed…
    html = client.get("/accounts/me/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html  # …and shown as text
