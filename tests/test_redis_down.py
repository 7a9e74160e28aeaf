"""With Redis unreachable the site is slower, not down: everything is read again from PostgreSQL."""

import datetime
import os

import environ
import pytest
from django.core.cache import cache

from accounts import sessions
from core import page_cache
from courses.services import lesson_complete
from lms.settings.base import cache_settings

pytestmark = pytest.mark.django_db

LOGGED_IN = 'action="/accounts/logout/"'


@pytest.fixture
def redis_down(settings):
    """The production cache configuration, pointed at a port where no Redis listens."""
    settings.CACHES = cache_settings(environ.Env.cache_url_config("rediscache://127.0.0.1:1/0"))
    assert cache.get("anything") is None  # no exception: the failure is ignored…
    return settings


def test_pages_login_and_logout_work_without_redis(redis_down, client, home, course_tree, learner, caplog):
    assert client.get("/").status_code == 200
    assert "aria-valuenow" not in client.get(course_tree.lessons[1].url).content.decode()

    response = client.post("/accounts/login/", {"username": "LEARNER@example.org", "password": "pass-word-123"})
    assert response.status_code == 302
    lesson_complete(user=learner, lesson=course_tree.lessons[0])
    response = client.get(course_tree.lessons[1].url)
    html = response.content.decode()
    assert response.status_code == 200 and LOGGED_IN in html and 'aria-valuenow="16"' in html

    assert client.post("/accounts/logout/").status_code == 302
    html = client.get(course_tree.lessons[1].url).content.decode()
    assert LOGGED_IN not in html and "/accounts/login/?next=" in html
    # …but it is logged.
    assert any(record.name == "django_redis.cache" for record in caplog.records)


def test_unpublishing_without_redis_takes_effect(redis_down, client, course_tree):
    lesson = course_tree.lessons[0]
    assert client.get(lesson.url).status_code == 200
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_a_logged_out_session_is_not_revived_by_a_restored_cache(client, course_tree, learner):
    client.force_login(learner)
    session_key = client.session.session_key
    cache_key = sessions.SessionStore.cache_key_prefix + session_key
    assert LOGGED_IN in client.get(course_tree.lessons[0].url).content.decode()
    written_at, data = cache.get(cache_key)

    client.post("/accounts/logout/")
    # Redis comes back from a snapshot taken before the logout: the entry is there again, as it
    # was when written (a snapshot older than TRUST_SECONDS; a younger one still holds it unexpired).
    cache.set(cache_key, (written_at - page_cache.TRUST_SECONDS, data))
    client.cookies["sessionid"] = session_key
    assert LOGGED_IN not in client.get(course_tree.lessons[0].url).content.decode()
    assert client.get("/my-learning/").status_code == 302


def test_the_verify_throttle_holds_without_redis(redis_down, client, monkeypatch):
    """Counted in PostgreSQL meanwhile: the same limit for every web process, never an error page."""
    from django.utils import timezone

    from accounts import tasks
    from accounts.models import ThrottleCount
    from trainers.views import VERIFY_LIMIT

    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)  # all within one minute's window, however slow the machine

    statuses = [client.get("/verify/KHONGCOMA12345/").status_code for _ in range(VERIFY_LIMIT + 2)]
    assert statuses[:VERIFY_LIMIT] == [404] * VERIFY_LIMIT and statuses[-2:] == [429, 429]
    # Per address: someone else is not refused.
    assert client.get("/verify/KHONGCOMA12345/", REMOTE_ADDR="203.0.113.9").status_code == 404
    # The addresses counted meanwhile are forgotten once their window is over.
    assert ThrottleCount.objects.count() == 2
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(minutes=2))
    assert [tasks.forget_throttle_counts.delay().get() for _ in range(2)] == [2, 0]


@pytest.fixture
def redis_refuses_writes(monkeypatch):
    """Redis answers reads but refuses every write (a full disk, maxmemory, a replica), as django-redis reports it:
    writes and deletes answer None instead of raising (IGNORE_EXCEPTIONS), and nothing changes."""
    from django.core.cache import caches

    backend = caches["default"]

    def refuse():
        for name in ("set", "add", "delete", "set_many", "delete_many", "incr", "touch", "clear"):
            monkeypatch.setattr(backend, name, lambda *args, **kwargs: None)

    return refuse


def test_a_logout_while_redis_refuses_writes_ends_the_session(client, course_tree, learner, redis_refuses_writes):
    client.force_login(learner)
    session_key = client.session.session_key
    assert LOGGED_IN in client.get(course_tree.lessons[0].url).content.decode()
    assert client.get("/my-learning/").status_code == 200  # the session and the user are in the cache now

    redis_refuses_writes()
    assert client.post("/accounts/logout/").status_code == 302
    # The cache still holds the session's entry (its delete was refused): the old cookie, replayed at once,
    # must not bring it back.
    assert cache.get(sessions.SessionStore.cache_key_prefix + session_key) is not None
    client.cookies["sessionid"] = session_key
    assert LOGGED_IN not in client.get(course_tree.lessons[0].url).content.decode()
    assert client.get("/my-learning/").status_code == 302


@pytest.mark.skipif(
    not os.environ.get("CACHE_URL", "").startswith("rediscache://"), reason="needs Redis: run under scripts/services.sh"
)
def test_a_logout_while_a_real_redis_refuses_writes_ends_the_session(client, course_tree, learner):
    """The same with Redis itself refusing writes (NOREPLICAS) while it answers reads."""
    from redis import Redis

    client.force_login(learner)
    session_key = client.session.session_key
    assert client.get("/my-learning/").status_code == 200
    redis = Redis.from_url(os.environ["CACHE_URL"].replace("rediscache://", "redis://"))
    redis.config_set("min-replicas-to-write", 1)
    try:
        assert client.post("/accounts/logout/").status_code == 302
        assert cache.get(sessions.SessionStore.cache_key_prefix + session_key) is not None  # still there
        client.cookies["sessionid"] = session_key
        assert client.get("/my-learning/").status_code == 302
    finally:
        redis.config_set("min-replicas-to-write", 0)
