"""Settings shared by every environment. Secrets and hosts come from the environment."""

from pathlib import Path

from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage

from .environment import FIXES, Environment

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Every variable is described in deploy/lms.env.example; a wrong value names itself and the fix (environment.py).
env = Environment()

INSTALLED_APPS = [
    # Wiring only (no models): admin templates and hooks that keep Wagtail within our CSP.
    "lms",
    # The ground floor: the project's plumbing, below every other app (core/__init__.py).
    "core",
    "accounts",
    "home",
    "areas",
    "courses",
    "trainers",
    "training",
    "showcase",
    "reports",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAdminConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: /health/ answers a local monitor without host check, HTTPS redirect or session (core/health.py).
    "core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "areas.rollup.OneAreaTreeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.PrivateResponsesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Registration and the reports answer "load the areas" when there are none (lms/areas_required.py).
    "lms.areas_required.AreasRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "areas.admin_views.WagtailReportsForTheProvinceMiddleware",
    # Last, so that a locked-out login is answered after the session and user are known.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"
# Registration and the reports refuse to work without administrative areas (lms/areas_required.py).
AREAS_REQUIRED = True
FORM_RENDERER = "core.forms.FormRenderer"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Keep connections between requests (opening one costs more than a lesson page's queries).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# The page cache's layers (core/page_cache.py), each of which the benchmark (bench/lesson_page.py) can
# turn off to measure what it gives: CACHE_LAYERS_OFF=user,route. All on unless a benchmark says so.
CACHE_LAYERS = ("session", "user", "enrolment", "route", "html")
CACHE_LAYERS_OFF = frozenset(env.list("CACHE_LAYERS_OFF", default=[]))
env.checked(
    "CACHE_LAYERS_OFF",
    ",".join(sorted(CACHE_LAYERS_OFF)),
    CACHE_LAYERS_OFF <= set(CACHE_LAYERS),
    f"nothing (production), or some of {', '.join(CACHE_LAYERS)} separated by commas",
)

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: the reports' large aggregates spent 200-700 ms compiling for queries that run in less.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

# A PostgreSQL streaming replica (a hot standby of DATABASE_URL) the reports and their exports read from, with the
# primary as the fallback when it is missing, unreachable or more than DATABASE_REPLICA_MAX_LAG seconds behind
# (core/db_routers.py). Empty: none, the primary serves everything.
DATABASE_ROUTERS = ["core.db_routers.ReportsReplicaRouter"]  # the alias "replica" is its REPLICA
if env.str("DATABASE_REPLICA_URL", default="").strip():
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    env.checked(
        "DATABASE_REPLICA_URL",
        env.str("DATABASE_REPLICA_URL"),
        DATABASES["replica"]["ENGINE"] == DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql",
        FIXES["DATABASE_REPLICA_URL"],
    )
    DATABASES["replica"].update(CONN_MAX_AGE=DATABASES["default"]["CONN_MAX_AGE"], CONN_HEALTH_CHECKS=True)
    # A replica that does not answer within 2 s is passed over for the primary rather than holding the report up.
    DATABASES["replica"].setdefault("OPTIONS", {}).update(options="-c jit=off", connect_timeout=2)
DATABASE_REPLICA_MAX_LAG = env.float("DATABASE_REPLICA_MAX_LAG", default=30.0)
env.checked(
    "DATABASE_REPLICA_MAX_LAG",
    DATABASE_REPLICA_MAX_LAG,
    DATABASE_REPLICA_MAX_LAG >= 0,
    "the seconds a replica may be behind before the reports read from the primary, e.g. 30",
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out login before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.EmailOrPhoneBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Five wrong passwords for one account from one address lock that pair for 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
# Failures count against the account however its e-mail or phone number is typed.
AXES_USERNAME_CALLABLE = "accounts.backends.lockout_username"
# Lockouts and the /verify/ throttle read the client address one way (accounts/addresses.py).
AXES_CLIENT_IP_CALLABLE = "accounts.addresses.client_address"
# How many reverse proxies in front of the app append to X-Forwarded-For. 0: none, so the
# header is ignored (a client could write anything in it).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
env.checked("TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT, TRUSTED_PROXY_COUNT >= 0, "0, 1 or the number of proxies")

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
# Our own catalogue first, so that its wording wins; then our complete Vietnamese catalogue
# for Wagtail's admin, which ships only part of one.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
# One date format per language (dd/mm/yyyy in Vietnamese); templates use |date with a named format.
FORMAT_MODULE_PATH = ["lms.formats"]
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]
# The admin makes no requests to outside services: no Gravatar avatars, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Certificate PDFs: outside MEDIA_ROOT and without a URL, served only by the view that checks who asks.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private_media"))
STORAGES["private"] = {"BACKEND": "trainers.models.certification.PrivateStorage"}
# The province's keys for signing Open Badges credentials (`manage.py credential_keys create`): JWK files outside
# the database and outside git; back them up apart from the database. Empty: PRIVATE_MEDIA_ROOT/keys, read when used.
CREDENTIAL_KEYS_DIR = env.str("CREDENTIAL_KEYS_DIR", default="")
# Production refuses to issue a certificate that would print no issuing body (trainers.models.issuing_body_require);
# development and tests issue them plain so that a fresh checkout works before anyone fills the settings in.
CERTIFICATE_ISSUER_REQUIRED = False
# nginx's `internal` location aliased to PRIVATE_MEDIA_ROOT (e.g. "/protected/"): the view checks, nginx sends.
PRIVATE_MEDIA_ACCEL_REDIRECT = env.str("PRIVATE_MEDIA_ACCEL_REDIRECT", default="")
env.checked(
    "PRIVATE_MEDIA_ACCEL_REDIRECT",
    PRIVATE_MEDIA_ACCEL_REDIRECT,
    not PRIVATE_MEDIA_ACCEL_REDIRECT
    or (PRIVATE_MEDIA_ACCEL_REDIRECT.startswith("/") and PRIVATE_MEDIA_ACCEL_REDIRECT.endswith("/")),
    "a path that starts and ends with /, e.g. /protected/, or nothing",
)
if env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    # An S3-compatible bucket for media, so that several web servers share uploads.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    # django-storages reads these from settings only (the keys it also finds in the environment).
    AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="") or None
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None
    # Private objects under their own prefix; the view streams them (signed URLs are never handed out).
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"location": "private", "default_acl": "private", "file_overwrite": True},
    }

# Sessions live in PostgreSQL; the cache only spares the read (accounts/sessions.py).
SESSION_ENGINE = "accounts.sessions" if "session" not in CACHE_LAYERS_OFF else "django.contrib.sessions.backends.db"


def cache_settings(config: dict) -> dict:
    """A cache that makes pages slower, not down, when Redis is unavailable.

    django-redis answers a miss (and logs it) instead of raising, and gives up on a dead server
    within a second; everything the cache holds can be read again from PostgreSQL.
    """
    if config["BACKEND"].startswith("django_redis."):
        config.setdefault("OPTIONS", {}).update(IGNORE_EXCEPTIONS=True, SOCKET_CONNECT_TIMEOUT=0.5, SOCKET_TIMEOUT=0.5)
    return {"default": config}


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
CACHES = cache_settings(env.cache("CACHE_URL", default="locmemcache://lms"))

# An SMTP server; EMAIL_URL present but empty: nothing is sent, each message is kept as a file in EMAIL_FILE_PATH
# (and, like every message, listed in the admin's outbox). Not set at all (development): printed to the console.
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default="") or f"{PRIVATE_MEDIA_ROOT}/kept-mail"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ToT LMS <no-reply@example.org>")
env.checked(
    "DEFAULT_FROM_EMAIL",
    DEFAULT_FROM_EMAIL,
    "@" in DEFAULT_FROM_EMAIL,
    "an address, e.g. ToT LMS <no-reply@lms.example.org>",
)

# Phone channels of the outbox (trainers/channels): eSMS.vn brandname SMS and Zalo ZNS. A channel without its
# credentials is off: its messages stay pending in the outbox with the reason shown (deploy/lms.env.example).
NOTIFICATION_PHONE_CHANNEL = env.str("NOTIFICATION_PHONE_CHANNEL", default="").strip().lower() or "sms"
env.checked(
    "NOTIFICATION_PHONE_CHANNEL",
    NOTIFICATION_PHONE_CHANNEL,
    NOTIFICATION_PHONE_CHANNEL in {"sms", "zalo"},
    "sms or zalo",
)
CHANNEL_TIMEOUT_SECONDS = env.float("CHANNEL_TIMEOUT_SECONDS", default=10.0)
ESMS_API_URL = env.url_with_scheme(
    "ESMS_API_URL",
    {"http", "https"},
    default="https://rest.esms.vn/MainService.svc/json/SendMultipleMessage_V4_post_json/",
)
ESMS_API_KEY = env.str("ESMS_API_KEY", default="")
ESMS_SECRET_KEY = env.str("ESMS_SECRET_KEY", default="")
ESMS_BRANDNAME = env.str("ESMS_BRANDNAME", default="")
ESMS_SANDBOX = env.bool("ESMS_SANDBOX", default=False)
SMS_UNICODE = env.bool("SMS_UNICODE", default=False)  # False: unaccented text, 160 characters a message
SMS_PRICE_VND = env.int("SMS_PRICE_VND", default=800)  # per message part, for the daily cap
ZALO_ZNS_URL = env.url_with_scheme(
    "ZALO_ZNS_URL", {"http", "https"}, default="https://business.openapi.zalo.me/message/template"
)
ZALO_ACCESS_TOKEN = env.str("ZALO_ACCESS_TOKEN", default="")
# {"<kind>": {"template_id": "<approved id>", "params": {"<ZNS parameter>": "<field, e.g. course.title>"}}}
ZALO_ZNS_TEMPLATES = env.json("ZALO_ZNS_TEMPLATES") if env.str("ZALO_ZNS_TEMPLATES", default="").strip() else {}
env.checked("ZALO_ZNS_TEMPLATES", "…", isinstance(ZALO_ZNS_TEMPLATES, dict), 'a JSON object, e.g. {"enrolled": {…}}')
ZALO_ZNS_PRICE_VND = env.int("ZALO_ZNS_PRICE_VND", default=300)
# What each paid channel may spend a day (VND); reached, its messages wait in the outbox until the next day.
NOTIFICATION_DAILY_CAP_VND = {
    "sms": env.int("SMS_DAILY_CAP_VND", default=200_000),
    "zalo": env.int("ZALO_DAILY_CAP_VND", default=200_000),
}

# Whom a person writes to about their personal data (shown in the privacy notice, /privacy/).
PRIVACY_CONTACT = env.str(
    "PRIVACY_CONTACT", default=DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip() or DEFAULT_FROM_EMAIL
)

CELERY_BROKER_URL = env.url_with_scheme("CELERY_BROKER_URL", {"redis", "rediss", "memory"}, default="memory://")
# Nothing reads task results (every task's effect is in the database): no result backend to wait on.
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = not env.str("CELERY_BROKER_URL", default="").strip()
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # A task not acknowledged within this time is handed out again (its worker died, or Redis restarted under
    # it). Above the longest task (TASK_TIME_LIMIT, 300 s) and the longest retry countdown (retry_backoff_max,
    # 600 s, in trainers/tasks.py): a countdown past it would be redelivered and run twice while still waiting.
    "visibility_timeout": 900,
    # A request that queues a task while Redis is away answers quickly; the outbox sweeper catches up later.
    "socket_connect_timeout": 2,
    "socket_timeout": 10,
    "socket_keepalive": True,
    "retry_on_timeout": True,
    "health_check_interval": 25,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Publishing from a web request: two quick tries, then the caller's fallback (the row waits in the outbox).
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}
# The worker and beat wait out a broker outage of any length, at start-up too, rather than exit.
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# Beat records its own heartbeat as it schedules (core/heartbeats.py).
CELERY_BEAT_SCHEDULER = "lms.celery:HeartbeatScheduler"
CELERY_BEAT_SCHEDULE: dict = {
    # Run exactly one `celery beat`; crontab times are in CELERY_TIMEZONE (Asia/Ho_Chi_Minh).
    "notifications-certificates-issued": {
        "task": "trainers.tasks.queue_certificate_notifications",
        "schedule": crontab(minute="*/5"),
    },
    "notifications-session-reminders": {
        "task": "training.tasks.queue_session_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "imports-pending-expire": {
        # Uploaded participant lists never confirmed or cancelled are deleted within the hour.
        "task": "training.tasks.delete_expired_imports",
        "schedule": crontab(minute="*/5"),
    },
    "notifications-certification-expiry": {
        "task": "trainers.tasks.queue_expiry_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    "notifications-inactive-learners": {
        "task": "trainers.tasks.queue_inactivity_reminders",
        "schedule": crontab(hour=8, minute=0),
    },
    "notifications-sweep": {
        # A message whose task was lost to a broker outage goes out within minutes (trainers/notifications.py):
        # every e-mail, the showcase's included (showcase/notices.py).
        "task": "trainers.tasks.sweep_notifications",
        "schedule": crontab(minute="*/5"),
    },
    "worker-heartbeat": {
        # A queued heartbeat nobody runs is no news: it expires before the next one.
        "task": "home.tasks.record_worker_heartbeat",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    "certificates-render-missing": {
        # A certificate whose render was lost (broker or worker away) gets its PDF, and its holder the
        # message, within minutes; queueing a render that is already done costs one indexed query.
        "task": "trainers.tasks.render_missing_certificate_pdfs",
        "schedule": crontab(minute="*/5"),
    },
    "throttle-counts-forget": {
        "task": "accounts.tasks.forget_throttle_counts",
        "schedule": crontab(minute="*/10"),
    },
    "phone-codes-forget": {
        "task": "accounts.tasks.forget_old_phone_codes",
        "schedule": crontab(hour=3, minute=15),
    },
}

WAGTAIL_SITE_NAME = "Giảng viên nguồn khởi nghiệp"
WAGTAILADMIN_BASE_URL = env.url_with_scheme("SITE_URL", {"http", "https"}, default="http://127.0.0.1:8000").rstrip("/")
SITE_URL = WAGTAILADMIN_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Decoding costs about 8 bytes a pixel: an 11000×11000 PNG of a few kilobytes would take 0.9 GB
# of a web process. 30 million pixels still admits a 24-megapixel phone photo (6000×4000).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 30_000_000
# Pillow refuses to open anything above twice its limit, wherever it is called (renditions,
# certificates), not only on upload.
PILImage.MAX_IMAGE_PIXELS = WAGTAILIMAGES_MAX_IMAGE_PIXELS
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "odt", "odp", "ods", "txt", "csv"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Trainers submit for review; the workflow decides publication.
WAGTAIL_MODERATION_ENABLED = True

PHONENUMBER_DEFAULT_REGION = "VN"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Django 6 will assume https for scheme-less URLs in forms; opt in now.
FORMS_URLFIELD_ASSUME_HTTPS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.log_level("LOG_LEVEL", default="WARNING")},
}

# Where uploaded images are served from when they are not on this host (an S3 bucket or its CDN).
MEDIA_ORIGINS = env.list("MEDIA_ORIGINS", default=[])
env.checked(
    "MEDIA_ORIGINS",
    ",".join(MEDIA_ORIGINS),
    all(origin.startswith(("https://", "http://")) for origin in MEDIA_ORIGINS),
    "origins with their scheme, e.g. https://media.example.org, separated by commas, or nothing",
)
# One policy in every environment, so that what breaks under it breaks in development first.
# Scripts only from our own files (no inline script, no eval) in the site and the Wagtail admin.
# Styles allow inline: progress bars and Wagtail's admin set style attributes, and a style
# cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        # Lesson videos are links (templates/blocks/video_block.html), never frames.
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Wagtail's live preview frames our own pages inside the editor (its preview views answer
        # X-Frame-Options: SAMEORIGIN; browsers that know CSP follow this instead).
        "frame-ancestors": [SELF],
    },
}
# Browser features no page here uses are switched off, for us and for anything we frame.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "fullscreen": ["self"],
}

# Email is unique case-insensitively through a functional constraint (user_email_ci_unique),
# which this check cannot see.
SILENCED_SYSTEM_CHECKS = ["auth.W004"]
