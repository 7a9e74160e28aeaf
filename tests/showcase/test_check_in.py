import pytest
from django.urls import reverse
from django.utils.timezone import localtime

from showcase.models import Registration
from showcase.services import CheckInResult, registration_check_in, registration_create
from tests.trainers.factories import district_admin

from .factories import district, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(home):
    return make_event(home, capacity=1, area=district("Duy Xuyên"))


@pytest.fixture
def ticket(event):
    return registration_create(event=event, full_name="Nguyễn Thị Hoa", phone="0905 111 222")[0]


@pytest.fixture
def door(event):
    """The district administrator for the event's district runs the door."""
    return district_admin(event.area, email="door@example.org")


def test_first_check_in_succeeds_and_the_second_says_when(ticket, door):
    first = registration_check_in(code=ticket.code, by=door)
    assert first.outcome == CheckInResult.OK and "Nguyễn Thị Hoa" in first.message
    ticket.refresh_from_db()
    assert ticket.checked_in_at is not None and ticket.checked_in_by == door

    again = registration_check_in(code=ticket.display_code.lower(), by=door)
    assert again.outcome == CheckInResult.ALREADY
    assert localtime(again.registration.checked_in_at).strftime("%H:%M") in again.message
    ticket.refresh_from_db()
    assert ticket.checked_in_at == first.registration.checked_in_at  # the first time is kept


def test_an_unknown_code_is_refused(event, ticket, door):
    for code in ("ABCDEFGHJKMN", "", "not a code"):
        result = registration_check_in(code=code, by=door, event=event)
        assert result.outcome == CheckInResult.UNKNOWN and not result.ok
    assert not Registration.objects.checked_in().exists()


def test_waiting_list_and_other_event_codes_are_refused(home, event, ticket, door):
    waiting = registration_create(event=event, full_name="Trần Văn B", phone="0905 333 444")[0]
    assert registration_check_in(code=waiting.code, by=door).outcome == CheckInResult.NOT_CONFIRMED
    other = make_event(home, area=event.area)
    assert registration_check_in(code=ticket.code, by=door, event=other).outcome == CheckInResult.OTHER_EVENT
    assert not Registration.objects.checked_in().exists()


# --- The door pages -------------------------------------------------------------------------------


def test_door_staff_check_in_by_code_at_the_desk(client, event, ticket, door):
    client.force_login(door)
    url = reverse("showcase:check_in_desk", args=[event.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Nguyễn Thị Hoa" in page.content.decode()

    response = client.post(url, {"code": ticket.display_code}, follow=True)
    assert "Nguyễn Thị Hoa" in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.checked_in_at is not None

    messages = [str(m) for m in client.post(url, {"code": ticket.code}, follow=True).context["messages"]]
    assert any(localtime(ticket.checked_in_at).strftime("%H:%M") in m for m in messages)
    messages = [str(m) for m in client.post(url, {"code": "ZZZZ-ZZZZ-ZZZZ"}, follow=True).context["messages"]]
    assert len(messages) == 1 and "ZZZZ" not in messages[0]


def test_door_staff_check_in_from_the_list(client, event, ticket, door):
    client.force_login(door)
    url = reverse("showcase:check_in_desk", args=[event.pk])
    client.post(url, {"registration": ticket.pk})
    ticket.refresh_from_db()
    assert ticket.checked_in_at is not None


def test_scanning_the_qr_code(client, event, ticket, door):
    url = reverse("showcase:check_in_code", args=[ticket.code])
    # The ticket holder (or anyone without the door permission) just sees the ticket.
    assert client.get(url)["Location"] == ticket.get_absolute_url()
    assert client.post(url)["Location"] == ticket.get_absolute_url()
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None

    client.force_login(door)
    assert client.get(url).status_code == 200
    ticket.refresh_from_db()
    assert ticket.checked_in_at is None  # GET changes nothing
    response = client.post(url)
    assert response.context["result"].outcome == CheckInResult.OK
    assert client.post(url).context["result"].outcome == CheckInResult.ALREADY


def test_the_desk_is_refused_to_learners_and_to_other_districts(client, event, learner):
    url = reverse("showcase:check_in_desk", args=[event.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(learner)
    assert client.get(url).status_code == 404  # no admin scope: the event is not theirs
    client.force_login(district_admin(district("Hội An"), email="hoian@example.org"))
    assert client.get(url).status_code == 404


def test_the_qr_code_encodes_the_check_in_address_in_the_default_language(client, ticket, monkeypatch):
    from showcase import views

    drawn = []
    monkeypatch.setattr(views, "qr_svg", lambda url: drawn.append(url) or "<svg></svg>")
    expected = "http://testserver" + reverse("showcase:check_in_code", args=[ticket.code])
    assert not expected.startswith("http://testserver/en/")
    body = client.get("/en" + ticket.get_absolute_url()).content.decode()
    assert drawn == [expected]
    assert "<svg></svg>" in body and ticket.display_code in body
