"""Tests: fast hashing, in-memory mail, tasks in-process unless a test starts a worker."""

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES

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
# The suite reads from the primary alone, whatever the environment says: most tests run inside a transaction that a
# replica never sees. tests/reports/test_replica.py adds a real standby itself (LMS_TEST_REPLICA_URL).
DATABASES.pop("replica", None)
