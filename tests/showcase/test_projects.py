"""A team's side of a project: add, edit only their own, submit; what the public sees."""

import pytest
from django.urls import reverse

from showcase.models import ProjectMember, StartupProject

from .factories import ProjectFactory, add_member, commune, district, person

pytestmark = pytest.mark.django_db


def form_data(area, **extra):
    return {
        "title": "Bánh tráng Túy Loan",
        "pitch": "Bánh tráng phơi sương làm thủ công, bán cho khách du lịch.",
        "description": "",
        "area": area.pk,
        "sector": "food",
        "stage": "idea",
        "origin": "other",
        "website": "",
        "invite": "",
        **extra,
    }


def test_a_signed_in_person_adds_a_project_as_its_lead(client, learner):
    area = district()
    person(email="teammate@example.org", phone="+84905222333")
    client.force_login(learner)
    response = client.post(reverse("showcase:project_create"), form_data(area, invite="0905 222 333\n"))
    project = StartupProject.objects.get()
    assert response.status_code == 302 and response["Location"] == project.get_absolute_url()
    assert project.status == StartupProject.DRAFT and project.created_by == learner
    assert set(ProjectMember.objects.values_list("person__email", "is_lead")) == {("learner@example.org", True)}
    assert list(project.invitations.values_list("address", "status")) == [("+84905222333", "pending")]
    # The draft shows to its team, not to the public.
    assert client.get(project.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(project.get_absolute_url()).status_code == 404


def test_an_ocop_product_names_its_commune_in_its_district(client, learner):
    area = district()
    other = district("Hội An")
    client.force_login(learner)
    url = reverse("showcase:project_create")
    assert client.post(url, form_data(area, origin="ocop", ocop_stars=3)).status_code == 200
    wrong = commune("Cẩm Thanh", other, "20500")
    assert client.post(url, form_data(area, origin="ocop", ocop_stars=3, commune=wrong.pk)).status_code == 200
    right = commune("Duy Trinh", area, "20617")
    assert client.post(url, form_data(area, origin="ocop", ocop_stars=3, commune=right.pk)).status_code == 302
    assert StartupProject.objects.get().ocop_stars == 3


def test_a_team_member_edits_only_their_own_project(client, learner, other_learner):
    mine = ProjectFactory(status=StartupProject.RETURNED, title="Của tôi")
    add_member(mine, learner, lead=True)
    theirs = ProjectFactory(status=StartupProject.DRAFT, title="Của người khác")
    add_member(theirs, other_learner, lead=True)
    client.force_login(learner)

    response = client.post(reverse("showcase:project_edit", args=[mine.pk]), form_data(mine.area, title="Đã sửa"))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.title == "Đã sửa"
    assert ProjectMember.objects.get(project=mine).is_lead  # the lead stays

    assert client.get(reverse("showcase:project_edit", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("showcase:project_edit", args=[theirs.pk]), form_data(theirs.area)).status_code == 404
    assert client.post(reverse("showcase:project_submit", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "Của người khác" and theirs.status == StartupProject.DRAFT


def test_a_member_who_is_not_the_lead_edits_too_and_the_lead_stays(client, learner, other_learner):
    project = ProjectFactory(status=StartupProject.DRAFT)
    add_member(project, other_learner, lead=True)
    add_member(project, learner)
    client.force_login(learner)
    data = form_data(project.area, title="Đã sửa")
    assert client.post(reverse("showcase:project_edit", args=[project.pk]), data).status_code == 302
    assert dict(ProjectMember.objects.values_list("person__email", "is_lead")) == {
        "other@example.org": True,
        "learner@example.org": False,
    }


def test_a_published_project_is_not_edited_by_its_team(client, learner):
    project = ProjectFactory(status=StartupProject.PUBLISHED, title="Đã công bố")
    add_member(project, learner, lead=True)
    client.force_login(learner)
    response = client.post(reverse("showcase:project_edit", args=[project.pk]), form_data(project.area))
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Đã công bố"


def test_the_team_submits_its_draft_once(client, learner):
    project = ProjectFactory(status=StartupProject.DRAFT)
    add_member(project, learner, lead=True)
    client.force_login(learner)
    client.post(reverse("showcase:project_submit", args=[project.pk]))
    project.refresh_from_db()
    assert project.status == StartupProject.SUBMITTED and project.submitted_at is not None
    client.post(reverse("showcase:project_submit", args=[project.pk]))  # again: refused with a message
    project.refresh_from_db()
    assert project.status == StartupProject.SUBMITTED


def test_my_projects_lists_only_mine(client, learner, other_learner):
    mine = ProjectFactory(title="Dự án của tôi")
    add_member(mine, learner)
    add_member(ProjectFactory(title="Dự án khác"), other_learner)
    client.force_login(learner)
    body = client.get(reverse("showcase:my_projects")).content.decode()
    assert "Dự án của tôi" in body and "Dự án khác" not in body


def test_women_led_and_student_led_come_from_the_members_profiles():
    women = ProjectFactory()
    add_member(women, person(gender="female"), lead=True)
    add_member(women, person(gender="male"))
    majority = ProjectFactory()
    add_member(majority, person(gender="male"), lead=True)
    add_member(majority, person(gender="female", groups=("students",)))
    add_member(majority, person(gender="female", groups=("students",)))
    neither = ProjectFactory()
    add_member(neither, person(gender="male"), lead=True)
    add_member(neither, person(gender="female"))
    empty = ProjectFactory()

    flags = {p.pk: (p.women_led, p.student_led) for p in StartupProject.objects.with_leadership()}
    assert flags == {
        women.pk: (True, False),
        majority.pk: (True, True),
        neither.pk: (False, False),
        empty.pk: (False, False),
    }
    assert StartupProject.objects.with_leadership().filter(women_led=True).count() == 2


# --- Invitations: nobody joins a team without saying yes; the form tells nobody who has an account ---


def _edit(client, project, **extra):
    data = form_data(project.area, **{"title": project.title, **extra})
    return client.post(reverse("showcase:project_edit", args=[project.pk]), data)


@pytest.fixture
def draft(learner):
    project = ProjectFactory(status=StartupProject.DRAFT, title="Nước mắm Cửa Đại")
    add_member(project, learner, lead=True)
    return project


def test_inviting_answers_the_same_whether_or_not_an_account_exists(client, learner, draft):
    person(email="hoa@example.org", phone="+84905222333", full_name="Trần Thị Hoa")
    client.force_login(learner)
    answers = []
    for address in ("0905 222 333", "0905 999 888"):  # the first signs in to an account, the second does not
        # `other_members` was the team field before invitations: an attacker tries every field the form had.
        response = _edit(client, draft, invite=address, other_members=address)
        followed = client.get(response["Location"])
        answers.append((response.status_code, response["Location"], [str(m) for m in followed.context["messages"]]))
    assert answers[0] == answers[1]
    edit_page = client.get(reverse("showcase:project_edit", args=[draft.pk])).content.decode()
    assert "Trần Thị Hoa" not in edit_page and "hoa@example.org" not in edit_page
    assert ProjectMember.objects.filter(project=draft).count() == 1  # nobody added without consent


def test_a_badly_typed_address_is_refused_for_its_shape_only(client, learner, draft):
    client.force_login(learner)
    response = _edit(client, draft, invite="not-an-address\n0905 222 333", title="Giữ nguyên")
    assert response.status_code == 200
    body = response.content.decode()
    assert "not-an-address" in body and "Giữ nguyên" in body  # the input is kept
    assert not draft.invitations.exists()


def test_a_member_is_removed_by_name_and_the_lead_never(client, learner, other_learner, draft):
    add_member(draft, other_learner)
    client.force_login(learner)
    page = client.get(reverse("showcase:project_edit", args=[draft.pk])).content.decode()
    assert "other@example.org" not in page
    assert _edit(client, draft, remove_members=[learner.pk]).status_code == 200  # the lead is not a choice
    assert ProjectMember.objects.filter(project=draft).count() == 2
    assert _edit(client, draft, remove_members=[other_learner.pk]).status_code == 302
    assert list(ProjectMember.objects.filter(project=draft).values_list("person", flat=True)) == [learner.pk]
