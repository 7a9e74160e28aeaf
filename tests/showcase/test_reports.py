import pytest
from django.core.exceptions import ValidationError

from showcase.models import StartupProject
from showcase.reports import event_reach, event_reach_totals, project_breakdown, projects_by_district, public_counts
from showcase.services import project_review, registration_check_in, registration_create
from tests.trainers.factories import district_admin

from .factories import AwardFactory, ProjectFactory, add_member, commune, district, make_event, person

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

    with django_assert_max_num_queries(4):
        figures = project_breakdown()
    assert (figures["total"], figures["published"], figures["women_led"], figures["student_led"]) == (3, 2, 1, 1)
    assert {row["area"]: row["count"] for row in figures["by_area"]} == {"Duy Xuyên": 1, "Hội An": 2}
    assert {row["origin"]: row["count"] for row in figures["by_origin"]} == {"ocop": 1, "student": 1, "research": 1}
    assert projects_by_district() == {duy_xuyen.pk: 1, hoi_an.pk: 2}

    admin = district_admin(duy_xuyen)
    assert project_breakdown(user=admin)["total"] == 1
    assert project_breakdown(published_only=True)["total"] == 2


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
