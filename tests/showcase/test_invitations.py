"""Team invitations from outside: only the invitation's link answers one. Registering with someone
else's email address (nobody checks it is yours) shows none of their invitations and joins no team."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from showcase.models import ProjectInvitation, ProjectMember, StartupProject, invitation_address
from showcase.querysets import invitation_token_read
from showcase.services import project_team_update
from trainers.models import Notification
from trainers.notifications import notifications_sweep
from trainers.tasks import send_notification

from .factories import ProjectFactory, add_member, person
from .test_projects import form_data

pytestmark = pytest.mark.django_db
PASSWORD = "hoc-khoi-nghiep-2026"


@pytest.fixture
def draft(learner):
    project = ProjectFactory(status=StartupProject.DRAFT, title="Nước mắm Cửa Đại")
    add_member(project, learner, lead=True)
    return project


def invite(client, lead, project, address, capture) -> ProjectInvitation:
    """The lead invites an address through the project's form; the email goes out once the save commits."""
    client.force_login(lead)
    data = form_data(project.area, title=project.title, invite=address)
    with capture(execute=True):
        assert client.post(reverse("showcase:project_edit", args=[project.pk]), data).status_code == 302
    client.logout()
    return project.invitations.get(address=invitation_address(address))


def emailed_link(address: str) -> str:
    """The path of the link in the invitation emailed to that address."""
    (message,) = [m for m in mail.outbox if m.to == [address]]
    url = re.search(r"https?://\S+", message.body).group(0)
    return "/" + url.split("/", 3)[3]


def invitations_linked(text: str) -> list[int]:
    """The invitations whose links a text holds, read from their signed tokens.

    A token carries the second it was signed in (`signing.dumps`), so a link made in another second
    reads differently: tests compare what the link opens, never its characters.
    """
    prefix = reverse("showcase:invitation", args=["TOKEN"]).split("TOKEN")[0]
    tokens = re.findall(re.escape(prefix) + r"([^/\s\"'<>]+)/", text)
    return [read[0] for read in map(invitation_token_read, tokens) if read is not None]


def register(client, email, next_url=""):
    """Someone registers through the public form, typing whatever email address they like, and signs in."""
    registered = client.post(
        "/accounts/register/" + (f"?next={next_url}" if next_url else ""),
        {
            "account-full_name": "Kẻ Mạo Danh" if not next_url else "Trần Thị Hoa",
            "account-email": email,
            "account-password1": PASSWORD,
            "account-password2": PASSWORD,
            "consent-learning_records": "on",
        },
    )
    assert registered.status_code == 302 and registered["Location"].startswith("/accounts/login/")
    return client.post(registered["Location"], {"username": email, "password": PASSWORD})


def test_an_impostor_with_the_invitees_address_neither_sees_nor_answers(
    client, learner, draft, django_capture_on_commit_callbacks
):
    invitation = invite(client, learner, draft, "hoa@example.org", django_capture_on_commit_callbacks)
    assert register(client, "hoa@example.org").status_code == 302  # nobody checks the address is theirs
    impostor = User.objects.get(email="hoa@example.org")

    assert "Nước mắm Cửa Đại" not in client.get(reverse("showcase:my_projects")).content.decode()
    assert "Nước mắm Cửa Đại" not in client.get(reverse("accounts:download_data")).content.decode()
    # The old addresses by number, a token signed for something else, and a token with its ids changed.
    other = signing.dumps([invitation.pk, draft.pk], salt="another.purpose")
    forged = signing.dumps([invitation.pk, draft.pk]).replace(":", "x")
    for token in (str(invitation.pk), other, forged):
        assert client.get(reverse("showcase:invitation", args=[token])).status_code == 404
        for name in ("showcase:invitation_accept", "showcase:invitation_decline"):
            client.post(reverse(name, args=[token]))
    assert client.get(draft.get_absolute_url()).status_code == 404  # not on the team
    assert not ProjectMember.objects.filter(person=impostor).exists()
    invitation.refresh_from_db()
    assert invitation.status == ProjectInvitation.PENDING
    # Deleting the account deletes the invitations written to its address (the team may invite again).
    client.post(reverse("accounts:delete"), {"confirm": "yes"})
    assert not ProjectInvitation.objects.filter(pk=invitation.pk).exists()


def test_the_invitee_follows_the_emailed_link_and_joins_once(
    client, learner, draft, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    hoa = person(email="hoa.work@example.org", full_name="Trần Thị Hoa")  # signs in with another address
    invite(client, learner, draft, "Hoa@Example.org", django_capture_on_commit_callbacks)
    link = emailed_link("hoa@example.org")
    assert "Nước mắm Cửa Đại" in mail.outbox[0].subject

    client.force_login(hoa)
    with django_assert_max_num_queries(8):
        page = client.get(link)
    assert page.status_code == 200 and "Nước mắm Cửa Đại" in page.content.decode()
    accept = reverse("showcase:invitation_accept", args=[link.rstrip("/").rsplit("/", 1)[1]])
    assert accept in page.content.decode()

    first = client.post(accept)
    second = client.post(accept)  # a double click, or the link opened again
    assert first.status_code == second.status_code == 302 and second["Location"] == draft.get_absolute_url()
    assert ProjectMember.objects.filter(project=draft, person=hoa, is_lead=False).count() == 1
    assert not draft.invitations.exists()
    assert client.get(link)["Location"] == draft.get_absolute_url()  # the spent link leads to the project
    assert client.get(reverse("showcase:project_edit", args=[draft.pk])).status_code == 200


def test_a_new_person_registers_from_the_link_and_joins(client, learner, draft, django_capture_on_commit_callbacks):
    invite(client, learner, draft, "hoa@example.org", django_capture_on_commit_callbacks)
    link = emailed_link("hoa@example.org")

    login = client.get(link)
    assert login.status_code == 302 and "/accounts/login/" in login["Location"]
    login_page = client.get(login["Location"]).content.decode()
    assert "/accounts/register/?next=" in login_page  # the sign-in page offers to register, keeping the link
    registered = register(client, "hoa@example.org", next_url=link)
    assert registered["Location"] == link
    token = link.rstrip("/").rsplit("/", 1)[1]
    client.post(reverse("showcase:invitation_accept", args=[token]))
    assert ProjectMember.objects.filter(project=draft, person__email="hoa@example.org").exists()


def test_declining_twice_is_harmless_and_the_team_cannot_ask_again(
    client, learner, other_learner, draft, django_capture_on_commit_callbacks
):
    invitation = invite(client, learner, draft, "other@example.org", django_capture_on_commit_callbacks)
    token = invitation.token
    client.force_login(other_learner)
    for _twice in range(2):
        response = client.post(reverse("showcase:invitation_decline", args=[token]))
        assert response.status_code == 302
        invitation.refresh_from_db()
        assert invitation.status == ProjectInvitation.DECLINED
    client.post(reverse("showcase:invitation_accept", args=[token]))  # too late to change one's mind here
    assert not ProjectMember.objects.filter(person=other_learner).exists()
    assert client.get(reverse("showcase:invitation", args=[token])).status_code == 404

    mail.outbox.clear()
    invite(client, learner, draft, "other@example.org", django_capture_on_commit_callbacks)
    assert list(draft.invitations.values_list("status", flat=True)) == ["declined"] and mail.outbox == []


def test_a_withdrawn_invitations_link_is_dead(
    client, learner, other_learner, draft, django_capture_on_commit_callbacks
):
    invitation = invite(client, learner, draft, "other@example.org", django_capture_on_commit_callbacks)
    token = invitation.token
    client.force_login(learner)
    data = form_data(draft.area, title=draft.title, withdraw_invitations=[invitation.pk])
    client.post(reverse("showcase:project_edit", args=[draft.pk]), data)
    client.force_login(other_learner)
    assert client.get(reverse("showcase:invitation", args=[token])).status_code == 404
    client.post(reverse("showcase:invitation_accept", args=[token]))
    assert not ProjectMember.objects.filter(person=other_learner).exists()


def test_a_phone_invitation_is_sent_by_the_team_with_the_link_it_sees(
    client, learner, draft, django_capture_on_commit_callbacks
):
    invitation = invite(client, learner, draft, "0905 222 333", django_capture_on_commit_callbacks)
    assert mail.outbox == []  # no email to send to
    client.force_login(learner)
    edit_page = client.get(reverse("showcase:project_edit", args=[draft.pk])).content.decode()
    assert set(invitations_linked(edit_page)) == {invitation.pk} and "+84905222333" not in edit_page

    # Whoever signs in with that phone sees nothing until the team sends them the link.
    hoa = person(phone="+84905222333", email=None, full_name="Trần Thị Hoa")
    client.force_login(hoa)
    client.post(reverse("showcase:invitation_accept", args=[str(invitation.pk)]))
    assert not ProjectMember.objects.filter(person=hoa).exists()
    client.post(reverse("showcase:invitation_accept", args=[invitation.token]))
    assert ProjectMember.objects.filter(project=draft, person=hoa).exists()


def _invitation_notice(invitation) -> Notification:
    return Notification.objects.get(kind=Notification.PROJECT_INVITATION, object_key=f"invitation:{invitation.pk}")


def test_the_invitation_email_goes_once_however_often_the_task_runs(
    client, learner, draft, django_capture_on_commit_callbacks
):
    with translation.override("en"):  # the language of the request that invites
        invitation = invite(client, learner, draft, "hoa@example.org", django_capture_on_commit_callbacks)
    notice = _invitation_notice(invitation)
    assert (notice.status, notice.address, notice.language, notice.user) == (
        Notification.SENT,
        "hoa@example.org",
        "en",
        None,
    )
    assert send_notification.delay(notice.pk).get() == "skipped"
    assert [m.to for m in mail.outbox] == [["hoa@example.org"]]
    assert invitations_linked(mail.outbox[0].body) == [invitation.pk] and "Nước mắm Cửa Đại" in mail.outbox[0].body
    assert "invites you to join the team" in mail.outbox[0].body


def test_an_invitation_whose_email_task_was_lost_is_sent_by_the_sweep_once(
    learner, draft, django_capture_on_commit_callbacks
):
    # Its task never ran (as if the broker had been down): the commit callbacks are dropped.
    with django_capture_on_commit_callbacks(execute=False):
        project_team_update(project=draft, by=learner, invite=["hoa@example.org", "+84905123456"])
    lost = draft.invitations.get(address="hoa@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_sweep()["requeued"] == 0  # within the grace: its own task may still run
    later = timezone.now() + datetime.timedelta(minutes=11)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            notifications_sweep(now=later)
    assert [m.to for m in mail.outbox] == [["hoa@example.org"]]  # a phone: the team sends the link
    assert invitations_linked(mail.outbox[0].body) == [lost.pk]


def test_a_withdrawn_invitation_is_not_emailed(learner, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        project_team_update(project=draft, by=learner, invite=["hoa@example.org"])
    invitation = draft.invitations.get()
    notice = _invitation_notice(invitation)
    project_team_update(project=draft, by=learner, withdraw=[invitation])
    assert send_notification.delay(notice.pk).get() == Notification.SKIPPED
    assert mail.outbox == []
