"""Absolute links for e-mails and printed codes: always on the public address in `settings.SITE_URL`.

A message sent from a worker has no request, and Wagtail's Site record names whatever host it was
created with (`localhost` in a fresh install), so neither may build a link that leaves the site.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _


def absolute_url(path_or_url: str) -> str:
    """The address of a path (or of any URL's path, query and fragment) on `settings.SITE_URL`."""
    parts = urlsplit(path_or_url or "/")
    local = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    return settings.SITE_URL.rstrip("/") + "/" + local.lstrip("/")


def password_setting_link(user) -> str:
    """A one-time link on SITE_URL where `user` chooses their password (Django's password reset).

    Choosing a password (or signing in) spends it; it expires after PASSWORD_RESET_TIMEOUT.
    """
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute_url(reverse("accounts:password_reset_confirm", args=[uid, token]))


def password_link_notice() -> str:
    """What to tell whoever hands the link over."""
    days = max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)
    return _("Give them this link to choose their password; it works once, within %(days)s days:") % {"days": days}
