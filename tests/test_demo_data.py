import datetime

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from courses.models import CoursePage, LessonPage, QuizPage
from trainers.models import HEADLINE_YEARS, AdminScope, Area, Certificate, Target, Trainer, TrainingSession
from trainers.reports import ReportFilters, certified_trainers_by_month, expiring_certificates

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


def test_demo_history_and_targets_give_every_report_something_true():
    call_command("load_demo_data")
    today = timezone.localdate()
    districts_2025 = (
        Area.objects.districts().filter(code__startswith="5").exclude(valid_to__lt=datetime.date(2025, 1, 1))
    )
    assert districts_2025.count() == 17  # Nông Sơn joined Quế Sơn at the end of 2024
    for year in HEADLINE_YEARS:
        assert set(Target.objects.filter(year=year).values_list("area", flat=True)) >= set(
            districts_2025.values_list("pk", flat=True)
        )
    # Growth: more certified trainers each year-end, sessions every year since 2021 in several districts.
    year_ends = [datetime.date(y, 12, 31) for y in range(2021, 2026)] + [today]
    certified = [Trainer.objects.certified(on=day).count() for day in year_ends]
    assert certified == sorted(certified) and certified[0] >= 2 and certified[-1] > certified[0] + 10
    for year in range(2021, 2027):
        sessions = TrainingSession.objects.filter(starts_on__year=year)
        assert sessions.values("area").distinct().count() >= 4, year
    # Some certificates lapsed, some expire within the expiry window.
    assert Certificate.objects.filter(kind=Certificate.TRAINER, expires_on__lt=today).exists()
    province = User.objects.get(email="province.admin@example.org")
    assert expiring_certificates(ReportFilters(), province).rows
    monthly = certified_trainers_by_month(ReportFilters(date_from=datetime.date(2021, 1, 1)), province)
    assert len([d for d in monthly.chart["datasets"] if any(d["data"])]) >= 8  # total and several districts
    # The Duy Hòa class the import demo sheet targets is unchanged.
    duy_hoa = TrainingSession.objects.get(title="Tập huấn khởi nghiệp cho đoàn viên thanh niên xã Duy Hòa")
    assert duy_hoa.participants.count() == 6
