"""A learner manages their own account and data, and nobody else's."""

import json

import pytest
from django.core import mail

from accounts.models import User
from accounts.services import DELETED_NAME
from courses.models import Enrollment, LessonCompletion
from courses.services import lesson_complete, quiz_attempt_submit
from tests.courses.test_quiz import ALL_RIGHT
from trainers.models import Profile

pytestmark = pytest.mark.django_db


def test_edit_profile(client, learner):
    client.force_login(learner)
    response = client.post(
        "/accounts/me/",
        {
            "account-full_name": "Nguyễn Thị Lan",
            "account-email": "learner@example.org",
            "account-phone": "+84 905 111 222",
            "account-preferred_language": "vi",
            "profile-gender": "female",
            "profile-birth_year": "2001",
            "profile-organisation": "Đoàn Thanh niên xã Duy Hòa",
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.phone is None  # a new number waits for its code (tests/accounts/test_phone_change.py)
    assert Profile.objects.get(user=learner).organisation == "Đoàn Thanh niên xã Duy Hòa"


def test_bad_profile_rerenders_and_keeps_input(client, learner):
    client.force_login(learner)
    response = client.post(
        "/accounts/me/",
        {"account-full_name": "Lan", "account-email": "", "account-phone": "12", "profile-organisation": "Hội LHPN"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hội LHPN" in html
    learner.refresh_from_db()
    assert learner.email == "learner@example.org"


def test_download_contains_own_data_only(client, course_tree, learner, other_learner):
    lesson_complete(user=learner, lesson=course_tree.lessons[0])
    lesson_complete(user=other_learner, lesson=course_tree.lessons[1])
    client.force_login(learner)
    response = client.get("/accounts/me/data/")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "learner@example.org"
    assert [c["lesson"] for c in data["lessons_completed"]] == [course_tree.lessons[0].title]
    assert "other@example.org" not in response.content.decode()


def test_delete_account_anonymises_and_keeps_records(client, course_tree, learner):
    Profile.objects.create(user=learner, gender="female", birth_year=2000, organisation="Trường THPT")
    lesson_complete(user=learner, lesson=course_tree.lessons[0])
    client.force_login(learner)
    client.post("/accounts/me/delete/", {"confirm": "yes"})
    learner.refresh_from_db()
    assert learner.full_name == DELETED_NAME and not learner.is_active
    assert "learner" not in learner.email and learner.phone is None
    profile = Profile.objects.get(user=learner)
    assert (profile.gender, profile.birth_year, profile.organisation) == ("female", 2000, "")
    assert LessonCompletion.objects.filter(enrollment__user=learner).count() == 1
    assert "_auth_user_id" not in client.session
    response = client.post("/accounts/login/", {"username": "learner@example.org", "password": "pass-word-123"})
    assert response.status_code == 200


def test_delete_needs_confirmation(client, learner):
    client.force_login(learner)
    client.post("/accounts/me/delete/", {})
    learner.refresh_from_db()
    assert learner.is_active


def test_password_reset_by_email(client, learner):
    response = client.post("/accounts/password-reset/", {"email": "LEARNER@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "/accounts/reset/" in mail.outbox[0].body
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    path = link.split("testserver", 1)[1]
    form_url = client.get(path, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "mat-khau-moi-2026", "new_password2": "mat-khau-moi-2026"})
    assert response.status_code == 302
    assert User.objects.get(pk=learner.pk).check_password("mat-khau-moi-2026")


def test_my_learning_shows_only_own_courses(client, course_tree, learner, other_learner):
    lesson_complete(user=other_learner, lesson=course_tree.lessons[0])
    client.force_login(learner)
    html = client.get("/my-learning/").content.decode()
    assert course_tree.course.title not in html
    lesson_complete(user=learner, lesson=course_tree.lessons[0])
    response = client.get("/my-learning/")
    (enrollment,) = response.context["in_progress"]
    # 1 of 6 steps (4 lessons and 2 quizzes), by the one progress rule in courses/progress.py.
    assert enrollment.user == learner and enrollment.progress_percent == 16


def test_resume_goes_to_the_step_after_where_the_learner_stopped(client, course_tree, learner):
    client.force_login(learner)
    resume = f"/courses/{course_tree.course.pk}/resume/"
    lesson_complete(user=learner, lesson=course_tree.lessons[2])
    # Marking a lesson done shows the next one: that is where the learner comes back.
    assert client.get(resume)["Location"] == course_tree.lessons[3].url
    lesson_complete(user=learner, lesson=course_tree.lessons[3])
    quiz_attempt_submit(user=learner, quiz=course_tree.quizzes[1], answers=ALL_RIGHT)
    # The rest of the course done, the lessons skipped at the start are next.
    assert client.get(resume)["Location"] == course_tree.lessons[0].url


def test_enrolling_twice_changes_nothing(client, course_tree, learner):
    client.force_login(learner)
    client.post(f"/courses/{course_tree.course.pk}/enroll/")
    client.post(f"/courses/{course_tree.course.pk}/enroll/")
    assert Enrollment.objects.filter(user=learner).count() == 1


def test_anonymous_is_sent_to_login(client, course_tree):
    response = client.get("/my-learning/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_deleting_an_account_removes_its_sign_in_records_and_the_invitations_to_it(client, learner, other_learner):
    from axes.models import AccessAttempt, AccessLog
    from django.test import Client

    from showcase.models import ProjectInvitation
    from showcase.services import project_team_update
    from tests.showcase.factories import ProjectFactory, add_member

    learner.phone = "+84905111222"
    learner.save()
    project = ProjectFactory(title="Nước mắm Cửa Đại")
    add_member(project, other_learner, lead=True)
    project_team_update(project=project, by=other_learner, invite=["learner@example.org", "+84905111222", "ai@x.org"])
    # A sign-in (logged), then mistyped passwords by e-mail and by phone (counted): axes keeps them under her name.
    other = Client()
    other.post("/accounts/login/", {"username": "other@example.org", "password": "sai-mat-khau"})
    client.post("/accounts/login/", {"username": "0905 111 222", "password": "pass-word-123"})
    for username in ("Learner@Example.org", "0905 111 222"):
        other.post("/accounts/login/", {"username": username, "password": "sai-mat-khau"})
    mine = ["learner@example.org", "+84905111222"]
    assert AccessAttempt.objects.get(username__in=mine).failures_since_start == 2
    assert AccessLog.objects.filter(username__in=mine).exists()

    data = json.loads(client.get("/accounts/me/data/").content)
    received = data["team_invitations_received"]
    assert sorted(i["address"] for i in received) == sorted(mine)

    client.post("/accounts/me/delete/", {"confirm": "yes"})
    for model in (AccessAttempt, AccessLog):
        assert not model.objects.filter(username__in=mine).exists(), model
    assert AccessAttempt.objects.filter(username="other@example.org").count() == 1  # someone else's stay
    assert list(ProjectInvitation.objects.values_list("address", flat=True)) == ["ai@x.org"]
