"""Tests: fast hashing, in-memory mail, tasks in-process unless a test starts a worker."""

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = False
DEMO_DATA_ALLOWED = True  # tests load the demo although DEBUG is off (a test proves production refuses it)
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CELERY_TASK_ALWAYS_EAGER = True
AXES_ENABLED = True
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL = WAGTAILADMIN_BASE_URL
# Tests start without areas and build those they need (tests/conftest.py); tests of the refusal turn it on.
AREAS_REQUIRED = False
