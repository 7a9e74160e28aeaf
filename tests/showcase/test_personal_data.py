"""The showcase's part of "download my data" and "delete my account": plain functions the registry calls."""

import json

import pytest

from showcase.models import ProjectInvitation, ProjectMember, Registration, StartupProject
from showcase.personal_data import anonymise_person, export_person
from showcase.services import project_team_update, registration_create

from .factories import ProjectFactory, add_member, make_event, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def hoa():
    return person(email="hoa@example.org", phone="+84905222333", full_name="Trần Thị Hoa")


@pytest.fixture
def records(home, hoa, learner):
    event = make_event(home, capacity=5, title="Ngày hội khởi nghiệp Duy Xuyên")
    other_event = make_event(home, capacity=5, title="Hội chợ OCOP")
    mine = registration_create(event=event, person=hoa, email="hoa.khac@example.org")[0]
    # A visitor who typed Hoa's number at another event: not filed under her account, not hers to see.
    registration_create(event=other_event, full_name="Người Lạ", phone="0905 222 333")
    project = ProjectFactory(title="Nước mắm Cửa Đại", status=StartupProject.PUBLISHED)
    add_member(project, hoa, lead=True)
    ProjectMember.objects.filter(project=project, person=hoa).update(role="Hoa, trưởng nhóm")
    add_member(project, learner)
    invited_to = ProjectFactory(title="Trà thảo mộc", status=StartupProject.DRAFT)
    add_member(invited_to, learner, lead=True)
    project_team_update(project=invited_to, by=learner, invite=["hoa@example.org"])
    project_team_update(project=project, by=hoa, invite=["ban.cua.hoa@example.org"])
    return {"event": event, "registration": mine, "project": project, "invited_to": invited_to}


def test_export_holds_the_persons_registrations_teams_and_invitations_sent(hoa, records):
    data = export_person(hoa)
    json.dumps(data)  # plain data, ready for a download
    assert [r["event"] for r in data["event_registrations"]] == ["Ngày hội khởi nghiệp Duy Xuyên"]
    assert data["event_registrations"][0]["email"] == "hoa.khac@example.org"
    assert "Người Lạ" not in json.dumps(data, ensure_ascii=False)
    assert data["startup_projects"] == [
        {"project": "Nước mắm Cửa Đại", "status": "published", "team_lead": True, "role": "Hoa, trưởng nhóm"}
    ]
    # The invitation written to her address is listed: when and its answer, not the project nor the link.
    assert data["team_invitations_received"] == [
        {
            "address": "hoa@example.org",
            "status": "pending",
            "invited_at": ProjectInvitation.objects.get(address="hoa@example.org").created_at.isoformat(),
            "answered_at": None,
        }
    ]
    dumped = json.dumps(data, ensure_ascii=False)
    assert "Trà thảo mộc" not in dumped and ProjectInvitation.objects.get(address="hoa@example.org").token not in dumped
    sent = data["team_invitations_sent"]
    assert len(sent) == 1 and "ban.cua.hoa@example.org" not in json.dumps(sent)


def test_anonymising_drops_what_identifies_and_keeps_the_counts(hoa, records):
    event, project = records["event"], records["project"]
    places_before = event.places_taken()
    anonymise_person(hoa)

    registration = Registration.objects.get(pk=records["registration"].pk)
    assert (registration.full_name, registration.phone, registration.email) == ("—", None, None)
    assert event.places_taken() == places_before
    assert Registration.objects.filter(full_name="Người Lạ").exists()  # the visitor's own row is untouched

    assert not ProjectMember.objects.filter(person=hoa).exists() and project.members.count() == 1
    # The invitation written to her address goes with her; the one she sent stays, without its sender.
    assert not ProjectInvitation.objects.filter(address="hoa@example.org").exists()
    assert ProjectInvitation.objects.get(address="ban.cua.hoa@example.org").invited_by is None

    dumped = json.dumps(export_person(hoa), ensure_ascii=False)
    assert "hoa.khac@example.org" not in dumped and "Hoa, trưởng nhóm" not in dumped
    anonymise_person(hoa)  # twice is harmless
