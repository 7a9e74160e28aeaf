"""/health/: database, cache, broker, worker and beat as JSON, 200 when all are well and 503 when one is not."""

import datetime
import json

import environ
import pytest
from django.db import OperationalError
from django.utils import timezone

from core.heartbeats import Heartbeat, heartbeat_record
from lms.settings.base import cache_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_broker(settings):
    """As production runs: tasks go to a broker (a real Redis when the run has one), a worker and beat must beat."""
    import os

    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "memory://"
    return settings


def _alive(minutes_ago: float = 0):
    for kind in (Heartbeat.WORKER, Heartbeat.BEAT):
        heartbeat_record(kind=kind, hostname=f"{kind}@lms-1")
    Heartbeat.objects.update(last_seen=timezone.now() - datetime.timedelta(minutes=minutes_ago))


def test_healthy_with_a_fresh_worker_and_beat(with_broker, client, django_assert_num_queries):
    _alive(minutes_ago=1)
    with django_assert_num_queries(1):
        response = client.get("/health/")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json" and response["Cache-Control"] == "no-store"
    report = json.loads(response.content)
    assert report["status"] == "ok"
    assert set(report["checks"]) == {"database", "cache", "broker", "worker", "beat"}
    assert 50 <= report["checks"]["worker"]["age_seconds"] <= 70
    assert "lms-1" not in response.content.decode()  # no host names, nothing about anyone


@pytest.mark.parametrize("kind", [Heartbeat.WORKER, Heartbeat.BEAT])
def test_a_stale_or_missing_heartbeat_is_unhealthy(with_broker, client, kind):
    _alive(minutes_ago=1)
    Heartbeat.objects.filter(kind=kind).update(last_seen=timezone.now() - datetime.timedelta(minutes=6))
    response = client.get("/health/")
    assert response.status_code == 503
    report = json.loads(response.content)
    assert report["status"] == "fail" and not report["checks"][kind]["ok"]
    assert report["checks"][kind]["age_seconds"] >= 360

    Heartbeat.objects.filter(kind=kind).delete()
    report = json.loads(client.get("/health/").content)
    assert report["checks"][kind] == {"ok": False, "age_seconds": None}


def test_the_cache_down_is_unhealthy(with_broker, client, settings):
    _alive()
    settings.CACHES = cache_settings(environ.Env.cache_url_config("rediscache://127.0.0.1:1/0"))
    response = client.get("/health/")
    assert response.status_code == 503
    checks = json.loads(response.content)["checks"]
    assert not checks["cache"]["ok"] and checks["database"]["ok"]


def test_the_broker_down_is_unhealthy(with_broker, client):
    _alive()
    with_broker.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    response = client.get("/health/")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["broker"]["ok"] is False


def test_the_database_down_is_unhealthy(with_broker, client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.models.query.QuerySet._fetch_all", refuse)
    response = client.get("/health/")
    assert response.status_code == 503
    checks = json.loads(response.content)["checks"]
    assert checks["database"] == {"ok": False, "error": "OperationalError"}
    assert not checks["worker"]["ok"] and not checks["beat"]["ok"]


def test_without_a_broker_no_worker_is_expected(client, settings):
    """Development and the demo run tasks in the request: nothing to beat."""
    assert settings.CELERY_TASK_ALWAYS_EAGER
    response = client.get("/health/")
    assert response.status_code == 200
    assert json.loads(response.content)["checks"]["worker"] == {"ok": True, "used": False}


def test_a_local_monitor_needs_no_host_name_nor_https(with_broker, client, settings):
    """Production's host check and HTTPS redirect do not stand between a monitor on the machine and /health/."""
    _alive()
    settings.ALLOWED_HOSTS = ["lms.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/health/", HTTP_HOST="localhost")
    assert response.status_code == 200
    # Every other path still gets both.
    assert client.get("/", HTTP_HOST="localhost").status_code == 400
    assert client.get("/", HTTP_HOST="lms.example.org").status_code == 301
    # Only GET and HEAD; nothing else under that path skips the checks.
    assert client.post("/health/", HTTP_HOST="localhost").status_code == 400
