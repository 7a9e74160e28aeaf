import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.models import User
from areas.models import AdminScope, Area
from courses.models import CoursePage, LessonPage, QuizPage

pytestmark = pytest.mark.django_db


def _counts():
    return {model.__name__: model.objects.count() for model in apps.get_models()}


def test_load_demo_data_is_idempotent(capsys):
    call_command("load_demo_data")
    first = _counts()
    output = capsys.readouterr().out
    call_command("load_demo_data")
    assert _counts() == first
    assert "demo-2026-tot" in output and "province.admin@example.org" in output


def test_demo_content(client):
    call_command("load_demo_data")
    assert Area.objects.districts().filter(code__startswith="5").count() == 18
    assert AdminScope.objects.get(user__email="district.admin@example.org").area.name == "Duy Xuyên"
    emails = {"learner", "trainer", "editor", "district.admin", "province.admin"}
    assert set(User.objects.values_list("email", flat=True)) >= {f"{e}@example.org" for e in emails}
    tot = CoursePage.objects.get(is_tot=True)
    assert tot.get_children().count() >= 6
    assert LessonPage.objects.descendant_of(tot).count() >= 20
    assert QuizPage.objects.descendant_of(tot).count() >= 6
    assert CoursePage.objects.filter(audiences__code="students").exists()
    assert CoursePage.objects.filter(audiences__code="women").exists()
    response = client.post("/admin/login/", {"username": "province.admin@example.org", "password": "demo-2026-tot"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
