"""Login lockout and the /verify/ throttle read the client's address one trusted way.

Behind one load balancer every request arrives from the balancer's address; the client is the
address the balancer appended to X-Forwarded-For. Without a proxy that header is the client's own
words and is ignored.
"""

import pytest

from accounts.models import User
from trainers.views import VERIFY_LIMIT

pytestmark = pytest.mark.django_db

BALANCER = "10.0.0.2"
CODE = "NoSuchCode1234"


@pytest.fixture
def person(db):
    return User.objects.create_user(email="lan@example.org", password="mat-khau-123", full_name="Nguyễn Thị Lan")


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def via_balancer(client_ip: str, sent_by_client: str = "") -> dict:
    """What gunicorn sees: the balancer's address, and X-Forwarded-For with the client's appended."""
    forwarded = f"{sent_by_client}, {client_ip}" if sent_by_client else client_ip
    return {"REMOTE_ADDR": BALANCER, "HTTP_X_FORWARDED_FOR": forwarded}


def guess(client, person, **meta):
    return client.post("/accounts/login/", {"username": person.email, "password": "sai"}, **meta)


def login(client, person, **meta):
    return client.post("/accounts/login/", {"username": person.email, "password": "mat-khau-123"}, **meta)


def test_a_guesser_behind_the_balancer_does_not_lock_out_the_owner(client, person, behind_one_proxy):
    for _ in range(5):
        guess(client, person, **via_balancer("198.51.100.7"))
    assert login(client, person, **via_balancer("198.51.100.7")).status_code == 429
    assert login(client, person, **via_balancer("203.0.113.20")).status_code == 302


def test_a_guesser_cannot_escape_the_lockout_by_writing_x_forwarded_for(client, person, behind_one_proxy):
    for n in range(5):
        guess(client, person, **via_balancer("198.51.100.7", sent_by_client=f"192.0.2.{n}"))
    response = login(client, person, **via_balancer("198.51.100.7", sent_by_client="192.0.2.99"))
    assert response.status_code == 429


def test_without_a_proxy_x_forwarded_for_is_ignored_for_lockout(client, person):
    for n in range(5):
        guess(client, person, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert login(client, person, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def verify(client, **meta):
    return client.get(f"/verify/{CODE}/", **meta).status_code


def test_each_client_behind_the_balancer_has_its_own_verify_budget(client, db, home, behind_one_proxy):
    statuses = [verify(client, **via_balancer("198.51.100.7")) for _ in range(VERIFY_LIMIT + 1)]
    assert statuses[-1] == 429
    assert verify(client, **via_balancer("203.0.113.20")) == 404  # a neighbour in the same province office


def test_verify_budget_cannot_be_renewed_by_writing_x_forwarded_for(client, db, home, behind_one_proxy):
    for n in range(VERIFY_LIMIT):
        verify(client, **via_balancer("198.51.100.7", sent_by_client=f"192.0.2.{n}"))
    assert verify(client, **via_balancer("198.51.100.7", sent_by_client="192.0.2.250")) == 429


def test_without_a_proxy_verify_ignores_x_forwarded_for(client, db, home):
    for n in range(VERIFY_LIMIT):
        verify(client, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert verify(client, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="192.0.2.250") == 429
