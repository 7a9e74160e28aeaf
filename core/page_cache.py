"""Serve pages without touching the database for routing.

Wagtail finds a page in several queries (site, root page, each level of the tree, view
restrictions). The result depends only on published content, so it is cached under a content
version that every publish, unpublish, move, delete, site or restriction change bumps.

The version lives in PostgreSQL (core.ContentVersion); the cache holds a copy for a few seconds
only. A Redis restored from an older snapshot therefore cannot bring back an older version (and
with it the routes of unpublished pages): its copy has expired, or, in a process that has seen a
newer version, is recognised as older and read again from the database.

Within a request the version is read once. Entries whose key names the version they were built
for never change, so each process also keeps the latest of them in memory (cached_by_version):
a warm page costs a few round trips to Redis, not one per entry.
"""

import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

T = TypeVar("T")

VERSION_KEY = "pages:content-version"
# How long the cache's copy of the version is trusted: at most one database read per this many
# seconds for the whole site, and the longest a restored snapshot could serve an older version.
VERSION_TRUST_SECONDS = 5
TIMEOUT = 24 * 3600

# The highest version this process has read: a cached copy below it comes from a restored cache.
_highest_seen = 0
# The version read during the current request, in this thread (None outside requests: a worker
# or a command that runs for hours must not keep one).
_request = threading.local()
LOCAL_ENTRIES = 2000
_local_entries: OrderedDict[str, tuple[bool, object]] = OrderedDict()
_local_lock = threading.Lock()
# The keys each visitor's last request read through read(), to read with their next request's
# session. Only which keys to fetch: what a key holds is still read from the cache each time.
REMEMBERED_VISITORS = 20_000
_visitors_keys: dict[str, frozenset[str]] = {}


def _stored_version() -> int:
    from .models import ContentVersion

    return ContentVersion.objects.filter(pk=1).values_list("version", flat=True).first() or 1


def content_version() -> int:
    memo = getattr(_request, "version", None)
    if memo is not None:
        return memo
    version = _content_version()
    if getattr(_request, "active", False):
        _request.version = version
    return version


def _content_version(version: int | None = None, *, read: bool = True) -> int:
    """The content version, from the cache's copy (`version`, when `read` already) if it can be trusted."""
    global _highest_seen
    if read:
        version = cache.get(VERSION_KEY)
    if version is not None and version >= _highest_seen:
        _highest_seen = version
        return version
    stored = _stored_version()
    # The shared copy was missing (expired, flushed, restored) or older: what this process keeps in
    # memory may have been built from another state of the database (a restored backup, a test).
    with _local_lock:
        _local_entries.clear()
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
    _request.version = None
    # Drop the copy now (this transaction reads its own bump), publish the new one once committed
    # (before that, other processes rightly keep serving what is still committed).
    cache.delete(VERSION_KEY)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, _stored_version(), VERSION_TRUST_SECONDS))


def read_with_version(keys: list[str], *, visitor: str | None = None) -> dict:
    """Cache entries read together with the content version, in one round trip to the cache.

    For what every request reads first (its session): a page then waits for the cache once. The
    version is kept for the request as content_version() would keep it. With `visitor` (a session
    key), the entries that this visitor's previous request read through read() (its user, its
    enrolment) come in the same round trip, and read() takes them from there.
    """
    extra = _visitors_keys.get(visitor, ()) if visitor else ()
    wanted = [*keys, *(key for key in extra if key not in keys)]
    if not getattr(_request, "active", False):
        return cache.get_many(wanted)
    if getattr(_request, "version", None) is not None:
        values = cache.get_many(wanted)
    else:
        values = cache.get_many([VERSION_KEY, *wanted])
        _request.version = _content_version(values.pop(VERSION_KEY, None), read=False)
    _request.entries = {key: values.get(key) for key in wanted}
    _request.visitor, _request.read_keys = visitor, set()
    return values


def read(key: str):
    """cache.get(key), unless read_with_version() has read it already in this request (once).

    The key is remembered for the visitor, so that their next request reads it with the session.
    """
    read_keys = getattr(_request, "read_keys", None)
    if read_keys is not None:
        read_keys.add(key)
    entries = getattr(_request, "entries", None)
    if entries and key in entries:
        return entries.pop(key)
    return cache.get(key)


def drop_read(key: str) -> None:
    """Forget an entry read earlier in this request: it changed since."""
    entries = getattr(_request, "entries", None)
    if entries:
        entries.pop(key, None)


def _request_started(**kwargs) -> None:
    _request.active, _request.version, _request.entries = True, None, None
    _request.visitor, _request.read_keys = None, None


def _request_finished(**kwargs) -> None:
    visitor, read_keys = getattr(_request, "visitor", None), getattr(_request, "read_keys", None)
    if visitor and read_keys and _visitors_keys.get(visitor) != read_keys:
        with _local_lock:
            if len(_visitors_keys) >= REMEMBERED_VISITORS:
                _visitors_keys.clear()  # each visitor then costs one more round trip, once
            _visitors_keys[visitor] = frozenset(read_keys)
    _request.active, _request.version, _request.entries = False, None, None
    _request.visitor, _request.read_keys = None, None


def cached_by_version(
    key: str, build: Callable[[], T | None], timeout: int = TIMEOUT, *, shared: bool = False
) -> T | None:
    """The entry under `key`, built once; `key` must name the content version (or another stamp) it depends on.

    Such an entry never changes, so the latest ones are kept in this process as well as in the
    shared cache. Kept pickled: each caller gets its own copy of pages and dicts to change. With
    `shared`, every caller in this process gets the same object instead (no copy to make): for
    values nobody changes, such as strings, frozen dataclasses, or a route whose page is only read.
    """
    with _local_lock:
        held = _local_entries.get(key)
        if held is not None:
            _local_entries.move_to_end(key)
    if held is not None:
        is_pickle, stored = held
        return pickle.loads(stored) if is_pickle else stored
    value = cache.get(key)
    if value is None:
        value = build()
        if value is None:
            return None
        cache.set(key, value, timeout)
    # A shared value is the one unpickled from (or just written to) the cache: no caller holds it yet.
    held = (False, value) if shared else (True, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    with _local_lock:
        _local_entries[key] = held
        if len(_local_entries) > LOCAL_ENTRIES:
            _local_entries.popitem(last=False)
    return value if shared else pickle.loads(held[1])


def bump_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()


def connect_signals():
    request_started.connect(_request_started, dispatch_uid="page_cache_request_started")
    request_finished.connect(_request_finished, dispatch_uid="page_cache_request_finished")
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
    # The visitor's session and user first: they come with the content version in one round trip
    # (accounts/sessions.py), which the route's key would otherwise read on its own.
    getattr(request, "user", None) and request.user.is_authenticated  # noqa: B018
    key = f"pages:route:{content_version()}:{request.get_host()}:{get_language()}:{path}"

    def build():
        route = Page.route_for_request(request, path)
        if route is None:
            return None
        page = route[0]
        if isinstance(page, CachedViewRestrictionsMixin):
            page._cached_view_restrictions = list(page.get_view_restrictions())
        return (Site.find_for_request(request), tuple(route))

    # Shared: serving a page reads it and never changes it (pages keep nothing about a request).
    entry = cached_by_version(key, build, shared=True)
    if entry is None:
        return wagtail_views.serve(request, path)  # Wagtail's own 404
    request._wagtail_site, request._wagtail_route_for_request = entry[0], entry[1]
    return wagtail_views.serve(request, path)
