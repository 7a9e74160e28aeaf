"""Production settings fail fast, never silently degrade, and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECRET = "x7&Lq2-very-long-random-production-secret-0123456789abcdef"
SHARED = {"CACHE_URL": "rediscache://127.0.0.1:6379/1", "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0"}
# Only what production would have: no test-only switches, and none of the service URLs that a
# PostgreSQL + Redis run exports, so each test states exactly what is configured.
STRIPPED = (
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
    "CACHE_URL",
    "CELERY_BROKER_URL",
)


def run(args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in STRIPPED}
    environment.update(env)
    return subprocess.run(args, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)


def run_manage(*args, **env):
    return run([sys.executable, "manage.py", *args], DJANGO_SETTINGS_MODULE="lms.settings.production", **env)


def test_production_refuses_to_start_without_a_secret():
    result = run_manage("check", **SHARED)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    "missing, given",
    [
        ("CACHE_URL", {"CELERY_BROKER_URL": SHARED["CELERY_BROKER_URL"]}),
        ("CACHE_URL", {**SHARED, "CACHE_URL": "locmemcache://"}),
        ("CELERY_BROKER_URL", {"CACHE_URL": SHARED["CACHE_URL"]}),
        ("CELERY_BROKER_URL", {**SHARED, "CELERY_BROKER_URL": "memory://"}),
    ],
    ids=["no-cache", "per-process-cache", "no-broker", "in-memory-broker"],
)
def test_production_refuses_a_per_process_cache_or_in_request_tasks(missing, given):
    result = run_manage("check", DJANGO_SECRET_KEY=SECRET, ALLOWED_HOSTS="lms.example.org", **given)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{missing} must be set in production" in result.stderr


def test_production_passes_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=SECRET,
        ALLOWED_HOSTS="lms.example.org",
        **SHARED,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "code",
    [
        "import lms.wsgi; from django.conf import settings; print(settings.SETTINGS_MODULE)",
        "from lms.celery import app; app.conf.task_always_eager; "
        "from django.conf import settings; print(settings.SETTINGS_MODULE, app.conf.task_always_eager)",
    ],
    ids=["gunicorn", "celery"],
)
def test_web_and_worker_processes_default_to_production(code):
    """gunicorn and celery, started without DJANGO_SETTINGS_MODULE, run production or nothing."""
    refused = run([sys.executable, "-c", code], **SHARED)
    assert refused.returncode != 0 and "DJANGO_SECRET_KEY must be set" in refused.stderr
    started = run([sys.executable, "-c", code], DJANGO_SECRET_KEY=SECRET, ALLOWED_HOSTS="lms.example.org", **SHARED)
    assert started.returncode == 0, started.stderr
    assert started.stdout.split()[0] == "lms.settings.production"
    if "celery" in code:
        assert started.stdout.split()[1] == "False"  # tasks go to the broker


def test_production_sends_a_content_security_policy_and_a_permissions_policy():
    code = (
        "import django; django.setup(); from django.test import RequestFactory; "
        "from django.http import HttpResponse; from django.conf import settings; "
        "from csp.middleware import CSPMiddleware; "
        "from django_permissions_policy import PermissionsPolicyMiddleware; "
        "r = PermissionsPolicyMiddleware(CSPMiddleware(lambda q: HttpResponse()))(RequestFactory().get('/')); "
        "print(r['Content-Security-Policy']); print(r['Permissions-Policy']); "
        "print(all(m in settings.MIDDLEWARE for m in ('csp.middleware.CSPMiddleware', "
        "'django_permissions_policy.PermissionsPolicyMiddleware')))"
    )
    result = run(
        [sys.executable, "-c", code],
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        DJANGO_SECRET_KEY=SECRET,
        ALLOWED_HOSTS="lms.example.org",
        **SHARED,
    )
    assert result.returncode == 0, result.stderr
    csp, permissions, installed = result.stdout.splitlines()
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "object-src 'none'" in csp and "frame-ancestors 'self'" in csp
    assert "camera=()" in permissions and "geolocation=()" in permissions
    assert installed == "True"


def test_production_reads_the_media_bucket_from_the_environment():
    code = (
        "import django; django.setup(); from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.custom_domain)"
    )
    result = run(
        [sys.executable, "-c", code],
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        DJANGO_SECRET_KEY=SECRET,
        AWS_STORAGE_BUCKET_NAME="lms-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
        **SHARED,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "lms-media", "https://s3.example.org", "media.example.org"]


def test_production_over_http_on_ones_own_machine():
    """The README's recipe: no https redirect and no secure-only cookies, but only when asked."""
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    env = {"DJANGO_SETTINGS_MODULE": "lms.settings.production", "DJANGO_SECRET_KEY": SECRET, **SHARED}
    assert run([sys.executable, "-c", code], **env).stdout.split() == ["True", "True", "True"]
    local = run([sys.executable, "-c", code], SECURE_SSL_REDIRECT="0", SECURE_COOKIES="0", **env)
    assert local.stdout.split() == ["False", "False", "False"], local.stderr


def test_a_redis_outage_is_logged_once_a_minute_not_once_a_request():
    shell = "from django.core.cache import cache\nfor _ in range(200): cache.get('k')\nprint('served')"
    result = run_manage(
        "shell",
        "-c",
        shell,
        DJANGO_SECRET_KEY=SECRET,
        ALLOWED_HOSTS="lms.example.org",
        CACHE_URL="rediscache://127.0.0.1:1/1",  # nothing listens there
        CELERY_BROKER_URL=SHARED["CELERY_BROKER_URL"],
    )
    assert "served" in result.stdout, result.stderr
    assert result.stderr.count("Exception ignored") == 1, result.stderr[-2000:]  # django-redis words it so


def test_the_next_outage_message_says_how_many_were_held_back():
    import logging

    from lms import logging as lms_logging

    once = lms_logging.OncePerInterval(seconds=60)
    once.clock = iter([0.0, 1.0, 2.0, 61.0]).__next__
    records = [
        logging.LogRecord("django_redis.cache", logging.ERROR, "", 0, "Exception ignored", None, None) for _ in range(4)
    ]

    assert [once.filter(r) for r in records] == [True, False, False, True]
    assert records[3].getMessage() == "Exception ignored (2 alike held back in the last 60 s)"
