"""Production: everything from the environment; refuse to start rather than silently degrade."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import cache_settings, env
from .environment import ENV_FILE, FIXES, KEPT_MAIL

DEBUG = False
# The demo accounts share a password published in the README: `load_demo_data` refuses them here
# unless given --allow-production (its --curriculum-only makes no account and is always allowed).
DEMO_DATA_ALLOWED = False

# A certificate that names no issuing body is refused (Settings → Certificate settings, or a district's issuer).
CERTIFICATE_ISSUER_REQUIRED = True
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
_MAKE_SECRET = 'python3 -c "import secrets; print(secrets.token_urlsafe(64))"'
if not SECRET_KEY:
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY must be set in production ({ENV_FILE}): at least 50 random characters, made with "
        f"{_MAKE_SECRET}."
    )
if len(SECRET_KEY) < 50 or "CHANGE-ME" in SECRET_KEY:
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY in {ENV_FILE} is the template's or too short ({len(SECRET_KEY)} characters): replace "
        f"it with at least 50 random characters, made with {_MAKE_SECRET}."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        f"ALLOWED_HOSTS must be set in production ({ENV_FILE}): the site's host name(s) as people type them, "
        "comma-separated, e.g. lms.example.org (every request would be refused with 400)."
    )
env.checked(
    "ALLOWED_HOSTS",
    ",".join(ALLOWED_HOSTS),
    not any("/" in host for host in ALLOWED_HOSTS),
    "host names only, without https:// or a path, e.g. lms.example.org",
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Where collectstatic puts the files nginx serves (deploy/nginx/lms.conf), outside the code checkout.
STATIC_ROOT = env.path("STATIC_ROOT", default=str(STATIC_ROOT))  # noqa: F405


def _required(name: str, why: str, refused_prefixes: tuple[str, ...] = ()) -> str:
    """The variable's value; ImproperlyConfigured when it is missing or names a per-process stand-in."""
    value = env.str(name, default="")
    if not value or value.startswith(refused_prefixes):
        raise ImproperlyConfigured(f"{name} must be set in production: {why}")
    return value


# PostgreSQL, never the development SQLite file: several processes write at once.
_required("DATABASE_URL", FIXES["DATABASE_URL"] + ".")
env.checked(
    "DATABASE_URL",
    env.str("DATABASE_URL"),
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",  # noqa: F405
    FIXES["DATABASE_URL"],
)
# E-mails, QR codes on certificates and the admin link to this address, never to the development default.
_required("SITE_URL", FIXES["SITE_URL"] + " (e-mails and certificate QR codes point there).")
# EMAIL_URL empty or missing: nothing is sent, every message is kept as a file in EMAIL_FILE_PATH.
if not env.str("EMAIL_URL", default="").strip():
    vars().update(KEPT_MAIL)

# Several web processes share lockouts, throttles, sessions and page fragments only through a
# shared cache; a per-process one would let each process keep its own count.
_required(
    "CACHE_URL",
    "a shared cache such as rediscache://host:6379/1 (lockouts, throttles and sessions live there).",
    ("locmemcache:", "dummycache:"),
)
CACHES = cache_settings(env.cache("CACHE_URL"))

# Without a broker, certificates, e-mails and reminders would run inside the web request.
CELERY_BROKER_URL = _required(
    "CELERY_BROKER_URL", "a broker such as redis://host:6379/0 for background tasks.", ("memory:",)
)
CELERY_TASK_ALWAYS_EAGER = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Only for trying these settings over plain http on one's own machine (README): never off in production.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# gunicorn sits behind one TLS proxy (as SECURE_PROXY_SSL_HEADER already trusts): the client is
# the address that proxy appended to X-Forwarded-For, not the proxy itself. Set 2 behind a CDN
# plus a load balancer, 0 when gunicorn faces the internet.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"once_a_minute": {"()": "lms.logging.OncePerInterval", "seconds": 60}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.log_level("LOG_LEVEL", default="INFO")},
    # Every ignored cache error while Redis is away (lms/logging.py), and every report read from the primary while
    # the replica is away or behind (core/db_routers.py): once a minute each.
    "loggers": {
        "django_redis.cache": {"filters": ["once_a_minute"]},
        "core.db_routers": {"filters": ["once_a_minute"]},
    },
}
