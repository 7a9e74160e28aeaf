"""A phone-only person who forgot their password gets back in through their area's administrator: a one-time link
shown as a QR code and handed over in person, logged with who made it, never offered outside the area."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.test_staff_accounts import choose_password, link_in, signs_in
from trainers.models import Profile

from .factories import ProfileFactory, UserFactory, areas, district_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def phone_only():
    tree = areas()
    person = UserFactory(email=None, phone="0905123456", full_name="Hồ Thị Na")
    profile = ProfileFactory(user=person, area=tree["Duy Xuyên"])
    return tree, person, profile


def test_the_areas_administrator_hands_a_one_time_link_that_lets_the_person_back_in(client, phone_only):
    tree, person, profile = phone_only
    admin = district_admin(tree["Duy Xuyên"])
    client.force_login(admin)
    url = reverse("profile:password_link", args=[profile.pk])
    assert "Tạo đường dẫn" in client.get(url).content.decode()

    response = client.post(url)
    page = response.content.decode()
    assert response.status_code == 200 and "<svg" in page
    assert "no-store" in response["Cache-Control"]
    entry = ModelLogEntry.objects.get(action="trainers.profile.password_link")
    assert (entry.user_id, entry.object_id) == (admin.pk, str(profile.pk))

    link = link_in(page)
    choose_password(link, "mat-khau-moi-2026")
    assert signs_in("0905123456", "mat-khau-moi-2026")
    again = client.get("/" + link.split("/", 3)[3], follow=True)
    assert b"new_password1" not in again.content  # used once: the link no longer opens the form


def test_another_districts_administrator_and_a_learner_cannot_make_one(client, phone_only):
    tree, person, profile = phone_only
    url = reverse("profile:password_link", args=[profile.pk])
    client.force_login(district_admin(tree["Tam Kỳ"], email="tamky.admin@example.org"))
    assert client.post(url).status_code == 404
    client.force_login(UserFactory())
    response = client.post(url)
    assert response.status_code in (302, 403, 404) and "/accounts/reset/" not in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="trainers.profile.password_link").exists()
    assert Profile.objects.get(pk=profile.pk).user.password == person.password  # nothing changed


def test_the_password_reset_page_tells_a_phone_only_person_where_to_go(client):
    page = client.get(reverse("accounts:password_reset")).content.decode()
    # No phone channel in the test settings: the in-person link (with one: a code, tests/accounts/test_phone_codes.py).
    assert "Bạn chỉ đăng ký bằng số điện thoại?" in page and "trực tiếp" in page
