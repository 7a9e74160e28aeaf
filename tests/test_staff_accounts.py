"""The people who run the programme (lms/staff.py): created on the command line or by a province or
district administrator in the admin, each with their area, and given a one-time link to choose a password."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.models import User
from accounts.staff import is_staff_member
from areas.models import AdminScope, Area, admin_area_ids
from lms import roles
from lms.staff import staff_member_create, staff_role
from tests.trainers.factories import areas as load_test_areas
from tests.trainers.factories import district_admin, province_admin

pytestmark = pytest.mark.django_db
NEW = reverse("lms_staff:create")
PASSWORD = "mat-khau-moi-2026"


@pytest.fixture
def districts():
    return load_test_areas()


def commune_of(district: Area) -> Area:
    """One of today's communes whose records count under a former district."""
    return Area.objects.within(district).filter(kind=Area.COMMUNE, valid_to__isnull=True).order_by("code").first()


def link_in(text: str) -> str:
    return re.search(r"https?://\S+/accounts/reset/\S+?/\S+?/", text).group(0)


def choose_password(link: str, password: str = PASSWORD) -> Client:
    """The new person follows the link and chooses a password; returns their browser."""
    client = Client()
    path = "/" + link.split("/", 3)[3]
    form = client.get(path, follow=True)
    assert form.status_code == 200 and b"new_password1" in form.content, "the link must open the password form"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})
    assert done.status_code == 302
    return client


def signs_in(username: str, password: str = PASSWORD) -> bool:
    client = Client()
    return client.post(reverse("accounts:login"), {"username": username, "password": password}).status_code == 302


def test_the_operator_creates_a_district_administrator_who_sets_a_password_once(districts, capsys):
    duy_xuyen = districts["Duy Xuyên"]
    call_command(
        "create_staff",
        "--role",
        "district_admin",
        "--area",
        duy_xuyen.code,
        "--name",
        "Phạm Văn Hùng",
        "--phone",
        "0905 123 456",
    )
    output = capsys.readouterr().out
    user = User.objects.get(phone="+84905123456")
    assert user.email is None and not user.has_usable_password()  # nobody knows a password yet
    assert AdminScope.objects.get(user=user).area == duy_xuyen
    assert user.groups.filter(name=roles.DISTRICT_ADMINISTRATORS.name).exists() and not user.is_superuser
    link = link_in(output)

    choose_password(link)
    assert signs_in("0905123456")
    assert Client().get("/" + link.split("/", 3)[3], follow=True).context["validlink"] is False  # spent

    user.refresh_from_db()
    assert is_staff_member(user) and admin_area_ids(user) and duy_xuyen.pk in admin_area_ids(user)


def test_the_command_says_what_is_wrong(districts):
    province = districts["province"]
    with pytest.raises(CommandError, match="quản trị viên huyện"):  # not the province
        call_command(
            "create_staff",
            "--role",
            "district_admin",
            "--area",
            province.code,
            "--name",
            "A",
            "--email",
            "a@example.org",
        )
    with pytest.raises(CommandError, match="99999"):
        call_command("create_staff", "--role", "trainer", "--area", "99999", "--name", "B", "--email", "b@example.org")
    call_command(
        "create_staff", "--role", "province_admin", "--area", province.code, "--name", "C", "--email", "c@example.org"
    )
    with pytest.raises(CommandError):
        call_command("create_staff", "--role", "editor", "--name", "C", "--email", "C@example.org")
    assert list(User.objects.values_list("email", flat=True)) == ["c@example.org"]


def test_a_province_administrator_without_superuser_creates_every_role(client, districts):
    creator = province_admin(districts["province"])
    assert not creator.is_superuser
    client.force_login(creator)
    assert reverse("lms_staff:index") in client.get(reverse("wagtailadmin_home")).content.decode()  # the menu item
    form = client.get(NEW)
    assert [value for value, _label in form.context["form"].fields["role"].choices] == [
        "province_admin",
        "district_admin",
        "trainer",
        "editor",
    ]

    hoi_an = districts["Hội An"]
    response = client.post(
        NEW, {"role": "district_admin", "full_name": "Lê Văn Nam", "email": "nam@example.org", "area": hoi_an.pk}
    )
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    assert "no-store" in response["Cache-Control"]
    made = User.objects.get(email="nam@example.org")
    assert AdminScope.objects.get(user=made).area == hoi_an
    choose_password(link_in(response.content.decode()))
    assert signs_in("nam@example.org")

    # The new district administrator creates a trainer in their own district, and nothing more.
    second = Client()
    made.refresh_from_db()  # with the password they chose
    second.force_login(made)
    offered = [value for value, _label in second.get(NEW).context["form"].fields["role"].choices]
    assert offered == ["trainer", "editor"]


def test_a_district_administrator_creates_trainers_only_inside_their_area(
    client, districts, django_assert_max_num_queries
):
    duy_xuyen, dien_ban = districts["Duy Xuyên"], districts["Điện Bàn"]
    client.force_login(district_admin(duy_xuyen))
    mine, theirs = commune_of(duy_xuyen), commune_of(dien_ban)
    with django_assert_max_num_queries(13):  # the admin's own (user, permissions, menu), the roles, the areas
        assert client.get(NEW).status_code == 200

    response = client.post(NEW, {"role": "trainer", "full_name": "Hồ Thị Lan", "phone": "0912345678", "area": mine.pk})
    assert response.status_code == 200 and "/accounts/reset/" in response.content.decode()
    trainer = User.objects.get(phone="+84912345678")
    assert trainer.profile.area == mine and not AdminScope.objects.filter(user=trainer).exists()
    choose_password(link_in(response.content.decode()))
    trainer.refresh_from_db()
    assert is_staff_member(trainer)  # sees the trainers' guides

    refused = [
        {"role": "trainer", "area": theirs.pk},  # another district's commune
        {"role": "trainer", "area": dien_ban.pk},  # another district
        {"role": "trainer", "area": ""},  # nowhere: every account they make is filed in their area
        {"role": "province_admin", "area": districts["province"].pk},
        {"role": "district_admin", "area": mine.pk},
    ]
    for n, data in enumerate(refused):
        response = client.post(NEW, {"full_name": "X", "email": f"x{n}@example.org", **data})
        assert response.status_code == 200 and response.context["form"].errors, data
    assert not User.objects.filter(email__startswith="x").exists()


def test_nobody_else_reaches_the_screen(client, districts, trainer, learner):
    for user in (trainer, learner):
        client.force_login(user)
        response = client.get(NEW)
        assert response.status_code in (302, 403)
        assert client.post(NEW, {"role": "trainer", "full_name": "Y", "email": "y@example.org"}).status_code in (
            302,
            403,
        )
    assert not User.objects.filter(email="y@example.org").exists()


def test_the_service_refuses_a_district_administrator_a_province_role(districts):
    from django.core.exceptions import PermissionDenied

    creator = district_admin(districts["Duy Xuyên"])
    with pytest.raises(PermissionDenied):
        staff_member_create(
            role=roles.PROVINCE_ADMINISTRATORS,
            full_name="Z",
            email="z@example.org",
            area=districts["province"],
            by=creator,
        )
    with pytest.raises(PermissionDenied):
        staff_member_create(
            role=roles.TRAINERS, full_name="Z", email="z@example.org", area=districts["Điện Bàn"], by=creator
        )
    assert not User.objects.filter(email="z@example.org").exists()


def test_a_new_link_for_an_account_without_email(districts, capsys):
    call_command("create_staff", "--role", "trainer", "--name", "Đinh Văn Tú", "--phone", "0987654321")
    capsys.readouterr()
    call_command("password_link", "0987 654 321")
    choose_password(link_in(capsys.readouterr().out))
    assert signs_in("0987654321")
    with pytest.raises(CommandError):
        call_command("password_link", "nobody@example.org")


# --- Editing and deactivating existing staff --------------------------------------------------------------

INDEX = reverse("lms_staff:index")


def edit_url(person: User) -> str:
    return reverse("lms_staff:edit", args=[person.pk])


def staff(role, area: Area, email: str) -> User:
    return staff_member_create(role=role, full_name=email.split("@")[0], email=email, area=area)


def admin_session(person: User) -> Client:
    browser = Client()
    browser.force_login(person)
    assert browser.get(reverse("wagtailadmin_home")).status_code == 200
    return browser


def test_the_province_administrator_changes_a_role_and_area_and_the_change_is_logged(client, districts):
    boss = province_admin(districts["province"])
    hoi_an, duy_xuyen = districts["Hội An"], districts["Duy Xuyên"]
    person = staff(roles.DISTRICT_ADMINISTRATORS, hoi_an, "nam@example.org")
    client.force_login(boss)
    assert edit_url(person) in client.get(INDEX).content.decode()
    form = client.get(edit_url(person)).context["form"]
    assert (form["role"].value(), form["area"].value(), form["is_active"].value()) == (
        "district_admin",
        hoi_an.pk,
        True,
    )

    response = client.post(edit_url(person), {"role": "trainer", "area": duy_xuyen.pk, "is_active": "on"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert staff_role(person) == roles.TRAINERS and person.profile.area == duy_xuyen
    assert not AdminScope.objects.filter(user=person).exists()  # a trainer answers for no area
    assert admin_area_ids(person) == set()
    entry = edits_of(person).get()
    assert entry.user_id == boss.pk
    assert entry.data["changes"] == {
        "role": [roles.DISTRICT_ADMINISTRATORS.name, roles.TRAINERS.name],
        "area": [hoi_an.name, duy_xuyen.name],
    }


def test_a_deactivated_staff_member_is_signed_out_at_once_and_can_be_reactivated(client, districts):
    boss = province_admin(districts["province"])
    duy_xuyen = districts["Duy Xuyên"]
    person = staff(roles.DISTRICT_ADMINISTRATORS, duy_xuyen, "hung@example.org")
    theirs = admin_session(person)
    client.force_login(boss)

    assert client.post(edit_url(person), {"role": "district_admin", "area": duy_xuyen.pk}).status_code == 302
    person.refresh_from_db()
    assert not person.is_active
    assert theirs.get(reverse("wagtailadmin_home")).status_code == 302  # back to the login page, at once
    assert "Đã vô hiệu hóa" in client.get(INDEX).content.decode()

    data = {"role": "district_admin", "area": duy_xuyen.pk, "is_active": "on"}
    assert client.post(edit_url(person), data).status_code == 302
    person.refresh_from_db()
    assert person.is_active
    assert admin_session(person)  # may work again
    changes = [e.data["changes"] for e in edits_of(person)]
    assert changes == [{"active": [True, False]}, {"active": [False, True]}]


def edits_of(person: User):
    return ModelLogEntry.objects.filter(object_id=str(person.pk), action="wagtail.edit").order_by("pk")


def test_a_district_administrator_manages_only_their_districts_trainers_and_editors(
    client, districts, django_assert_max_num_queries
):
    duy_xuyen, dien_ban = districts["Duy Xuyên"], districts["Điện Bàn"]
    mine = [staff(roles.TRAINERS, commune_of(duy_xuyen), f"gv{n}@example.org") for n in range(3)]
    editor = staff(roles.EDITORS, duy_xuyen, "bt@example.org")
    theirs = staff(roles.TRAINERS, commune_of(dien_ban), "gv.dienban@example.org")
    colleague = staff(roles.DISTRICT_ADMINISTRATORS, duy_xuyen, "colleague@example.org")
    boss = province_admin(districts["province"])
    me = district_admin(duy_xuyen)
    client.force_login(me)

    with django_assert_max_num_queries(15):  # the admin's own (user, permissions, menu), the scope, the page
        client.get(INDEX)
    more = [staff(roles.TRAINERS, duy_xuyen, f"gv.more{n}@example.org") for n in range(5)]
    with django_assert_max_num_queries(15):  # as many with more rows
        listing = client.get(INDEX)
    html = listing.content.decode()
    mine += more
    for person in (*mine, editor):
        assert edit_url(person) in html
    for person in (theirs, colleague, boss, me):
        assert edit_url(person) not in html
        assert client.get(edit_url(person)).status_code == 404  # another district's, an administrator, themselves
        assert client.post(edit_url(person), {"role": "trainer", "area": duy_xuyen.pk}).status_code == 404

    # No role above their own, no area outside theirs: refused, and nothing changes.
    target = mine[0]
    refused = [
        {"role": "province_admin", "area": districts["province"].pk, "is_active": "on"},
        {"role": "district_admin", "area": duy_xuyen.pk, "is_active": "on"},
        {"role": "trainer", "area": dien_ban.pk, "is_active": "on"},
        {"role": "trainer", "area": commune_of(dien_ban).pk, "is_active": "on"},
    ]
    for data in refused:
        response = client.post(edit_url(target), data)
        assert response.status_code == 200 and response.context["form"].errors, data
    target.refresh_from_db()
    assert staff_role(target) == roles.TRAINERS and target.profile.area == commune_of(duy_xuyen)
    assert not AdminScope.objects.filter(user=target).exists()

    # Within their area they may move a trainer to an editor and deactivate them.
    assert client.post(edit_url(target), {"role": "editor", "area": duy_xuyen.pk}).status_code == 302
    target.refresh_from_db()
    assert staff_role(target) == roles.EDITORS and not target.is_active


def test_nobody_else_edits_staff(client, districts, trainer, learner):
    person = staff(roles.TRAINERS, districts["Duy Xuyên"], "gv@example.org")
    for url in (INDEX, edit_url(person)):
        assert client.get(url).status_code == 302  # anonymous: to the login page
    for user in (trainer, learner):
        client.force_login(user)
        assert client.get(INDEX).status_code in (302, 403)
        assert client.post(edit_url(person), {"role": "editor", "is_active": ""}).status_code in (302, 403, 404)
    person.refresh_from_db()
    assert person.is_active and staff_role(person) == roles.TRAINERS
