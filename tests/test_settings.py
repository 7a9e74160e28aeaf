"""Production settings fail fast, never silently degrade, and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECRET = "x7&Lq2-very-long-random-production-secret-0123456789abcdef"
TEMPLATE = ROOT / "deploy" / "lms.env.example"
# What every production start needs besides the secret and the host names (checks never connect to them).
OTHERS = {"DATABASE_URL": "postgres://lms:pass-word@127.0.0.1:5432/lms", "SITE_URL": "https://lms.example.org"}
SHARED = {"CACHE_URL": "rediscache://127.0.0.1:6379/1", "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0", **OTHERS}


def template_values() -> dict[str, str]:
    """deploy/lms.env.example as systemd reads it (KEY=VALUE lines, comments skipped)."""
    lines = TEMPLATE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if line[:1].isupper() and "=" in line)


# Only what production would have: no test-only switches, none of the service URLs that a
# PostgreSQL + Redis run exports, nor any other variable of the template, so each test states
# exactly what is configured.
STRIPPED = ("DJANGO_ALLOW_ASYNC_UNSAFE", *template_values())


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
        ("CACHE_URL", {"CELERY_BROKER_URL": SHARED["CELERY_BROKER_URL"], **OTHERS}),
        ("CACHE_URL", {**SHARED, "CACHE_URL": "locmemcache://"}),
        ("CELERY_BROKER_URL", {"CACHE_URL": SHARED["CACHE_URL"], **OTHERS}),
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
        ALLOWED_HOSTS="lms.example.org",
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
    env = {
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "DJANGO_SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1",
        **SHARED,
    }
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
        **OTHERS,
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


# --- Every variable of the template works as its comment says; every mistake names itself and the fix ---

PRODUCTION = {"DJANGO_SETTINGS_MODULE": "lms.settings.production", "DJANGO_SECRET_KEY": SECRET}
LOAD = "from django.conf import settings; print(settings.EMAIL_BACKEND, settings.EMAIL_FILE_PATH)"


def filled_template(**changes) -> dict[str, str]:
    """The template with its CHANGE-ME secret replaced, as an IT office fills it in, plus `changes`."""
    values = template_values()
    values["DJANGO_SECRET_KEY"] = SECRET
    return {**values, **changes}


def test_the_filled_in_template_passes_the_deploy_check():
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], **filled_template())
    assert result.returncode == 0, result.stderr[-3000:]
    assert "smtp.EmailBackend" in run([sys.executable, "-c", LOAD], **filled_template()).stdout


def test_an_empty_email_url_keeps_the_messages(tmp_path):
    """EMAIL_URL= as the template allows: the commands run, and sendtestemail's message is kept as a file."""
    kept = tmp_path / "kept"
    values = filled_template(EMAIL_URL="", EMAIL_FILE_PATH=str(kept), PRIVATE_MEDIA_ROOT=str(tmp_path))
    loaded = run([sys.executable, "-c", LOAD], **values)
    assert loaded.stdout.split() == ["django.core.mail.backends.filebased.EmailBackend", str(kept)], loaded.stderr
    sent = run([sys.executable, "manage.py", "sendtestemail", "it@example.org"], **values)
    assert sent.returncode == 0, sent.stderr[-3000:]
    (message,) = kept.iterdir()
    assert "To: it@example.org" in message.read_text()
    # Without EMAIL_FILE_PATH the messages go next to the certificates, where the services may write.
    values.pop("EMAIL_FILE_PATH")
    assert run([sys.executable, "-c", LOAD], **values).stdout.split()[1] == f"{tmp_path}/kept-mail"


def test_development_keeps_messages_too_when_email_url_is_empty():
    result = run([sys.executable, "-c", LOAD], DJANGO_SETTINGS_MODULE="lms.settings.dev", EMAIL_URL="")
    assert result.stdout.split()[0] == "django.core.mail.backends.filebased.EmailBackend", result.stderr


@pytest.mark.parametrize(
    "variable, value, fix",
    [
        ("DJANGO_SECRET_KEY", "CHANGE-ME", "at least 50 random characters"),
        ("DJANGO_SECRET_KEY", "short-secret", "at least 50 random characters"),
        ("ALLOWED_HOSTS", "", "the site's host name"),
        ("ALLOWED_HOSTS", "https://lms.example.org", "host names only"),
        ("SITE_URL", "", "with https://"),
        ("SITE_URL", "lms.example.org", "with https://"),
        ("DATABASE_URL", "", "postgres://USER:PASSWORD@HOST:5432/NAME"),
        ("DATABASE_URL", "postgress://lms:pass-word@127.0.0.1/lms", "postgres://USER:PASSWORD@HOST:5432/NAME"),
        ("DATABASE_URL", "sqlite:////srv/lms/db.sqlite3", "postgres://USER:PASSWORD@HOST:5432/NAME"),
        ("DATABASE_URL", "postgres://lms:pass-word@127.0.0.1:54x/lms", "postgres://USER:PASSWORD@HOST:5432/NAME"),
        ("DB_CONN_MAX_AGE", "sixty", "a whole number"),
        ("DATABASE_REPLICA_URL", "postgress://lms:pass-word@127.0.0.2/lms", "PostgreSQL hot standby"),
        ("DATABASE_REPLICA_URL", "sqlite:////srv/lms/db.sqlite3", "PostgreSQL hot standby"),
        ("DATABASE_REPLICA_MAX_LAG", "-5", "seconds a replica may be behind"),
        ("DATABASE_REPLICA_MAX_LAG", "half a minute", "a number"),
        ("CACHE_URL", "rediscach://127.0.0.1:6380/0", "rediscache://HOST:PORT/DB"),
        ("CACHE_LAYERS_OFF", "routes", "session, user, enrolment, route, html"),
        ("CELERY_BROKER_URL", "127.0.0.1:6381", "redis://HOST:PORT/DB"),
        ("EMAIL_URL", "smtp+tsl://no-reply%40lms.example.org:pass-word@smtp.example.org:587", "smtp+tls://"),
        ("DEFAULT_FROM_EMAIL", "ToT LMS", "an address"),
        ("PRIVATE_MEDIA_ACCEL_REDIRECT", "protected", "starts and ends with /"),
        ("MEDIA_ORIGINS", "media.example.org", "origins with their scheme"),
        ("TRUSTED_PROXY_COUNT", "-1", "the number of proxies"),
        ("TRUSTED_PROXY_COUNT", "one", "a whole number"),
        ("SECURE_SSL_REDIRECT", "maybe", "True or False"),
        ("SECURE_COOKIES", "yes please", "True or False"),
        ("SECURE_HSTS_SECONDS", "1y", "a whole number"),
        ("LOG_LEVEL", "VERBOSE", "DEBUG, INFO, WARNING or ERROR"),
    ],
)
def test_a_wrong_value_names_its_variable_and_the_fix(variable, value, fix):
    result = run([sys.executable, "-c", LOAD], **filled_template(**{variable: value}))
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("django.core.exceptions.ImproperlyConfigured: ") and variable in last, last
    assert fix in last, last
    assert "pass-word" not in result.stderr  # a URL's password is never shown


def test_production_refuses_certificates_without_an_issuing_body():
    """trainers.models.issuing_body_require checks this setting: on in production, off in development."""
    read = "from django.conf import settings; print(settings.CERTIFICATE_ISSUER_REQUIRED)"
    assert run([sys.executable, "-c", read], **filled_template()).stdout.split() == ["True"]
    assert run([sys.executable, "-c", read], DJANGO_SETTINGS_MODULE="lms.settings.dev").stdout.split() == ["False"]


@pytest.mark.parametrize(
    ("variable", "value", "fix"),
    [
        ("NOTIFICATION_PHONE_CHANNEL", "viber", "sms or zalo"),
        ("ZALO_ZNS_TEMPLATES", '{"enrolled": ', "a valid value"),
        ("ZALO_ZNS_TEMPLATES", '["250001"]', "a JSON object"),
    ],
)
def test_a_wrong_phone_channel_setting_names_its_variable(variable, value, fix):
    result = run(
        [sys.executable, "-c", "import django; django.setup()"],
        DJANGO_SETTINGS_MODULE="lms.settings.dev",
        **{variable: value},
    )
    assert result.returncode != 0 and "ImproperlyConfigured" in result.stderr
    assert variable in result.stderr and fix in result.stderr


def test_a_replica_for_the_reports_is_read_from_the_environment_and_never_migrated():
    read = (
        "from django.conf import settings; from django.db import router; r = settings.DATABASES.get('replica') or {}; "
        "print(r.get('HOST'), r.get('OPTIONS', {}).get('connect_timeout'), settings.DATABASE_REPLICA_MAX_LAG, "
        "router.allow_migrate('replica', 'reports'))"
    )
    replica = "postgres://lms:pass-word@10.0.0.2:5432/lms"
    given = filled_template(DATABASE_REPLICA_URL=replica, DATABASE_REPLICA_MAX_LAG="12.5")
    assert run([sys.executable, "-c", read], **given).stdout.split() == ["10.0.0.2", "2", "12.5", "False"]
    assert run([sys.executable, "-c", read], **filled_template()).stdout.split() == ["None", "None", "30.0", "False"]
