"""Production: everything from the environment; refuse to start rather than silently degrade."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import cache_settings, env

DEBUG = False
# The demo accounts share a password published in the README: `load_demo_data` refuses them here
# unless given --allow-production (its --curriculum-only makes no account and is always allowed).
DEMO_DATA_ALLOWED = False
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Where collectstatic puts the files nginx serves (deploy/nginx/lms.conf), outside the code checkout.
STATIC_ROOT = env.path("STATIC_ROOT", default=str(STATIC_ROOT))  # noqa: F405


def _required(name: str, why: str, refused_prefixes: tuple[str, ...] = ()) -> str:
    """The variable's value; ImproperlyConfigured when it is missing or names a per-process stand-in."""
    value = env.str(name, default="")
    if not value or value.startswith(refused_prefixes):
        raise ImproperlyConfigured(f"{name} must be set in production: {why}")
    return value


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
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Every ignored cache error while Redis is away (lms/logging.py).
    "loggers": {"django_redis.cache": {"filters": ["once_a_minute"]}},
}
