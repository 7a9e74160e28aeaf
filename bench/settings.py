"""Production settings served over plain HTTP on loopback, plus a bare view to compare against."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")

from lms.settings.production import *  # noqa: E402, F403
from lms.settings.production import TEMPLATES  # noqa: E402

ROOT_URLCONF = "bench.urls"
DEMO_DATA_ALLOWED = True  # a bench's database is a throwaway one, loaded with the demo
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
TEMPLATES[0]["DIRS"].append(os.path.join(os.path.dirname(__file__), "templates"))
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
