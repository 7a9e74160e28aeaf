"""A learner reaches only their own records, whatever id they put in a URL or a form; markup stays inert;
downloading and deleting an account reach every app that holds personal data."""

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
            "consent-learning_records": "on",
        },
    )
    assert User.objects.filter(full_name=XSS_NAME).exists()  # stored as typed…
    client.post("/accounts/login/", {"username": "0905 777 888", "password": "hoc-khoi-nghiep-2026"})
    html = client.get("/accounts/me/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html  # …and shown as text


# --- Every app's personal data: download and deletion ---------------------------------------------


def _project_apps() -> set[str]:
    """Our own apps (not a library's), found by where they live: a new app is checked without editing this test."""
    from pathlib import Path

    from django.apps import apps
    from django.conf import settings

    root = Path(settings.BASE_DIR).resolve()
    return {
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(root) and ".venv" not in Path(config.path).parts
    }


def _relations_to_a_person() -> set[str]:
    from django.apps import apps
    from django.contrib.auth import get_user_model

    person = get_user_model()
    project_apps = _project_apps()
    return {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in project_apps
        for field in model._meta.get_fields(include_parents=False)
        if field.is_relation and not field.auto_created and field.related_model is person
    }


def test_every_relation_to_a_person_is_covered_by_a_registered_app():
    from accounts.personal_data import sources

    covered = {entry for source in sources() for entry in source.covers}
    relations = _relations_to_a_person()
    assert relations, "the check found no relation at all: it is looking in the wrong place"
    assert relations - covered == set(), "list these in the app's personal_data.py COVERS (accounts.personal_data)"
    assert covered - relations == set(), "registered relations that no longer exist"
    assert {source.app_label for source in sources()} >= {"areas", "courses", "trainers", "showcase"}


@pytest.fixture
def trainer_with_everything(course_tree, home):
    """A certified trainer with a profile, bio, photo, stored certificate PDF, event place and project."""
    from django.core.files.base import ContentFile
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from showcase.services import registration_create
    from tests.showcase.factories import ProjectFactory, add_member, make_event
    from tests.trainers.factories import ParticipantFactory, TrainerFactory, TrainingSessionFactory, areas
    from trainers.models import Certificate, Trainer

    tree = areas()
    person = User.objects.create_user(email="gv.lan@example.org", password="pass-word-123", full_name="Trần Thị Lan")
    Profile.objects.create(user=person, gender="female", birth_year=1990, organisation="Tỉnh đoàn", area=tree["Hội An"])
    photo = get_image_model().objects.create(title="Ảnh Trần Thị Lan", file=get_test_image_file())
    trainer = TrainerFactory(
        person=person, home_area=tree["Hội An"], level=Trainer.CORE, bio="Chuyên gia khởi nghiệp Hội An", photo=photo
    )
    certificate = certification_issue(
        person=person, kind=Certificate.TRAINER, trainer_level=Trainer.CORE, area=tree["Hội An"]
    )
    certificate.pdf.save(f"{certificate.number}.pdf", ContentFile(b"%PDF- Tran Thi Lan"), save=False)
    certificate.pdf_rendered_at = timezone.now()
    certificate.save()
    ParticipantFactory(session=TrainingSessionFactory(title="Lớp ToT Hội An", area=tree["Hội An"]), person=person)
    lesson_complete(user=person, lesson=course_tree.lessons[0])
    registration_create(
        event=make_event(home, capacity=5), full_name="Trần Thị Lan", phone="0905111222", language="vi", person=person
    )
    project = ProjectFactory(title="Trà thảo mộc Hội An")
    add_member(project, person, lead=True)
    return {"person": person, "trainer": trainer, "certificate": certificate, "photo": photo, "project": project}


def test_download_covers_every_app(client, trainer_with_everything, course_tree):
    import json

    client.force_login(trainer_with_everything["person"])
    data = json.loads(client.get("/accounts/me/data/").content)
    assert data["account"]["full_name"] == "Trần Thị Lan"
    assert data["profile"]["organisation"] == "Tỉnh đoàn"
    assert data["trainer"]["bio"] == "Chuyên gia khởi nghiệp Hội An"
    assert [s["session"] for s in data["training_sessions"]][0].startswith("Lớp ToT Hội An")
    assert [c["number"] for c in data["certificates"]] == [trainer_with_everything["certificate"].number]
    assert [e["course"] for e in data["enrollments"]] == [course_tree.course.title]
    assert len(data["event_registrations"]) == 1
    assert data["startup_projects"] == [
        {"project": "Trà thảo mộc Hội An", "status": "published", "team_lead": True, "role": ""}
    ]


def test_deleting_a_trainers_account_removes_them_from_every_app(
    client, trainer_with_everything, django_capture_on_commit_callbacks
):
    from wagtail.images import get_image_model

    from accounts.services import DELETED_NAME
    from showcase.models import ProjectMember, Registration
    from trainers.models import Certificate, Trainer

    person, trainer, certificate = (trainer_with_everything[k] for k in ("person", "trainer", "certificate"))
    pdf_name = certificate.pdf.name
    assert Certificate._meta.get_field("pdf").storage.exists(pdf_name)
    assert "Trần Thị Lan" in client.get(f"/trainers/{trainer.pk}/").content.decode()

    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/me/delete/", {"confirm": "yes"})

    # The public profile is gone, and so are the bio and the photo.
    assert client.get(f"/trainers/{trainer.pk}/").status_code == 404
    assert "Trần Thị Lan" not in client.get("/trainers/").content.decode()
    trainer = Trainer.objects.get(pk=trainer.pk)
    assert (trainer.bio, trainer.photo_id) == ("", None)
    assert not get_image_model().objects.filter(pk=trainer_with_everything["photo"].pk).exists()
    # The stored PDF that printed the name is deleted; the number still verifies, without the name.
    assert not Certificate._meta.get_field("pdf").storage.exists(pdf_name)
    certificate.refresh_from_db()
    assert certificate.holder_name == DELETED_NAME and not certificate.pdf and certificate.status == "valid"
    verify = client.get(f"/verify/{certificate.code}/").content.decode()
    assert certificate.number in verify and "Trần Thị Lan" not in verify
    # Off every team; event places kept for the counts, without name or phone.
    assert not ProjectMember.objects.filter(person=person).exists()
    assert not Registration.objects.filter(person=person).exclude(full_name="—").exists()
    assert not Registration.objects.filter(person=person, phone__isnull=False).exists()
    assert Certificate.objects.filter(person=person).count() == 1
