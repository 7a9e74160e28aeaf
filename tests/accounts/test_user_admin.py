"""The Wagtail admin's users screens, used as an administrator uses them: the rendered form, posted back."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from accounts.models import User
from lms import roles

pytestmark = pytest.mark.django_db


class _Form(HTMLParser):
    """What a browser would send from the page's post form that holds `field`: every named control as rendered."""

    def __init__(self, field: str):
        super().__init__()
        self.field, self.forms, self.current, self.select, self.textarea = field, [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.current = {"action": a.get("action", ""), "data": {}, "names": set()}
            self.forms.append(self.current)
        if self.current is None:
            return
        data, name = self.current["data"], a.get("name")
        if tag == "option":
            if self.select and "selected" in a:
                data.setdefault(self.select, []).append(a.get("value", ""))
            return
        if not name:
            return
        if tag == "input":
            self.current["names"].add(name)
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    data.setdefault(name, []).append(a.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                data.setdefault(name, []).append(a.get("value", ""))
        elif tag == "select":
            self.current["names"].add(name)
            self.select = name
        elif tag == "textarea":
            self.current["names"].add(name)
            self.textarea = name
            data.setdefault(name, []).append("")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.current = None

    def handle_data(self, data):
        if self.textarea and self.current is not None:
            self.current["data"][self.textarea][-1] += data

    def result(self) -> tuple[set, dict]:
        (form,) = [f for f in self.forms if self.field in f["names"]]
        return form["names"], form["data"]


def rendered_form(html: str, field: str) -> tuple[set, dict]:
    """(the names of the form's controls, the values a browser would post) for the post form holding `field`."""
    parser = _Form(field)
    parser.feed(html)
    return parser.result()


def test_a_user_is_edited_through_the_rendered_form(client, superuser, learner):
    client.force_login(superuser)
    url = f"/admin/users/edit/{learner.pk}/"
    names, data = rendered_form(client.get(url).content.decode(), "email")
    # The person's fields are on the form (nothing required is left out of the page)…
    assert {"email", "full_name", "phone", "is_active", "groups"} <= names
    assert not names & {"first_name", "last_name"}
    assert data["full_name"] == [learner.full_name]

    # …and what it shows can be changed and saved.
    data["full_name"], data["phone"] = ["Nguyễn Thị Mới"], ["0905 123 456"]
    data["groups"] = [str(Group.objects.get(name=roles.TRAINERS.name).pk)]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    learner.refresh_from_db()
    assert (learner.full_name, learner.phone, learner.is_active) == ("Nguyễn Thị Mới", "+84905123456", True)
    assert list(learner.groups.values_list("name", flat=True)) == [roles.TRAINERS.name]

    # Saved again untouched (the phone as stored, in +84 form): nothing changes and nothing fails.
    names, data = rendered_form(client.get(url).content.decode(), "email")
    assert data["phone"] == ["+84905123456"]
    assert client.post(url, data).status_code == 302


def test_a_user_is_created_through_the_rendered_form(client, superuser):
    client.force_login(superuser)
    names, data = rendered_form(client.get("/admin/users/new/").content.decode(), "email")
    assert {"email", "full_name", "phone", "password1", "password2"} <= names
    data.update(email=["moi@example.org"], full_name=["Trần Văn Mới"], password1=["hoc-khoi-nghiep-2026"])
    data["password2"] = data["password1"]
    response = client.post("/admin/users/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(email="moi@example.org").full_name == "Trần Văn Mới"


def _signed_in(user) -> Client:
    browser = Client()
    browser.post("/accounts/login/", {"username": user.email, "password": "pass-word-123"})
    assert browser.get("/my-learning/").status_code == 200  # the user is now in the cache, with the session
    return browser


def test_a_user_deactivated_in_bulk_is_signed_out_at_once(client, superuser, learner, other_learner):
    learner_browser, other_browser = _signed_in(learner), _signed_in(other_learner)
    client.force_login(superuser)
    url = f"/admin/bulk/accounts/user/set_active_state/?next=/admin/users/&id={learner.pk}"
    names, data = rendered_form(client.get(url).content.decode(), "mark_as_active")
    data["mark_as_active"] = ["False"]
    assert client.post(url, data).status_code == 302
    learner.refresh_from_db()
    assert not learner.is_active

    assert learner_browser.get("/my-learning/").status_code == 302  # the very next request, not a minute later
    assert other_browser.get("/my-learning/").status_code == 200  # nobody else is touched


@pytest.mark.parametrize("how", ["edit form", "save", "update"])
def test_a_user_deactivated_one_by_one_is_signed_out_at_once(client, superuser, learner, how):
    learner_browser = _signed_in(learner)
    if how == "edit form":
        client.force_login(superuser)
        url = f"/admin/users/edit/{learner.pk}/"
        names, data = rendered_form(client.get(url).content.decode(), "email")
        data.pop("is_active")  # the box unticked
        assert client.post(url, data).status_code == 302
    elif how == "save":  # as in a shell
        learner.is_active = False
        learner.save()
    else:
        User.objects.filter(email__iexact="LEARNER@example.org").update(is_active=False)
    assert learner_browser.get("/my-learning/").status_code == 302
