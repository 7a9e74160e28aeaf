"""A warm lesson page costs one round trip to the cache and no query, and is still the right page.

The throughput itself is measured by bench/lesson_page.py (PostgreSQL, Redis, gunicorn); these
tests hold what makes it fast, and what must stay true while it is.
"""

import re
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from core import page_cache
from courses.models import LessonCompletion
from courses.progress import enrolment_cache_key
from courses.services import lesson_complete

pytestmark = pytest.mark.django_db

LOGGED_IN = 'action="/accounts/logout/"'


@pytest.fixture
def steady(monkeypatch):
    """The steady state: within the few seconds for which the content version's copy is trusted."""

    monkeypatch.setattr(page_cache, "VERSION_TRUST_SECONDS", 3600)


def _enrolled(learner, tree, done=2):
    for lesson in tree.lessons[:done]:
        lesson_complete(user=learner, lesson=lesson)


def test_warm_lesson_page_runs_no_query_and_one_cache_round_trip(
    client, course_tree, learner, steady, cache_calls, django_assert_num_queries
):
    _enrolled(learner, course_tree)
    client.force_login(learner)
    url = course_tree.lessons[2].url
    client.get(url)
    client.get(url)  # the second request learns what this session reads
    cache_calls.clear()
    with django_assert_num_queries(0):
        response = client.get(url)
    html = response.content.decode()
    assert LOGGED_IN in html and 'aria-valuenow="33"' in html
    # Session, user, enrolment and content version in one get_many; route, page and progress
    # come from the process's memory.
    assert cache_calls == ["get_many"], cache_calls


def test_the_cached_page_is_the_page_rendered_in_full(client, course_tree, learner, steady):
    _enrolled(learner, course_tree)
    client.force_login(learner)
    url = course_tree.lessons[2].url
    client.get(url)
    cached = client.get(url).content.decode()
    # A query string is never served from the rendered-page cache: this one is rendered in full.
    full = client.get(url + "?from=test").content.decode()

    def comparable(html: str) -> str:
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "csrf", html)
        return html.replace("?from=test", "")

    assert comparable(cached) == comparable(full)
    assert "Đánh dấu hoàn thành" in cached or "Mark as complete" in cached


def test_a_page_cached_for_one_learner_carries_the_next_one_s_own_csrf_token(
    course_tree, learner, other_learner, steady
):
    """Two learners with the same lessons done share one rendered page; its forms still work for each."""
    _enrolled(learner, course_tree)
    _enrolled(other_learner, course_tree)
    url = course_tree.lessons[2].url
    first = Client(enforce_csrf_checks=True)
    first.force_login(learner)
    first.get(url)
    second = Client(enforce_csrf_checks=True)
    second.force_login(other_learner)
    html = second.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = second.post(f"/lessons/{course_tree.lessons[2].pk}/complete/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert LessonCompletion.objects.filter(enrollment__user=other_learner, lesson=course_tree.lessons[2]).exists()
    assert 'aria-valuenow="50"' in second.get(url).content.decode()
    assert 'aria-valuenow="33"' in first.get(url).content.decode()  # the first learner's page is unchanged


def test_a_message_is_shown_once_on_a_cached_lesson_page(client, course_tree, learner, steady):
    client.force_login(learner)
    first_lesson = course_tree.lessons[0].url
    client.get(first_lesson)  # the visitor's page is cached now
    response = client.post(f"/courses/{course_tree.course.pk}/enroll/", follow=True)
    assert response.redirect_chain[-1][0] == first_lesson
    html = response.content.decode()
    assert 'class="messages"' in html
    assert 'class="messages"' not in client.get(first_lesson).content.decode()


def test_a_completion_removed_in_the_admin_shows_at_once(client, course_tree, learner, steady):
    _enrolled(learner, course_tree)
    client.force_login(learner)
    url = course_tree.lessons[2].url
    assert 'aria-valuenow="33"' in client.get(url).content.decode()
    LessonCompletion.objects.filter(enrollment__user=learner, lesson=course_tree.lessons[1]).delete()
    assert 'aria-valuenow="16"' in client.get(url).content.decode()


def test_a_cached_enrolment_older_than_a_minute_is_read_again(client, course_tree, learner, steady):
    """A Redis restored from an older snapshot (or a drop lost while it was away) is outlived within a minute."""

    _enrolled(learner, course_tree)
    client.force_login(learner)
    url = course_tree.lessons[2].url
    assert 'aria-valuenow="33"' in client.get(url).content.decode()
    key = enrolment_cache_key(learner.pk, course_tree.course.pk)
    written_at, enrollment = cache.get(key)
    lesson_complete(user=learner, lesson=course_tree.lessons[2])
    # The snapshot brings back the entry as it was before the completion…
    cache.set(key, (written_at, enrollment))
    assert 'aria-valuenow="33"' in client.get(url).content.decode()  # …trusted within the minute…
    cache.set(key, (written_at - page_cache.TRUST_SECONDS, enrollment))
    assert 'aria-valuenow="50"' in client.get(url).content.decode()  # …and read again after it


def test_staff_get_their_own_page_not_the_learners_cached_one(client, course_tree, learner, trainer, steady):
    client.force_login(learner)
    url = course_tree.lessons[0].url
    client.get(url)
    client.get(url)
    client.force_login(trainer)
    html = client.get(url).content.decode()
    assert 'href="/admin/"' in html  # the menu's link to the admin, for staff only


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's connection check")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_connection_the_server_closed_is_replaced_before_the_next_request():
    """Django's connection health check (CONN_HEALTH_CHECKS) replaces a connection PostgreSQL ended."""
    import psycopg
    from django.db import close_old_connections

    from accounts.models import User

    User.objects.count()
    close_old_connections()  # a request ends; the next one checks the connection before its first query
    pid = connection.connection.info.backend_pid
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"], port=settings["PORT"], user=settings["USER"], dbname=settings["NAME"], autocommit=True
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    time.sleep(0.2)
    assert User.objects.count() >= 0  # no error: a new connection answered
    assert connection.connection.info.backend_pid != pid
