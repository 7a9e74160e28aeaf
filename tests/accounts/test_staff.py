"""Who is staff is decided by role (accounts/staff.py): a trainer made in the admin is a trainer at once."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from accounts.models import User
from accounts.staff import is_staff_member
from lms import roles
from tests.conftest import _user
from tests.courses.factories import GUIDE_SECRET

pytestmark = pytest.mark.django_db

ADMIN_LINK = 'href="/admin/"'
PASSWORD = "mat-khau-giang-vien-42"


def _signed_in(email_or_user) -> Client:
    """A browser that signed in through the site's own login form (the session as a person would have it)."""
    client = Client()
    email = email_or_user if isinstance(email_or_user, str) else email_or_user.email
    response = client.post("/accounts/login/", {"username": email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


def _lesson_html(client, tree, index=0) -> str:
    response = client.get(tree.lessons[index].url)
    assert response.status_code == 200
    return response.content.decode()


def _edit_link(tree, index=0) -> str:
    return f'href="/admin/pages/{tree.lessons[index].pk}/edit/"'


def test_a_trainer_created_in_the_admin_sees_the_guide_the_edit_link_and_the_admin(client, course_tree, superuser):
    client.force_login(superuser)
    trainers = Group.objects.get(name=roles.TRAINERS.name)
    response = client.post(
        "/admin/users/new/",
        {
            "email": "giang.vien.moi@example.org",
            "full_name": "Đặng Thị Thu",
            "phone": "",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "groups": [trainers.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    person = User.objects.get(email="giang.vien.moi@example.org")
    assert list(person.groups.all()) == [trainers] and not person.is_staff  # the form has no staff flag

    browser = _signed_in(person)
    html = _lesson_html(browser, course_tree)
    assert GUIDE_SECRET in html
    assert _edit_link(course_tree) in html
    assert ADMIN_LINK in html
    assert browser.get(course_tree.lessons[0].url + "session-plan/").status_code == 200
    assert browser.get("/admin/").status_code == 200


def test_a_learner_never_sees_them_before_or_after_staff_visited(course_tree, learner, trainer):
    for person in (learner, trainer):
        person.set_password(PASSWORD)
        person.save()
    learner_browser, trainer_browser = _signed_in(learner), _signed_in(trainer)
    visitor = Client()
    # A learner first (the page is now cached for learners), then staff, then the learner and a visitor again.
    first = _lesson_html(learner_browser, course_tree)
    staff_html = _lesson_html(trainer_browser, course_tree)
    again = _lesson_html(learner_browser, course_tree)
    anonymous = _lesson_html(visitor, course_tree)
    assert GUIDE_SECRET in staff_html and ADMIN_LINK in staff_html and _edit_link(course_tree) in staff_html
    for html in (first, again, anonymous):
        assert GUIDE_SECRET not in html and ADMIN_LINK not in html and "/edit/" not in html
    # Staff first on another lesson: nothing of theirs is kept for the learner.
    assert GUIDE_SECRET in _lesson_html(trainer_browser, course_tree, 1)
    html = _lesson_html(learner_browser, course_tree, 1)
    assert GUIDE_SECRET not in html and ADMIN_LINK not in html and "/edit/" not in html


def test_the_staff_flag_alone_grants_nothing(client, course_tree):
    """Django's is_staff column is not the rule: without a role, nobody is staff."""
    clerk = _user("clerk@example.org", is_staff=True)
    client.force_login(clerk)
    html = _lesson_html(client, course_tree)
    assert GUIDE_SECRET not in html and ADMIN_LINK not in html and "/edit/" not in html
    assert not is_staff_member(clerk)


def test_the_guide_permission_without_a_role_shows_no_guide(client, course_tree):
    """Only staff see a guide, so a page with one is never a learner's cached page."""
    person = _user("odd@example.org")
    person.user_permissions.add(Permission.objects.get(codename="view_trainer_guide"))
    client.force_login(person)
    assert GUIDE_SECRET not in _lesson_html(client, course_tree)
    assert GUIDE_SECRET not in _lesson_html(Client(), course_tree)


def test_leaving_the_role_takes_effect_at_the_next_page(client, course_tree, trainer):
    client.force_login(trainer)
    assert GUIDE_SECRET in _lesson_html(client, course_tree)  # the user is now cached with their permissions
    trainer.groups.clear()
    html = _lesson_html(client, course_tree)
    assert GUIDE_SECRET not in html and ADMIN_LINK not in html
    Group.objects.get(name=roles.EDITORS.name).user_set.add(trainer)  # joined from the group's side
    html = _lesson_html(client, course_tree)
    assert GUIDE_SECRET in html and ADMIN_LINK in html


def test_superusers_are_staff_without_a_role(client, course_tree, superuser):
    client.force_login(superuser)
    html = _lesson_html(client, course_tree)
    assert GUIDE_SECRET in html and ADMIN_LINK in html and _edit_link(course_tree) in html


def test_an_inactive_member_of_a_role_is_not_staff(trainer):
    trainer.is_active = False
    assert not is_staff_member(trainer)


def test_every_role_makes_its_members_staff():
    """Membership of any role is what makes someone staff: each role grants admin access and the guide."""
    for role in roles.ROLES:
        assert {"wagtailadmin.access_admin", "courses.view_trainer_guide"} <= role.permissions, role.key


def test_the_demo_accounts(shared_demo, client):
    """The demo's staff are staff by their roles alone (the loader sets no staff flag); its learner is not."""
    from courses.models import LessonPage

    lesson = LessonPage.objects.live().first()
    for email, staff in [
        ("learner@example.org", False),
        ("trainer@example.org", True),
        ("editor@example.org", True),
        ("district.admin@example.org", True),
        ("province.admin@example.org", True),
    ]:
        client.force_login(User.objects.get(email=email))
        html = client.get(lesson.url).content.decode()
        assert (ADMIN_LINK in html) is staff, email
        assert ('class="trainer-guide"' in html) is staff, email
