"""District scoping from the outside: a Duy Xuyên administrator never reaches another district's records."""

import datetime

import pytest
from django.urls import reverse

from areas.models import Area
from lms import roles
from lms.roles import role_group
from trainers.models import Certificate, Trainer
from trainers.services import certification_issue
from training.models import TrainingSession

from .factories import (
    ParticipantFactory,
    TrainerFactory,
    TrainingSessionFactory,
    UserFactory,
    areas,
    district_admin,
    province_admin,
)

pytestmark = pytest.mark.django_db
OBJECT_VIEWS = ["edit", "delete", "inspect", "history", "usage"]


def refused(response) -> bool:
    """Not found, forbidden, or Wagtail's answer to a missing permission: back to the dashboard."""
    return response.status_code in (403, 404) or (response.status_code == 302 and response.url == "/admin/")


@pytest.fixture
def world():
    tree = areas()
    duy_hoa = tree["Duy Xuyên"].children.get(name="Duy Hòa")
    ours = TrainerFactory(person=UserFactory(full_name="Ngô Thị Hòa"), home_area=duy_hoa)
    theirs = TrainerFactory(person=UserFactory(full_name="Hà Bảo Ngọc"), home_area=tree["Tam Kỳ"])
    return {
        "tree": tree,
        "admin": district_admin(tree["Duy Xuyên"]),
        "trainer": ours,
        "other_trainer": theirs,
        "session": TrainingSessionFactory(title="Lớp Duy Hòa", area=duy_hoa),
        "other_session": TrainingSessionFactory(title="Lớp Tam Kỳ", area=tree["Tam Kỳ"]),
        "certificate": certification_issue(
            person=ours.person, kind=Certificate.TRAINER, trainer_level=Trainer.CORE, area=duy_hoa
        ),
        "other_certificate": certification_issue(
            person=theirs.person, kind=Certificate.TRAINER, trainer_level=Trainer.CORE, area=tree["Tam Kỳ"]
        ),
    }


@pytest.mark.parametrize("namespace,key", [("trainer", "other_trainer"), ("training_session", "other_session")])
@pytest.mark.parametrize("view", OBJECT_VIEWS)
def test_another_districts_object_urls_are_refused(client, world, namespace, key, view):
    client.force_login(world["admin"])
    url = reverse(f"{namespace}:{view}", args=[world[key].pk])
    assert refused(client.get(url))
    assert refused(client.post(url, {"title": "Đã sửa", "level": "master"}))
    world[key].refresh_from_db()  # still there, unchanged


@pytest.mark.parametrize("namespace,key", [("trainer", "trainer"), ("training_session", "session")])
@pytest.mark.parametrize("view", ["edit", "inspect", "history", "delete"])
def test_own_districts_object_urls_open(client, world, namespace, key, view):
    client.force_login(world["admin"])
    assert client.get(reverse(f"{namespace}:{view}", args=[world[key].pk])).status_code == 200


def test_listings_and_exports_show_only_the_district(client, world):
    client.force_login(world["admin"])
    for namespace, ours, theirs in [
        ("trainer", "Ngô Thị Hòa", "Hà Bảo Ngọc"),
        ("training_session", "Lớp Duy Hòa", "Lớp Tam Kỳ"),
        ("certificate", world["certificate"].number, world["other_certificate"].number),
    ]:
        listing = client.get(reverse(f"{namespace}:index")).content.decode()
        assert ours in listing and theirs not in listing, namespace
        export = client.get(reverse(f"{namespace}:index") + "?export=csv")
        body = b"".join(export.streaming_content).decode("utf-8-sig") if export.streaming else export.content.decode()
        assert ours in body and theirs not in body, namespace


def test_certificates_of_another_district_cannot_be_inspected_or_revoked(client, world):
    client.force_login(world["admin"])
    other = world["other_certificate"]
    assert client.get(reverse("certificate:inspect", args=[other.pk])).status_code == 404
    assert client.post(reverse("certificate:revoke", args=[other.pk]), {"reason": "x"}).status_code == 404
    assert refused(client.get(reverse("certificate:edit", args=[other.pk])))
    assert refused(client.post(reverse("certificate:delete", args=[other.pk])))
    other.refresh_from_db()
    assert other.status == Certificate.VALID


def test_revoking_a_certificate_of_the_district(client, world):
    client.force_login(world["admin"])
    ours = world["certificate"]
    assert client.get(reverse("certificate:inspect", args=[ours.pk])).status_code == 200
    # Certificates are never edited or deleted by hand, even within the district.
    assert refused(client.get(reverse("certificate:edit", args=[ours.pk])))
    response = client.post(reverse("certificate:revoke", args=[ours.pk]), {"reason": "Trùng lặp hồ sơ"})
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.status == Certificate.REVOKED and ours.revoked_reason == "Trùng lặp hồ sơ"


def test_new_sessions_only_in_the_district(client, world):
    client.force_login(world["admin"])
    data = {"title": "Lớp mới", "starts_on": "2024-10-01", "ends_on": "2024-10-02", "mode": "in_person", "venue": ""}
    response = client.post(reverse("training_session:add"), {**data, "area": world["tree"]["Tam Kỳ"].pk})
    assert response.status_code == 200  # the form comes back with an error
    assert not TrainingSession.objects.filter(title="Lớp mới").exists()
    form = response.context["form"]
    duy_xuyen = world["tree"]["Duy Xuyên"]
    todays_units = set(Area.objects.filter(predecessors__parent=duy_xuyen, valid_from=datetime.date(2025, 7, 1)))
    assert len(todays_units) == 4  # Xã Thu Bồn, Xã Duy Xuyên, Xã Nam Phước, Xã Duy Nghĩa
    # Since 2025 new sessions are filed under today's communes, which the district's scope covers.
    assert set(form.fields["area"].queryset) == set(duy_xuyen.children.all()) | {duy_xuyen} | todays_units
    response = client.post(reverse("training_session:add"), {**data, "area": world["tree"]["Duy Xuyên"].pk})
    assert response.status_code == 302
    assert TrainingSession.objects.get(title="Lớp mới").created_by == world["admin"]


def test_results_of_another_districts_session_are_refused(client, world):
    client.force_login(world["admin"])
    place = ParticipantFactory(session=world["other_session"])
    assert client.get(reverse("training_session:results", args=[world["other_session"].pk])).status_code == 404
    ours = ParticipantFactory(session=world["session"])
    url = reverse("training_session:results", args=[world["session"].pk])
    assert client.get(url).status_code == 200
    # A participant of another session smuggled into the formset is not touched.
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(place.pk),
        "form-0-result": "passed",
        "form-0-result_note": "",
    }
    client.post(url, data)
    place.refresh_from_db()
    assert place.result == "pending"
    client.post(url, {**data, "form-0-id": str(ours.pk)})
    ours.refresh_from_db()
    assert ours.result == "passed"


def test_master_trainer_records_results_of_the_session_they_lead(client, world):
    master = TrainerFactory(level=Trainer.MASTER, home_area=world["tree"]["province"])
    master.person.is_staff = True
    master.person.save()

    master.person.groups.add(role_group(roles.TRAINERS))
    world["other_session"].trainers.add(master)
    place = ParticipantFactory(session=world["other_session"])
    client.force_login(master.person)
    url = reverse("training_session:results", args=[world["other_session"].pk])
    assert client.get(url).status_code == 200
    client.post(url, {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": str(place.pk),
                      "form-0-result": "passed", "form-0-result_note": "Giảng thử tốt"})  # fmt: skip
    place.refresh_from_db()
    assert place.result == "passed" and place.assessed_by == master
    assert client.get(reverse("training_session:results", args=[world["session"].pk])).status_code == 404


def test_only_the_province_certifies_and_manages_areas(client, world):
    client.force_login(world["admin"])
    assert refused(client.get(reverse("trainer:certify", args=[world["trainer"].pk])))
    assert refused(client.get(reverse("area:index")))
    assert refused(client.get(reverse("admin_scope:index")))
    boss = province_admin(world["tree"]["province"])
    client.force_login(boss)
    assert client.get(reverse("trainer:certify", args=[world["other_trainer"].pk])).status_code == 200
    assert client.get(reverse("area:index")).status_code == 200
    listing = client.get(reverse("trainer:index")).content.decode()
    assert "Ngô Thị Hòa" in listing and "Hà Bảo Ngọc" in listing


def test_a_learner_never_downloads_another_learners_certificate(client, course_tree, learner, other_learner):
    mine = certification_issue(person=learner, kind=Certificate.COURSE, course=course_tree.course)
    theirs = certification_issue(person=other_learner, kind=Certificate.COURSE, course=course_tree.course)
    url = reverse("trainers:certificate_pdf", args=[theirs.number])
    assert client.get(url).status_code == 302  # anonymous: log in first
    client.force_login(learner)
    assert client.get(url).status_code == 404
    response = client.get(reverse("trainers:certificate_pdf", args=[mine.number]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_district_admin_downloads_only_their_districts_certificates(client, world):
    client.force_login(world["admin"])
    assert client.get(reverse("trainers:certificate_pdf", args=[world["other_certificate"].number])).status_code == 404
    assert client.get(reverse("trainers:certificate_pdf", args=[world["certificate"].number])).status_code == 200


def test_profiles_are_scoped_too(client, world):
    from trainers.models import Profile

    ours = Profile.objects.create(user=world["trainer"].person, area=world["tree"]["Duy Xuyên"])
    theirs = Profile.objects.create(user=world["other_trainer"].person, area=world["tree"]["Tam Kỳ"])
    client.force_login(world["admin"])
    listing = client.get(reverse("profile:index")).content.decode()
    assert "Ngô Thị Hòa" in listing and "Hà Bảo Ngọc" not in listing
    for view in ["edit", "inspect", "history", "delete"]:
        assert refused(client.get(reverse(f"profile:{view}", args=[theirs.pk]))), view
    assert client.get(reverse("profile:edit", args=[ours.pk])).status_code == 200


WAGTAIL_REPORTS = [
    "/admin/reports/site-history/",
    "/admin/reports/site-history/?export=csv",
    "/admin/reports/site-history/?export=xlsx",
    "/admin/reports/site-history/results/",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/aging-pages/",
    "/admin/reports/page-types-usage/",
]


def _wagtail_report_menu(response) -> list[str]:
    from wagtail.admin.menu import reports_menu

    return [item.name for item in reports_menu.menu_items_for_request(response.wsgi_request)]


def test_wagtail_reports_are_refused_to_a_district_administrator(client, world, home):
    from django.contrib.auth.models import Permission
    from wagtail.log_actions import log
    from wagtail.models import GroupPagePermission

    # Even an administrator who may edit some pages (which shows Wagtail's reports menu) is refused.
    GroupPagePermission.objects.create(
        group=role_group(roles.DISTRICT_ADMINISTRATORS),
        page=home,
        permission=Permission.objects.get(codename="change_page"),
    )
    log(instance=world["other_session"], action="wagtail.edit", user=world["other_trainer"].person)
    client.force_login(world["admin"])
    for url in WAGTAIL_REPORTS:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Lớp Tam Kỳ" not in response.content.decode(), url
    assert _wagtail_report_menu(client.get("/admin/")) == []


def test_wagtail_reports_open_for_the_province(client, world):
    from wagtail.log_actions import log

    log(instance=world["other_session"], action="wagtail.edit", user=world["other_trainer"].person)
    client.force_login(province_admin(world["tree"]["province"]))
    response = client.get("/admin/reports/site-history/")
    assert response.status_code == 200 and "Lớp Tam Kỳ" in response.content.decode()
