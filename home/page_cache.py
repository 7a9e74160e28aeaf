"""Serve pages without touching the database for routing.

Wagtail finds a page in several queries (site, root page, each level of the tree, view
restrictions). The result depends only on published content, so it is cached under a content
version that every publish, unpublish, move, delete, site or restriction change bumps.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "pages:content-version"
TIMEOUT = 24 * 3600


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


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
