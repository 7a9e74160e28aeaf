"""The environment (/etc/lms/lms.env), read so that every wrong value names its variable and the fix.

django-environ alone answers a mistyped URL with "Invalid email schema" and a word where a number goes with
a bare ValueError, neither naming the variable; an unknown word for a yes/no switch it silently reads as
False. Here each becomes ImproperlyConfigured saying which variable, what was wrong (without the passwords a
URL holds) and what to write instead. An empty URL variable means "not set" (its default), except EMAIL_URL,
where empty means: keep the messages, do not send them (deploy/lms.env.example).
"""

from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

ENV_FILE = "/etc/lms/lms.env"
TRUE = {"true", "yes", "on", "1"}
FALSE = {"false", "no", "off", "0"}
LOG_LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}
# What to write instead, for the variables whose form is not obvious from their name.
FIXES = {
    "DATABASE_URL": "postgres://USER:PASSWORD@HOST:5432/NAME (write @ : / in the password as %40 %3A %2F)",
    "DATABASE_REPLICA_URL": (
        "postgres://USER:PASSWORD@HOST:5432/NAME of a PostgreSQL hot standby of DATABASE_URL (deploy/README.md), "
        "or nothing after = for none"
    ),
    "CACHE_URL": "rediscache://HOST:PORT/DB, e.g. rediscache://127.0.0.1:6380/0",
    "CELERY_BROKER_URL": "redis://HOST:PORT/DB, e.g. redis://127.0.0.1:6381/0",
    "SITE_URL": "the address people type, with https://, e.g. https://lms.example.org",
    "EMAIL_URL": (
        "smtp+tls://USER:PASSWORD@HOST:587 or smtp+ssl://USER:PASSWORD@HOST:465 (write @ in the user as %40), "
        "or nothing after = to keep messages unsent in EMAIL_FILE_PATH"
    ),
}
# The e-mail backend when EMAIL_URL is empty: every message a file in EMAIL_FILE_PATH (and a row in the outbox).
KEPT_MAIL = {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend"}


def _shown(value: str) -> str:
    """The value as an error message may show it: a URL without its user and password."""
    parts = urlsplit(value) if "://" in value else None
    if parts and parts.netloc:
        host = parts.netloc.rsplit("@", 1)[-1]
        return f"{parts.scheme}://…@{host}{parts.path}" if "@" in parts.netloc else value
    return value


class Environment(environ.Env):
    def refuse(self, var: str, value, fix: str):
        raise ImproperlyConfigured(
            f"{var}={_shown(str(value))!r} is not valid: write {fix}. Correct it in {ENV_FILE} "
            "(deploy/lms.env.example explains every variable), then restart."
        )

    def get_value(self, var, cast=None, default=environ.Env.NOTSET, parse_default=False):
        raw = self.ENVIRON.get(var)
        if cast is bool and raw is not None:
            word = raw.strip().lower()
            if word not in TRUE | FALSE:
                self.refuse(var, raw, "True or False")
            return word in TRUE
        try:
            return super().get_value(var, cast=cast, default=default, parse_default=parse_default)
        except ValueError:
            self.refuse(var, raw, {int: "a whole number, e.g. 60", float: "a number"}.get(cast, "a valid value"))

    def _url_config(self, var: str, default, parse):
        raw = (self.ENVIRON.get(var) or "").strip()
        if not raw:
            if default is self.NOTSET:
                raise ImproperlyConfigured(f"{var} must be set in {ENV_FILE}: {FIXES.get(var, 'see the template')}.")
            raw = default
        try:
            config = parse(raw)
        except (ImproperlyConfigured, ValueError, KeyError):
            self.refuse(var, raw, FIXES.get(var, "a valid URL"))
        if not config:
            self.refuse(var, raw, FIXES.get(var, "a valid URL"))
        return config

    def db_url(self, var="DATABASE_URL", default=environ.Env.NOTSET, engine=None):
        config = self._url_config(var, default, lambda value: self.db_url_config(value, engine))
        # An unknown scheme (postgress://) gives no engine module: refused here rather than at the first query.
        self.checked(var, self.ENVIRON.get(var, ""), "." in (config.get("ENGINE") or ""), FIXES[var])
        return config

    db = db_url

    def cache_url(self, var="CACHE_URL", default=environ.Env.NOTSET, backend=None):
        return self._url_config(var, default, lambda value: self.cache_url_config(value, backend))

    cache = cache_url

    def email_url(self, var="EMAIL_URL", default=environ.Env.NOTSET, backend=None):
        if var in self.ENVIRON and not self.ENVIRON[var].strip():
            return dict(KEPT_MAIL)
        return self._url_config(var, default, lambda value: self.email_url_config(value, backend))

    email = email_url

    def checked(self, var: str, value, ok: bool, fix: str):
        """`value`, read from `var`, if `ok`; ImproperlyConfigured naming the variable and the fix if not."""
        if not ok:
            self.refuse(var, value, fix)
        return value

    def url_with_scheme(self, var: str, schemes: set[str], default: str = "") -> str:
        """A URL (empty: the default) whose scheme is one of `schemes`."""
        value = self.str(var, default="").strip() or default
        scheme = value.split("://", 1)[0] if "://" in value else ""
        return self.checked(var, value, not value or scheme in schemes, FIXES.get(var, "a URL"))

    def log_level(self, var: str, default: str) -> str:
        level = self.str(var, default="").strip().upper() or default
        return self.checked(var, level, level in LOG_LEVELS, "DEBUG, INFO, WARNING or ERROR")
