"""Certification activity: who counts as active in the 12 months up to a day (`TrainerQuerySet.certification_active`),
and the cascade report showing it alike on screen and in its export."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from trainers.models import Certificate, Trainer
from trainers.models.people import months_before

from .factories import TrainerFactory, TrainingSessionFactory, areas, province_admin

pytestmark = pytest.mark.django_db
D = datetime.date
ON = D(2026, 6, 30)  # the window is 1 July 2025 – 30 June 2026


def certificate(holder, issued_on, trained_by=None, status=Certificate.VALID):
    return Certificate.objects.create(
        kind=Certificate.TRAINER,
        number=f"T-{Certificate.objects.count() + 1:05d}",
        person=holder.person,
        holder_name=holder.person.full_name,
        trainer_level=Trainer.CORE,
        trained_by=trained_by,
        issued_on=issued_on,
        expires_on=issued_on.replace(year=issued_on.year + 3),
        status=status,
        revoked_reason="Cấp nhầm" if status == Certificate.REVOKED else "",
    )


def led(trainer, starts_on):
    session = TrainingSessionFactory(area=trainer.home_area, starts_on=starts_on, ends_on=starts_on)
    session.trainers.add(trainer)


@pytest.fixture
def trainers():
    home = areas()["Duy Xuyên"]
    made = {name: TrainerFactory(home_area=home, person__full_name=name) for name in NAMES}
    led(made["led lately"], D(2025, 7, 1))
    led(made["led long ago"], D(2025, 6, 30))
    led(made["leads next year"], D(2026, 7, 1))
    certificate(made["renewed"], D(2026, 1, 5))
    certificate(made["certified long ago"], D(2024, 1, 5))
    certificate(made["revoked but issued"], D(2026, 2, 1), status=Certificate.REVOKED)
    trainee = TrainerFactory(home_area=home, trained_by=made["trainee certified"], person__full_name="trainee")
    certificate(trainee, D(2026, 3, 1), trained_by=made["trainee certified"])
    return made


NAMES = [
    "led lately",
    "led long ago",
    "leads next year",
    "renewed",
    "certified long ago",
    "revoked but issued",
    "trainee certified",
    "did nothing",
]
ACTIVE = {"led lately", "renewed", "revoked but issued", "trainee certified", "trainee"}


def test_active_means_a_session_led_or_a_certificate_issued_in_the_twelve_months(trainers):
    active = set(Trainer.objects.certification_active(ON).values_list("person__full_name", flat=True))
    inactive = set(Trainer.objects.certification_inactive(ON).values_list("person__full_name", flat=True))
    assert active == ACTIVE
    assert inactive == set(NAMES) - ACTIVE
    annotated = dict(Trainer.objects.with_certification_activity(ON).values_list("person__full_name", "is_active"))
    assert {name for name, is_active in annotated.items() if is_active} == ACTIVE


def test_twelve_months_back_keeps_the_day_or_the_months_last_day():
    assert months_before(D(2026, 6, 30), 12) == D(2025, 6, 30)
    assert months_before(D(2024, 2, 29), 12) == D(2023, 2, 28)
    assert months_before(D(2026, 3, 31), 1) == D(2026, 2, 28)
    assert months_before(D(2026, 1, 15), 13) == D(2024, 12, 15)


def test_the_cascade_report_shows_the_same_activity_on_screen_and_in_its_export(client, trainers):
    client.force_login(province_admin(areas()["province"]))
    query = {"date_to": ON.isoformat()}
    page = client.get("/admin/reports/", query)
    assert page.status_code == 200
    screen = next(s["report"] for s in page.context["sections"] if s["report"].key == "cascade")
    assert screen.headings[-1] == "Hoạt động đào tạo, chứng nhận trong 12 tháng đến 30/06/2026"
    on_screen = {row[0]: str(row[-1]) for row in screen.rows}
    assert on_screen == {name: "Hoạt động" if name in ACTIVE else "Không hoạt động" for name in [*NAMES, "trainee"]}
    html = page.content.decode()
    assert '<td class="status status--grey">Không hoạt động</td>' in html
    assert '<td class="status status--green">Hoạt động</td>' in html

    export = client.get(reverse("trainers_reports:export", args=["cascade", "csv"]), query)
    lines = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    heading_at = lines.index([str(h) for h in screen.headings])
    assert {line[0]: line[-1] for line in lines[heading_at + 1 :]} == on_screen
