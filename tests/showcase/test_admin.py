"""Administrators review projects only in their own district, through every admin view."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from showcase.models import StartupProject
from tests.trainers.factories import district_admin, province_admin

from .factories import ProjectFactory, add_member, district, make_event, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def duy_xuyen():
    return district("Duy Xuyên")


@pytest.fixture
def hoi_an():
    return district("Hội An")


@pytest.fixture
def reviewer(duy_xuyen):
    return district_admin(duy_xuyen)


@pytest.fixture
def projects(duy_xuyen, hoi_an):
    return {
        "ours": ProjectFactory(area=duy_xuyen, status=StartupProject.SUBMITTED, title="Dự án Duy Xuyên"),
        "theirs": ProjectFactory(area=hoi_an, status=StartupProject.SUBMITTED, title="Dự án Hội An"),
    }


def test_a_district_administrator_lists_only_their_district(client, reviewer, projects):
    client.force_login(reviewer)
    body = client.get(reverse("startup_project:index")).content.decode()
    assert "Dự án Duy Xuyên" in body and "Dự án Hội An" not in body
    export = client.get(reverse("startup_project:index") + "?export=csv")
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Dự án Duy Xuyên" in content and "Dự án Hội An" not in content


@pytest.mark.parametrize("view", ["edit", "delete", "inspect", "history", "usage", "review"])
def test_another_districts_project_is_refused_by_every_view(client, reviewer, projects, view):
    client.force_login(reviewer)
    theirs = reverse(f"startup_project:{view}", args=[projects["theirs"].pk])
    assert client.get(theirs).status_code in (403, 404)
    assert client.post(theirs, {"decision": "publish"}).status_code in (403, 404)
    projects["theirs"].refresh_from_db()
    assert projects["theirs"].status == StartupProject.SUBMITTED
    assert client.get(reverse(f"startup_project:{view}", args=[projects["ours"].pk])).status_code == 200


def test_a_district_administrator_publishes_and_returns_in_their_district(client, reviewer, projects):
    client.force_login(reviewer)
    url = reverse("startup_project:review", args=[projects["ours"].pk])
    assert client.post(url, {"decision": "return", "comment": ""}).status_code == 200  # a comment is required
    client.post(url, {"decision": "return", "comment": "Thêm ảnh sản phẩm."})
    project = StartupProject.objects.get(pk=projects["ours"].pk)
    assert project.status == StartupProject.RETURNED and project.review_comment == "Thêm ảnh sản phẩm."

    client.post(url, {"decision": "publish", "comment": ""})
    project.refresh_from_db()
    assert project.status == StartupProject.PUBLISHED and project.reviewed_by == reviewer and project.published_at


def test_the_province_administrator_reviews_everywhere(client, projects):
    admin = province_admin(district("Quảng Nam", code="49"))
    client.force_login(admin)
    body = client.get(reverse("startup_project:index")).content.decode()
    assert "Dự án Duy Xuyên" in body and "Dự án Hội An" in body
    assert client.get(reverse("startup_project:review", args=[projects["theirs"].pk])).status_code == 200


def test_editing_with_the_team_inline(client, reviewer, projects, duy_xuyen):
    client.force_login(reviewer)
    project = projects["ours"]
    member = person(email="member@example.org")
    member.profile.area = duy_xuyen  # a district administrator picks people filed in their district
    member.profile.save()
    data = nested_form_data(
        {
            "title": "Dự án Duy Xuyên (sửa)",
            "pitch": project.pitch,
            "description": "",
            "area": duy_xuyen.pk,
            "sector": "food",
            "stage": "prototype",
            "origin": "other",
            "website": "",
            "members": inline_formset([{"person": member.pk, "is_lead": "on", "role": "Trưởng nhóm"}]),
            "images": inline_formset([]),
            "documents": inline_formset([]),
            "awards": inline_formset([{"title": "Giải Ba", "rank": 3, "year": 2024, "awarded_by": "Huyện đoàn"}]),
        }
    )
    response = client.post(reverse("startup_project:edit", args=[project.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    project.refresh_from_db()
    assert project.title == "Dự án Duy Xuyên (sửa)"
    assert list(project.members.values_list("person__email", "is_lead")) == [("member@example.org", True)]
    assert project.awards.get().title == "Giải Ba"


def test_registrations_are_listed_by_event_area_and_never_edited_by_hand(client, reviewer, home, duy_xuyen, hoi_an):
    from showcase.services import registration_create

    ours = make_event(home, area=duy_xuyen, title="Sự kiện Duy Xuyên")
    theirs = make_event(home, area=hoi_an, title="Sự kiện Hội An")
    mine = registration_create(event=ours, full_name="Người Duy Xuyên", phone="0905 000 111")[0]
    other = registration_create(event=theirs, full_name="Người Hội An", phone="0905 000 222")[0]
    client.force_login(reviewer)
    body = client.get(reverse("registration:index")).content.decode()
    assert "Người Duy Xuyên" in body and "Người Hội An" not in body
    assert client.get(reverse("registration:inspect", args=[mine.pk])).status_code == 200
    assert client.get(reverse("registration:inspect", args=[other.pk])).status_code == 404
    assert client.get(reverse("registration:edit", args=[mine.pk])).status_code in (302, 403)
    assert client.get(reverse("registration:add")).status_code in (302, 403)


def test_a_team_member_cannot_review_in_the_admin(client, learner, projects):
    add_member(projects["ours"], learner, lead=True)
    client.force_login(learner)
    response = client.get(reverse("startup_project:review", args=[projects["ours"].pk]))
    assert response.status_code in (302, 403, 404)


def test_editors_create_an_event_page_in_the_admin(client, editor, home):
    from .factories import event_index

    index = event_index(home)
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=["showcase", "eventpage", index.pk])
    assert client.get(add_url).status_code == 200
    assert client.get(reverse("startup_project:index")).status_code in (302, 403)  # not a reviewer
    assert client.get(reverse("support_organisation:add")).status_code == 200


def test_a_district_administrator_cannot_move_a_project_out_of_their_district(client, reviewer, projects, hoi_an):
    client.force_login(reviewer)
    project = projects["ours"]
    data = nested_form_data(
        {
            "title": project.title,
            "pitch": project.pitch,
            "description": "",
            "area": hoi_an.pk,
            "sector": "food",
            "stage": "prototype",
            "origin": "other",
            "website": "",
            "members": inline_formset([]),
            "images": inline_formset([]),
            "documents": inline_formset([]),
            "awards": inline_formset([]),
        }
    )
    response = client.post(reverse("startup_project:edit", args=[project.pk]), data)
    assert response.status_code == 200 and "area" in response.context["form"].errors
    project.refresh_from_db()
    assert project.area != hoi_an


# --- Choices stay in the administrator's scope ---------------------------------------------------


@pytest.fixture
def people_and_sessions(duy_xuyen, hoi_an):
    from tests.trainers.factories import ProfileFactory, TrainingSessionFactory, UserFactory

    ours = UserFactory(email="nguoi.duyxuyen@example.org", full_name="Người Duy Xuyên")
    ProfileFactory(user=ours, area=duy_xuyen)
    theirs = UserFactory(email="nguoi.hoian@example.org", full_name="Người Hội An")
    ProfileFactory(user=theirs, area=hoi_an)
    return {
        "ours": ours,
        "theirs": theirs,
        "our_session": TrainingSessionFactory(area=duy_xuyen, title="Lớp Duy Xuyên"),
        "their_session": TrainingSessionFactory(area=hoi_an, title="Lớp Hội An"),
    }


def _project_data(project, area, *, members=(), sessions=()):
    data = nested_form_data(
        {
            "title": project.title,
            "pitch": project.pitch,
            "description": "",
            "area": area.pk,
            "sector": "food",
            "stage": "prototype",
            "origin": "other",
            "website": "",
            "members": inline_formset([{"person": m.pk, "is_lead": "", "role": ""} for m in members]),
            "images": inline_formset([]),
            "documents": inline_formset([]),
            "awards": inline_formset([]),
        }
    )
    data["sessions"] = [s.pk for s in sessions]  # a multiple choice: one key, many values
    return data


@pytest.mark.parametrize("view", ["add", "edit"])
def test_the_project_form_offers_only_people_and_sessions_of_the_district(
    client, reviewer, projects, people_and_sessions, view
):
    client.force_login(reviewer)
    url = (
        reverse("startup_project:add") if view == "add" else reverse("startup_project:edit", args=[projects["ours"].pk])
    )
    body = client.get(url).content.decode()
    assert "Người Duy Xuyên" in body and "Lớp Duy Xuyên" in body
    assert "Người Hội An" not in body and "nguoi.hoian@example.org" not in body
    assert "Lớp Hội An" not in body


def test_a_forged_post_with_another_districts_person_is_refused(
    client, reviewer, projects, people_and_sessions, duy_xuyen
):
    client.force_login(reviewer)
    project = projects["ours"]
    url = reverse("startup_project:edit", args=[project.pk])
    response = client.post(url, _project_data(project, duy_xuyen, members=[people_and_sessions["theirs"]]))
    assert response.status_code == 200
    assert not project.members.exists()

    response = client.post(url, _project_data(project, duy_xuyen, members=[people_and_sessions["ours"]]))
    assert response.status_code == 302
    assert list(project.members.values_list("person", flat=True)) == [people_and_sessions["ours"].pk]


def test_a_forged_post_with_another_districts_session_is_refused(
    client, reviewer, projects, people_and_sessions, duy_xuyen
):
    client.force_login(reviewer)
    project = projects["ours"]
    url = reverse("startup_project:edit", args=[project.pk])
    response = client.post(url, _project_data(project, duy_xuyen, sessions=[people_and_sessions["their_session"]]))
    assert response.status_code == 200 and "sessions" in response.context["form"].errors
    assert not project.sessions.exists()


def test_people_already_on_the_team_stay_choosable(client, reviewer, projects, people_and_sessions, duy_xuyen):
    """A team member from another district, added by the province, does not make the project uneditable."""
    project = projects["ours"]
    add_member(project, people_and_sessions["theirs"], lead=True)
    client.force_login(reviewer)
    data = _project_data(project, duy_xuyen)
    data.update(
        nested_form_data(
            {
                "members": inline_formset(
                    [{"id": project.members.get().pk, "person": people_and_sessions["theirs"].pk, "is_lead": "on"}],
                    initial=1,
                )
            }
        )
    )
    response = client.post(reverse("startup_project:edit", args=[project.pk]), data)
    assert response.status_code == 302


def test_the_province_administrator_is_offered_everyone(client, projects, people_and_sessions):
    admin = province_admin(district("Quảng Nam", code="49"))
    client.force_login(admin)
    body = client.get(reverse("startup_project:edit", args=[projects["ours"].pk])).content.decode()
    assert "Người Duy Xuyên" in body and "Người Hội An" in body and "Lớp Hội An" in body


def test_editors_link_organisations_to_published_projects_only(client, editor):
    published = ProjectFactory(title="Dự án đã công bố")
    draft = ProjectFactory(title="Bản nháp bí mật", status=StartupProject.DRAFT, published_at=None)
    client.force_login(editor)
    url = reverse("support_organisation:add")
    body = client.get(url).content.decode()
    assert "Dự án đã công bố" in body and "Bản nháp bí mật" not in body
    data = {
        "name": "Vườn ươm Quảng Nam",
        "slug": "vuon-uom-quang-nam",
        "kind": "incubator",
        "summary": "Ươm tạo dự án.",
        "offers": "Cố vấn",
        "website": "",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "address": "",
        "is_listed": "on",
        "supported_projects": [draft.pk],
    }
    assert client.post(url, data).status_code == 200  # a forged choice is refused
    assert client.post(url, {**data, "supported_projects": [published.pk]}).status_code == 302
    from showcase.models import SupportOrganisation

    assert list(SupportOrganisation.objects.get().supported_projects.all()) == [published]
