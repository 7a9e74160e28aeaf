"""The log of personal data requests in the admin: the province sees every request with its deadline, nearest
first, overdue and due-within-a-day marked; a district only its own people's; a learner nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import DataRequest
from accounts.rights import REQUEST_DEADLINES, data_request_file, request_due_at
from trainers.data_requests import DEADLINE_LABELS

from .factories import ProfileFactory, UserFactory, areas, district_admin, province_admin

pytestmark = pytest.mark.django_db


def _filed_ago(person, kind: str, ago: datetime.timedelta, details: str = "") -> DataRequest:
    """A request received `ago` before now, due by its kind's legal deadline."""
    received_at = timezone.now() - ago
    return DataRequest.objects.create(
        person=person, kind=kind, details=details, received_at=received_at, due_at=request_due_at(kind, received_at)
    )


@pytest.fixture
def world():
    tree = areas()
    duy_hoa = tree["Duy Xuyên"].children.get(name="Duy Hòa")
    ours = ProfileFactory(user=UserFactory(full_name="Ngô Thị Hòa"), area=duy_hoa).user
    theirs = ProfileFactory(user=UserFactory(full_name="Hà Bảo Ngọc"), area=tree["Tam Kỳ"]).user
    deadline = REQUEST_DEADLINES[DataRequest.CORRECTION]
    return {
        "district_admin": district_admin(tree["Duy Xuyên"]),
        "province_admin": province_admin(tree["province"]),
        "ours": data_request_file(person=ours, kind=DataRequest.ACCESS, details="Bản sao dữ liệu"),
        # Received so long ago that less than a day is left.
        "theirs": _filed_ago(theirs, DataRequest.CORRECTION, deadline - datetime.timedelta(hours=6), "Sai tên"),
        "late": _filed_ago(theirs, DataRequest.DELETION, REQUEST_DEADLINES[DataRequest.DELETION] * 2, "Xóa"),
    }


def _listing(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("data_request:index"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_province_administrator_sees_every_request_with_its_deadline_nearest_first(client, world):
    html = _listing(client, world["province_admin"])
    for key in ("ours", "theirs", "late"):
        assert str(world[key].person) in html
    assert str(DEADLINE_LABELS["due_soon"]) in html and str(DEADLINE_LABELS["overdue"]) in html
    # Open requests by due date: the overdue one, then the one due within a day, then the rest.
    late, soon, ours = (reverse("data_request:edit", args=[world[key].pk]) for key in ("late", "theirs", "ours"))
    assert html.index(f'"{late}"') < html.index(f'"{soon}"') < html.index(f'"{ours}"')
    inspect = client.get(reverse("data_request:inspect", args=[world["theirs"].pk])).content.decode()
    due = timezone.localtime(world["theirs"].due_at)
    assert f"{due:%d}" in inspect and "Sai tên" in inspect


def test_the_province_administrator_answers_a_request_and_the_person_sees_the_answer(client, world):
    client.force_login(world["province_admin"])
    url = reverse("data_request:edit", args=[world["theirs"].pk])
    assert client.get(url).status_code == 200
    # A refusal needs its reason.
    response = client.post(url, {"status": DataRequest.REFUSED, "answer_note": ""})
    assert response.status_code == 200
    world["theirs"].refresh_from_db()
    assert world["theirs"].status == DataRequest.RECEIVED
    response = client.post(url, {"status": DataRequest.ANSWERED, "answer_note": "Đã sửa họ tên."})
    assert response.status_code == 302
    answered = DataRequest.objects.get(pk=world["theirs"].pk)
    assert answered.status == DataRequest.ANSWERED and answered.answered_by == world["province_admin"]
    assert answered.answered_at is not None and answered.answer_note == "Đã sửa họ tên."
    assert ModelLogEntry.objects.filter(action="accounts.data_request.answer", object_id=str(answered.pk)).exists()
    # An answered request is not answered again.
    client.post(url, {"status": DataRequest.REFUSED, "answer_note": "Đổi ý"})
    assert DataRequest.objects.get(pk=answered.pk).status == DataRequest.ANSWERED
    client.force_login(answered.person)
    assert "Đã sửa họ tên." in client.get("/accounts/me/requests/").content.decode()


def test_a_district_administrator_neither_sees_nor_answers_another_districts_request(client, world):
    html = _listing(client, world["district_admin"])
    assert str(world["ours"].person) in html and str(world["theirs"].person) not in html
    for view in ("edit", "inspect"):
        response = client.get(reverse(f"data_request:{view}", args=[world["theirs"].pk]))
        assert response.status_code == 404, view
    url = reverse("data_request:edit", args=[world["theirs"].pk])
    assert client.post(url, {"status": DataRequest.REFUSED, "answer_note": "Không"}).status_code == 404
    assert DataRequest.objects.get(pk=world["theirs"].pk).status == DataRequest.RECEIVED
    # Their own district's request they can answer.
    own = reverse("data_request:edit", args=[world["ours"].pk])
    assert client.post(own, {"status": DataRequest.ANSWERED, "answer_note": "Đã gửi."}).status_code == 302


def test_a_learner_and_a_visitor_are_refused(client, world, learner):
    url = reverse("data_request:edit", args=[world["ours"].pk])
    assert client.get(reverse("data_request:index")).status_code == 302  # to the sign-in page
    client.force_login(learner)
    for address in (reverse("data_request:index"), url):
        response = client.get(address)
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or "/login/" in response.url or response.url == "/admin/"


def test_the_listing_runs_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world["province_admin"])
    client.get(reverse("data_request:index"))  # caches warmed
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("data_request:index"))
    people = [ProfileFactory().user for _ in range(15)]
    for person in people:
        data_request_file(person=person, kind=DataRequest.OBJECTION)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("data_request:index"))
