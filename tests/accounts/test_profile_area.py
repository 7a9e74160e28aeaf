"""Registration and the profile offer today's communes and wards; older profiles still read well."""

import datetime
import html as html_lib
import re

import pytest

from areas.loader import load_area_tree
from areas.models import Area
from tests.training.import_factories import csv_bytes, make_session
from trainers.models import Profile
from training.attendance_import import attendance_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    load_area_tree()

    def unit(name: str, *, today: bool = True) -> Area:
        found = Area.objects.current() if today else Area.objects.filter(valid_to__isnull=False)
        return found.get(name=name)

    return unit


def area_options(page: str) -> list[tuple[str, str, bool]]:
    """(value, label, selected) of each option of the place select."""
    select = re.search(r'<select name="profile-area".*?</select>', page, re.S).group(0)
    return [
        (value, html_lib.unescape(label), bool(selected))
        for value, selected, label in re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)
    ]


def account_form(client, **changes) -> dict:
    data = {
        "account-full_name": "Nguyễn Thị Lan",
        "account-email": "learner@example.org",
        "account-preferred_language": "vi",
        "profile-gender": "female",
        "profile-birth_year": "2001",
    }
    return {**data, **changes}


def test_registration_offers_todays_units_in_vietnamese_order(client, tree):
    options = area_options(client.get("/accounts/register/").content.decode())
    labels = [label for value, label, _selected in options if value]
    assert "Xã Thu Bồn" in labels and "Phường Hội An" in labels
    # Neither the former districts nor the former communes are offered any more.
    assert not {"Duy Xuyên", "Huyện Duy Xuyên", "Xã Duy Hòa", "Thị trấn Nam Phước"} & set(labels)
    assert len(labels) == Area.objects.current().exclude(kind__in=Area.DISTRICT_KINDS).count() == len(set(labels))
    # Vietnamese order by name: Duy Xuyên before Đại Lộc (Đ after D), Đại Lộc before Điện Bàn.
    assert labels.index("Xã Duy Xuyên") < labels.index("Xã Đại Lộc") < labels.index("Phường Điện Bàn")


def test_registration_stores_the_chosen_unit(client, tree):
    thu_bon = tree("Thu Bồn")
    client.post(
        "/accounts/register/",
        {
            "account-full_name": "Trần Thị Hoa",
            "account-email": "hoa@example.org",
            "account-password1": "mat-khau-2026-rat-dai",
            "account-password2": "mat-khau-2026-rat-dai",
            "consent-learning_records": "on",
            "profile-area": str(thu_bon.pk),
        },
    )
    profile = Profile.objects.get(user__email="hoa@example.org")
    assert (profile.area, profile.commune) == (thu_bon, None)


def test_a_former_unit_is_not_accepted_at_registration(client, tree):
    response = client.post(
        "/accounts/register/",
        {"account-full_name": "Hoa", "account-email": "h@example.org", "profile-area": tree("Duy Hòa", today=False).pk},
    )
    assert "area" in response.context["profile_form"].errors
    assert not Profile.objects.exists()


def test_a_merged_commune_shows_the_unit_it_became(client, learner, tree):
    duy_hoa, thu_bon = tree("Duy Hòa", today=False), tree("Thu Bồn")
    Profile.objects.create(user=learner, area=duy_hoa.parent, commune=duy_hoa)
    client.force_login(learner)

    response = client.get("/accounts/me/")
    assert [label for _value, label, selected in area_options(response.content.decode()) if selected] == ["Xã Thu Bồn"]
    note = str(response.context["profile_form"]["area"].help_text)
    assert "Xã Duy Hòa" in note and "Xã Thu Bồn" in note  # says what they had chosen and what it is now
    assert note in html_lib.unescape(response.content.decode())

    client.post("/accounts/me/", account_form(client, **{"profile-area": str(thu_bon.pk)}))
    profile = Profile.objects.get(user=learner)
    assert (profile.area, profile.commune) == (thu_bon, None)


def test_a_split_district_is_kept_until_the_person_chooses(client, learner, tree):
    duy_xuyen = Area.objects.get(code="508")
    Profile.objects.create(user=learner, area=duy_xuyen, organisation="Hội LHPN")
    client.force_login(learner)

    response = client.get("/accounts/me/")
    options = area_options(response.content.decode())
    assert [(value, label) for value, label, selected in options if selected] == [
        (str(duy_xuyen.pk), "Huyện Duy Xuyên")  # told apart from today's Xã Duy Xuyên, also offered
    ]
    assert "Xã Duy Xuyên" in [label for _value, label, _selected in options]
    note = str(response.context["profile_form"]["area"].help_text)
    assert "Duy Xuyên" in note and note in html_lib.unescape(response.content.decode())

    # Saving other details keeps the place the person gave.
    response = client.post("/accounts/me/", account_form(client, **{"profile-area": str(duy_xuyen.pk)}))
    assert response.status_code == 302
    assert Profile.objects.get(user=learner).area == duy_xuyen

    client.post("/accounts/me/", account_form(client, **{"profile-area": str(tree("Nam Phước").pk)}))
    assert Profile.objects.get(user=learner).area == tree("Nam Phước")


def test_import_after_the_reform_files_people_under_todays_units(tree):
    session = make_session(Area.objects.get(code="508"), starts_on=datetime.date(2025, 9, 10))
    rows = [
        ["Họ và tên", "Số điện thoại", "Xã/phường", "Ngày 1"],
        ["Lê Văn Tám", "0905111222", "Xã Thu Bồn", "x"],
        ["Lê Thị Chín", "0905111333", "Duy Hòa", "x"],  # the old name people still write
        ["Lê Văn Mười", "0905111444", "Duy Nghĩa", "x"],  # reused by today's unit: today's
    ]

    report = attendance_import(session=session, data=csv_bytes(rows))

    assert report.ok, report.as_text()
    communes = dict(Profile.objects.values_list("user__full_name", "commune"))
    assert communes == {
        "Lê Văn Tám": tree("Thu Bồn").pk,
        "Lê Thị Chín": tree("Thu Bồn").pk,
        "Lê Văn Mười": tree("Duy Nghĩa").pk,
    }


def test_import_before_the_reform_keeps_the_communes_of_the_day(tree):
    session = make_session(Area.objects.get(code="508"), starts_on=datetime.date(2024, 3, 12))
    rows = [["Họ và tên", "Số điện thoại", "Xã/phường", "Ngày 1"], ["Lê Văn Tám", "0905111222", "Duy Nghĩa", "x"]]

    attendance_import(session=session, data=csv_bytes(rows))

    assert Profile.objects.get().commune == tree("Duy Nghĩa", today=False)
