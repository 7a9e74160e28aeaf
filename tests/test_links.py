"""Links in e-mails point at the public address (SITE_URL), never at the Wagtail Site's `localhost`."""

import pytest
from django.core import mail
from wagtail.models import Site

from courses.services import enrollment_create
from showcase.services import registration_create

from .showcase.factories import make_event

pytestmark = pytest.mark.django_db
PUBLIC = "https://khoinghiep.example.vn"


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.SITE_URL = PUBLIC
    Site.objects.update(hostname="localhost", port=80)


def links(body: str) -> list[str]:
    return [word for word in body.split() if "://" in word]


def test_a_notification_links_to_the_public_site(course_tree, learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(user=learner, course=course_tree.course)
    body = mail.outbox[0].body
    assert f"{PUBLIC}{course_tree.course.url}" in body
    assert "localhost" not in body and all(link.startswith(PUBLIC) for link in links(body))


def test_an_event_registration_links_to_the_public_site(home, django_capture_on_commit_callbacks):
    event = make_event(home, capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, full_name="Khách", phone="0905121212", language="vi", email="k@example.org")
    body = mail.outbox[0].body
    assert links(body) and all(link.startswith(PUBLIC) for link in links(body))
    assert "localhost" not in body


def test_a_password_reset_links_to_the_public_site_whatever_the_host_header(client, learner):
    client.post("/accounts/password-reset/", {"email": learner.email}, headers={"host": "testserver"})
    body = mail.outbox[0].body
    assert links(body) and all(link.startswith(f"{PUBLIC}/accounts/reset/") for link in links(body))
    assert "testserver" not in body
