"""Serve pages without touching the database for routing.

Wagtail finds a page in several queries (site, root page, each level of the tree, view
restrictions). The result depends only on published content, so it is cached under a content
version that every publish, unpublish, move, delete, site or restriction change bumps.

The version lives in PostgreSQL (home.ContentVersion); the cache holds a copy for a few seconds
only. A Redis restored from an older snapshot therefore cannot bring back an older version (and
with it the routes of unpublished pages): its copy has expired, or, in a process that has seen a
newer version, is recognised as older and read again from the database.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "pages:content-version"
# How long the cache's copy of the version is trusted: at most one database read per this many
# seconds for the whole site, and the longest a restored snapshot could serve an older version.
VERSION_TRUST_SECONDS = 5
TIMEOUT = 24 * 3600

# The highest version this process has read: a cached copy below it comes from a restored cache.
_highest_seen = 0


def _stored_version() -> int:
    from .models import ContentVersion

    return ContentVersion.objects.filter(pk=1).values_list("version", flat=True).first() or 1


def content_version() -> int:
    global _highest_seen
    version = cache.get(VERSION_KEY)
    if version is not None and version >= _highest_seen:
        _highest_seen = version
        return version
    stored = _stored_version()
    if version is None:
        # add, not set: a reader that saw the database just before a bump committed must not
        # overwrite the newer copy that the bump's on_commit wrote.
        cache.add(VERSION_KEY, stored, VERSION_TRUST_SECONDS)
    else:
        cache.set(VERSION_KEY, stored, VERSION_TRUST_SECONDS)
    _highest_seen = stored
    return stored


def bump_content_version(**kwargs) -> None:
    from .models import ContentVersion

    global _highest_seen
    if not ContentVersion.objects.filter(pk=1).update(version=F("version") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"version": 2})
    # Should this transaction roll back, content_version() finds the database lower and follows it.
    _highest_seen = _stored_version()
    # Drop the copy now (this transaction reads its own bump), publish the new one once committed
    # (before that, other processes rightly keep serving what is still committed).
    cache.delete(VERSION_KEY)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, _stored_version(), VERSION_TRUST_SECONDS))


def bump_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()


def connect_signals():
    page_published.connect(bump_content_version, dispatch_uid="page_cache_published")
    page_unpublished.connect(bump_content_version, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid="page_cache_moved")
    post_delete.connect(bump_on_page_delete, dispatch_uid="page_cache_deleted")
    for model in (Site, PageViewRestriction):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"page_cache_{model.__name__}_saved")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"page_cache_{model.__name__}_deleted")


class CachedViewRestrictionsMixin:
    """Pages whose view restrictions were looked up when their route was cached."""

    def get_view_restrictions(self):
        cached = getattr(self, "_cached_view_restrictions", None)
        return cached if cached is not None else super().get_view_restrictions()


def serve(request, path):
    """Wagtail's serve view, with the route (site, page, restrictions) taken from the cache."""
    from wagtail import views as wagtail_views

    if request.method not in ("GET", "HEAD"):
        return wagtail_views.serve(request, path)
    key = f"pages:route:{content_version()}:{request.get_host()}:{get_language()}:{path}"
    entry = cache.get(key)
    if entry is None:
        route = Page.route_for_request(request, path)
        if route is None:
            return wagtail_views.serve(request, path)  # Wagtail's own 404
        page = route[0]
        if isinstance(page, CachedViewRestrictionsMixin):
            page._cached_view_restrictions = list(page.get_view_restrictions())
        entry = (Site.find_for_request(request), tuple(route))
        cache.set(key, entry, TIMEOUT)
    request._wagtail_site, request._wagtail_route_for_request = entry[0], entry[1]
    return wagtail_views.serve(request, path)
