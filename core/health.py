"""`/health/`: what a monitor or systemd asks every minute. Database, cache, broker, and how long ago a worker
and beat last recorded their heartbeat (`core.heartbeats`), as JSON: 200 when all are well, 503 when one is not.

Cheap and anonymous: one query, one cache write and read, one broker connection; no template, no session, no
user, no host names. It answers before every other middleware (first in MIDDLEWARE), so a monitor on the
machine itself can ask gunicorn directly (`curl --unix-socket /run/lms/web.sock http://localhost/health/`)
without an allowed host name or HTTPS; nginx lets only local addresses reach it from outside
(deploy/nginx/lms.conf).
"""

import json
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import Max
from django.http import HttpResponse
from django.utils import timezone

from .heartbeats import STALE_AFTER, Heartbeat

PATH = "/health/"
BROKER_TIMEOUT = 2  # seconds to connect to the broker before calling it down


def _database_and_heartbeats() -> tuple[dict, dict]:
    """The database check, and each kind's last heartbeat (None: never), in one query."""
    try:
        last = dict(Heartbeat.objects.values_list("kind").annotate(last=Max("last_seen")).order_by())
    except DatabaseError as error:
        return {"ok": False, "error": type(error).__name__}, {}
    return {"ok": True}, last


def _cache() -> dict:
    # The production cache ignores Redis errors (lms/settings/base.py): a write that does not read back is the sign.
    token = secrets.token_hex(8)
    try:
        cache.set("health:probe", token, 30)
        ok = cache.get("health:probe") == token
    except Exception as error:  # noqa: BLE001 - any cache backend's failure is a failed check
        return {"ok": False, "error": type(error).__name__}
    return {"ok": ok}


def _broker() -> dict:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "used": False}  # tasks run in the request: no broker to reach
    from kombu import Connection

    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=BROKER_TIMEOUT) as connection:
            connection.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT)
            connection.default_channel  # noqa: B018 - opening a channel talks to the server (Redis: PING)
    except Exception as error:  # noqa: BLE001 - any transport's failure is a failed check
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True}


def _freshness(last_seen, *, needed: bool) -> dict:
    if not needed:
        return {"ok": True, "used": False}
    if last_seen is None:
        return {"ok": False, "age_seconds": None}
    age = timezone.now() - last_seen
    return {"ok": age <= STALE_AFTER, "age_seconds": int(age.total_seconds())}


def health_report() -> dict:
    database, last = _database_and_heartbeats()
    background = not settings.CELERY_TASK_ALWAYS_EAGER  # with a broker, a worker and beat must be alive
    checks = {
        "database": database,
        "cache": _cache(),
        "broker": _broker(),
        "worker": _freshness(last.get(Heartbeat.WORKER), needed=background)
        if database["ok"]
        else {"ok": False, "age_seconds": None},
        "beat": _freshness(last.get(Heartbeat.BEAT), needed=background)
        if database["ok"]
        else {"ok": False, "age_seconds": None},
    }
    return {
        "status": "ok" if all(c["ok"] for c in checks.values()) else "fail",
        "stale_after_seconds": int(STALE_AFTER.total_seconds()),
        "checks": checks,
    }


def health_response() -> HttpResponse:
    report = health_report()
    response = HttpResponse(
        json.dumps(report), content_type="application/json", status=200 if report["status"] == "ok" else 503
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers `/health/` (GET or HEAD) before any other middleware: no host check, HTTPS redirect or session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH and request.method in ("GET", "HEAD"):
            return health_response()
        return self.get_response(request)
