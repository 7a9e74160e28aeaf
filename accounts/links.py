"""Absolute links for e-mails and printed codes: always on the public address in `settings.SITE_URL`.

A message sent from a worker has no request, and Wagtail's Site record names whatever host it was
created with (`localhost` in a fresh install), so neither may build a link that leaves the site.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


def absolute_url(path_or_url: str) -> str:
    """The address of a path (or of any URL's path, query and fragment) on `settings.SITE_URL`."""
    parts = urlsplit(path_or_url or "/")
    local = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    return settings.SITE_URL.rstrip("/") + "/" + local.lstrip("/")
