"""Every admin action on one object ("Certify", "Results", "Revoke", "Send again", "Review") follows one rule:
its button is in a row's "More" menu and the inspect view's header exactly when the row's state calls for
it and its page lets the user in."""

import pytest
from django.urls import reverse
from django.utils.timezone import now
from wagtail.admin.viewsets import viewsets

from accounts.models import User
from trainers.models import Certificate, Notification

pytestmark = pytest.mark.django_db

USERS = ["province.admin@example.org", "district.admin@example.org", "trainer@example.org", "editor@example.org"]


@pytest.fixture
def demo(shared_demo):
    person = Certificate.objects.filter(status=Certificate.VALID).first().person
    kind = Notification.KINDS[0][0]
    Notification.objects.create(user=person, kind=kind, object_key="test:1", status=Notification.FAILED)
    Notification.objects.create(user=person, kind=kind, object_key="test:2", status=Notification.SENT, sent_at=now())


def action_viewsets():
    reverse("wagtailadmin_home")  # the admin's URLs fill the registry of viewsets
    found = [v for v in viewsets.viewsets if getattr(v, "object_actions", ())]
    assert {a.url_name for v in found for a in v.object_actions} >= {"certify", "results", "revoke", "resend", "review"}
    return found


def test_buttons_show_exactly_the_actions_a_user_may_take(client, demo):
    checked = {}
    for email in USERS:
        client.force_login(User.objects.get(email=email))
        checked[email] = check_buttons(client)
    assert checked["province.admin@example.org"] >= {"certify:shown", "results:shown", "revoke:shown", "resend:shown"}
    assert {"certify:shown", "resend:shown"}.isdisjoint(checked["district.admin@example.org"])


def check_buttons(client) -> set[str]:
    """The actions checked on the rows the user sees, each row's button against the action's page."""
    checked = set()
    for viewset in action_viewsets():
        listing = client.get(reverse(viewset.get_url_name("index")))
        if listing.status_code != 200:
            continue
        rows = listing.context["object_list"]
        html = listing.content.decode()
        for obj in rows[:8]:
            for action in viewset.object_actions:
                url = reverse(viewset.get_url_name(action.url_name), args=[obj.pk])
                allowed = client.get(url).status_code == 200
                shown = allowed and action.applies_to(obj)
                assert (f'href="{url}"' in html) == shown, url
                if viewset.inspect_view_enabled:
                    inspect = client.get(reverse(viewset.get_url_name("inspect"), args=[obj.pk])).content.decode()
                    assert (f'href="{url}"' in inspect) == shown, url
                checked.add(f"{action.url_name}:{'shown' if shown else 'hidden'}")
    return checked
