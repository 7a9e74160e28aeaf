import pytest
from django.core.exceptions import ValidationError

from reports.figures import event_reach, event_reach_totals, project_breakdown, projects_by_district, public_counts
from showcase.models import StartupProject
from showcase.services import project_review, registration_check_in, registration_create
from tests.showcase.factories import AwardFactory, ProjectFactory, add_member, commune, district, make_event, person
from tests.trainers.factories import district_admin

pytestmark = pytest.mark.django_db


def test_project_figures_by_area_stage_origin_and_leadership(django_assert_max_num_queries):
    duy_xuyen, hoi_an = district("Duy Xuyên"), district("Hội An")
    women = ProjectFactory(
        area=duy_xuyen, origin="ocop", ocop_stars=3, commune=commune("Duy Trinh", duy_xuyen, "20617")
    )
    add_member(women, person(gender="female"), lead=True)
    students = ProjectFactory(area=hoi_an, origin="student", stage="idea", status=StartupProject.SUBMITTED)
    add_member(students, person(gender="male", groups=("students",)), lead=True)
    ProjectFactory(area=hoi_an, origin="research")

    with django_assert_max_num_queries(1):  # one grouped query: the totals are sums of its groups
        figures = project_breakdown()
    assert (figures["total"], figures["published"], figures["women_led"], figures["student_led"]) == (3, 2, 1, 1)
    assert {row["area"]: row["count"] for row in figures["by_area"]} == {"Duy Xuyên": 1, "Hội An": 2}
    assert {row["origin"]: row["count"] for row in figures["by_origin"]} == {"ocop": 1, "student": 1, "research": 1}
    assert projects_by_district() == {duy_xuyen.pk: 1, hoi_an.pk: 1}  # the submitted one is not counted yet

    admin = district_admin(duy_xuyen)
    assert project_breakdown(user=admin)["total"] == 1
    assert project_breakdown(published_only=True)["total"] == 2


def test_projects_per_district_agree_with_the_targets_report():
    """One figure, two screens: the showcase's count and the targets report's "startup projects" row."""
    import datetime

    from django.utils import timezone

    from reports.figures import ReportFilters, progress_against_targets
    from reports.models import HEADLINE_YEARS, Target
    from tests.trainers.factories import province_admin

    duy_xuyen, hoi_an = district("Duy Xuyên"), district("Hội An")

    def at(day: datetime.date):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))

    ProjectFactory(area=duy_xuyen, published_at=at(datetime.date(2025, 3, 1)))
    ProjectFactory(area=duy_xuyen, published_at=at(datetime.date(2026, 1, 5)))  # after the day asked about
    ProjectFactory(area=duy_xuyen, status=StartupProject.DRAFT, published_at=None)
    ProjectFactory(area=duy_xuyen, status=StartupProject.SUBMITTED, published_at=None)
    ProjectFactory(area=hoi_an, published_at=at(datetime.date(2024, 12, 31)))
    for area in (duy_xuyen, hoi_an):
        for year in HEADLINE_YEARS:
            Target.objects.create(status=Target.APPROVED, area=area, year=year, startup_projects=5)

    as_of = datetime.date(2025, 12, 31)
    showcase_figure = projects_by_district(until=as_of)
    report = progress_against_targets(ReportFilters(date_to=as_of), province_admin(duy_xuyen.parent))
    label = str(dict(Target.INDICATORS)["startup_projects"])
    report_figure = {row[0]: row[2] for row in report.rows if row[1] == label}
    assert showcase_figure == {duy_xuyen.pk: 1, hoi_an.pk: 1}
    assert report_figure == {"Duy Xuyên": showcase_figure[duy_xuyen.pk], "Hội An": showcase_figure[hoi_an.pk]}


def test_event_reach_counts_registrations_and_check_ins(home):
    event = make_event(home, capacity=2)
    woman = person(gender="female", email="woman@example.org")
    mine = registration_create(event=event, person=woman)[0]
    registration_create(event=event, full_name="Khách", phone="0905 000 001")
    registration_create(event=event, full_name="Khách 2", phone="0905 000 002")  # waiting
    registration_check_in(code=mine.code, by=None)

    row = next(r for r in event_reach() if r["pk"] == event.pk)
    assert (row["confirmed"], row["waiting"], row["checked_in"], row["checked_in_women"]) == (2, 1, 1, 1)
    assert event_reach_totals() == {
        "registrations": 3,
        "checked_in": 1,
        "checked_in_women": 1,
        "checked_in_with_account": 1,
    }
    assert event_reach(user=district_admin(district("Hội An"))) == []


def test_public_counts(home):
    ProjectFactory()
    AwardFactory(project=ProjectFactory(status=StartupProject.DRAFT))
    make_event(home, days_ahead=-5)
    make_event(home, days_ahead=5)
    assert public_counts() == {"projects_published": 1, "events_held": 1, "awards": 0}


def test_the_review_service_refuses_another_district():
    admin = district_admin(district("Duy Xuyên"))
    theirs = ProjectFactory(area=district("Hội An"), status=StartupProject.SUBMITTED)
    with pytest.raises(ValidationError):
        project_review(project=theirs, by=admin, publish=True)
    theirs.refresh_from_db()
    assert theirs.status == StartupProject.SUBMITTED


def test_the_dashboard_shows_startup_projects_the_pipeline_and_event_reach(client, home):
    """The showcase's figures on the dashboard, scoped like every report, with the same numbers in the export."""
    import csv
    import io

    from django.urls import reverse

    from tests.trainers.factories import province_admin

    duy_xuyen, hoi_an = district("Duy Xuyên"), district("Hội An")
    ProjectFactory(area=duy_xuyen)
    ProjectFactory(area=duy_xuyen, origin="ocop", ocop_stars=3)
    ProjectFactory(area=hoi_an)
    ProjectFactory(area=duy_xuyen, status=StartupProject.SUBMITTED, published_at=None)  # not counted yet
    event = make_event(home, area=duy_xuyen)
    registration_create(event=event, full_name="Khách", phone="0905 000 001")

    def sections(user):
        client.force_login(user)
        response = client.get("/admin/reports/")
        assert response.status_code == 200
        return {s["report"].key: s["report"] for s in response.context["sections"]}

    province = sections(province_admin(duy_xuyen.parent, email="p@example.org"))
    assert dict(map(tuple, province["projects"].rows)) == {"Duy Xuyên": 2, "Hội An": 1}
    totals = [r[2] for r in province["pipeline"].rows[-4:]]  # all, published, women-led, student-led
    assert totals[:2] == [4, 3]
    (row,) = province["events"].rows
    assert (row[0], row[3], row[5], row[8]) == (event.title, "Duy Xuyên", 1, 0)  # title, area, confirmed, checked in
    text = client.get(reverse("trainers_reports:export", args=["projects", "csv"])).content.decode("utf-8-sig")
    assert ["Duy Xuyên", "2"] in list(csv.reader(io.StringIO(text)))

    mine = sections(district_admin(hoi_an, email="hoian@example.org"))
    assert mine["projects"].rows == [["Hội An", 1]]
    assert mine["pipeline"].rows[-4][2] == 1
    assert mine["events"].rows == []
