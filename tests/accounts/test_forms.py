"""Forms that help: errors summed up at the top and linked to their fields, required fields marked,
messages about what was typed, and choices that say "choose" instead of dashes."""

import re

import pytest
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db


def register(client, **data):
    return client.post("/accounts/register/", data).content.decode()


def summary_of(html: str) -> str:
    match = re.search(r'<div class="message error error-summary"[^>]*>(.*?)</div>', html, re.S)
    assert match, "no error summary"
    return match.group(0)


def test_registration_errors_are_summed_up_at_the_top_with_links(client):
    html = register(client, **{"account-email": "nhung@@gmail", "profile-birth_year": "abc"})
    summary = summary_of(html)
    assert html.index("error-summary") < html.index("<form")
    assert 'tabindex="-1"' in summary and "autofocus" in summary and 'role="alert"' in summary
    for field in ["account-full_name", "account-email", "account-password1", "account-password2", "profile-birth_year"]:
        assert f'href="#id_{field}"' in summary, field
        assert f'id="id_{field}"' in html  # the link lands on the field itself


def test_a_malformed_email_is_named_as_malformed(client):
    html = register(client, **{"account-full_name": "Nhung", "account-email": "nhung@@gmail"})
    assert "“nhung@@gmail”" in html  # what was typed, in the message
    assert gettext("Enter a valid email address.") not in html
    assert 'value="nhung@@gmail"' in html  # and kept in the field


def test_empty_required_fields_say_what_to_enter(client):
    html = register(client, **{"account-full_name": "", "account-password1": "", "account-password2": ""})
    assert gettext("Enter your full name.") in html
    assert gettext("Choose a password.") in html
    assert gettext("This field is required.") not in html


def test_required_fields_are_marked_for_eyes_and_screen_readers(client):
    html = client.get("/accounts/register/").content.decode()
    full_name = re.search(r'<input[^>]*name="account-full_name"[^>]*>', html).group(0)
    assert 'aria-required="true"' in full_name
    organisation = re.search(r'<input[^>]*name="profile-organisation"[^>]*>', html).group(0)
    assert "aria-required" not in organisation
    label = re.search(r'<label for="id_account-full_name">(.*?)</label>', html, re.S).group(1)
    assert f"({gettext('required')})" in label


def test_selects_ask_to_choose_instead_of_dashes(client):
    html = client.get("/accounts/register/").content.decode()
    assert "---------" not in html
    gender = re.search(r'<select name="profile-gender".*?</select>', html, re.S).group(0)
    assert re.search(r'<option value="" selected>— .+ —</option>', gender)


def test_login_errors_are_summed_up_and_focused(client):
    html = client.post("/accounts/login/", {"username": "", "password": ""}).content.decode()
    summary = summary_of(html)
    assert 'href="#id_username"' in summary and 'href="#id_password"' in summary
    assert gettext("Enter your email address or phone number.") in summary
