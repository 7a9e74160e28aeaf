"""The page cache: what is cached, under which key, and how each entry stops being served.

This module is the one home of the cache that makes a page fast. Apps hand it what varies their
page; it owns the keys, the stand-in viewer, the per-request fill-in and the invalidation.

What is cached, and its key
- The published content's version (`VERSION_KEY`): the source of truth is core.ContentVersion in
  PostgreSQL; the cache holds a copy for VERSION_TRUST_SECONDS only.
- A URL's route (site, page, view restrictions): `pages:route:<version>:<host>:<language>:<path>`.
- The sections behind a view restriction, for public(): `pages:restricted:<version>`.
- Anything built from content only (a course's outline, the catalogue link): the caller's key,
  which must name the version (cached_by_version).
- Shared HTML (serve_shared_html): `pages:html:<version>:<host>:<language>:<path>:<varies>`.
- Per person (the session, the user, a learner's enrolment): an entry trusted for TRUST_SECONDS.

Invariants of shared HTML (one rendering served to everyone whose key is the same)
- It may vary only with: the content version, the host, the language, the path, and what the
  caller puts in `varies`, which must be a fact about what is shown, never about who looks: for a
  lesson, logged in or not and, for an enrolled learner, the course completed or not, the number of
  steps and which steps are done (a digest of their ids). Two learners with the same steps done
  share one entry.
- It is rendered for a stand-in request (stand_in_request): its user is a StandInViewer (logged in
  or not, and nothing else: no name, e-mail, phone, id, permission or group), its session is empty,
  it has no cookies and no messages. A template that reads the user, `perms`, the session or the
  CSRF token while rendering shared HTML therefore reads the stand-in's nothing, never a person's.
  tests/test_page_cache_poison.py renders it for a poisoned viewer and fails if anything of theirs
  gets in.
- A query string is refused, save the parameters the caller names and puts in `varies`
  (shared_html_allowed(params=...)): search's words and page number.
- Put in per request, after the cached HTML is read (fill_in): the CSRF token (the HTML holds
  CSRF_MARKER where `{% csrf_token %}` was). Messages are never rendered into shared HTML: a
  request with messages to show, like a staff member's (edit link, trainer's guide), a preview, a
  query string or a POST, is rendered in full instead (shared_html_allowed). The header shows no
  user's name; should it ever, it must be filled in here, like the token.

How an entry stops being served (the invalidation, in four kinds)
1. The content version: every publish, unpublish, move, page delete, Site or view-restriction
   change bumps it (connect_signals); every key built from content names it, so a bump leaves all
   of them behind at once. Nothing is deleted.
2. A stamp in the key: a learner's progress is cached under their enrolment's progress stamp
   (courses/progress.py), which changes with every completion or passed attempt.
3. forget(key): a saved or deleted user, enrolment, completion or attempt drops its entry, now and
   again once committed (accounts/backends.py and courses/progress.py connect the signals); a write
   that saves several rows of one person drops each entry once (forget_once).
4. Time: per-person entries are trusted for TRUST_SECONDS, the version's copy for
   VERSION_TRUST_SECONDS, so that a drop lost while Redis was away, or a Redis restored from an
   older snapshot, is outlived. A restored copy of the version below one this process has seen
   is recognised and read again from the database.
   A Redis that answers reads but refuses writes (full disk, maxmemory, a replica) would keep
   serving entries whose drop it refused (a logged-out session, a deactivated user). A delete the
   cache does not confirm (forget(), a session's delete, and a probe every VERSION_TRUST_SECONDS)
   makes this process trust no per-person entry until TRUST_SECONDS after the last refusal: slower,
   never wrong. The process that saw the refusal stops at once, the others by their next probe.

Module-global state (per process): the highest version seen, the latest entries that name their
version (cached_by_version keeps them in memory), which keys each visitor's last request read, and,
per thread, the version read in the current request.

Layers: settings.CACHE_LAYERS names the layers (session, user, enrolment, route, html) that
bench/lesson_page.py and bench/lesson_layers.py measure one by one; layer_on() is the one place the
code asks whether one is on (the session layer is SESSION_ENGINE, chosen in the settings). All are
on unless the benchmark's CACHE_LAYERS_OFF turns one off. A layer stays only while it gives at least
10 % of the warm lesson page's throughput; in December 2026 each gave 45-90 %, and a PostgreSQL
backend with a query-free health check was removed (a warm lesson page runs no query).

Routing: the route is built by Wagtail (and core.routing) on a miss. Within a request the version is
read once, together with the session and the entries the visitor's previous request read: a warm
page costs one round trip to Redis.
"""

import copy
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager
from typing import TypeVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

T = TypeVar("T")

VERSION_KEY = "pages:content-version"
# How long the cache's copy of the version is trusted: at most one database read per this many
# seconds for the whole site, and the longest a restored snapshot could serve an older version.
VERSION_TRUST_SECONDS = 5
TIMEOUT = 24 * 3600
# How long an entry about one person (their session, user, enrolment) is trusted after it was read
# from the database: a drop lost while Redis was away, or a restored snapshot, is outlived by then.
TRUST_SECONDS = 60

# The highest version this process has read: a cached copy below it comes from a restored cache.
_highest_seen = 0
# Until when this process trusts no per-person entry (the cache refused a delete), and when it next
# checks that the cache takes deletes (cache_delete, _writes_accepted).
WRITE_PROBE_KEY = "pages:write-probe"
_writes_refused_until = 0.0
_next_write_probe = 0.0
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


def layer_on(name: str) -> bool:
    """Whether the cache layer `name` (settings.CACHE_LAYERS) is on: all are, unless the benchmark turns one off."""
    return name not in settings.CACHE_LAYERS_OFF


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


def forget(key: str) -> None:
    """Drop a per-person entry whose rows changed: now, from this request's reads, and again once committed.

    Again once committed, because a request that read the old rows before the commit may have
    cached them meanwhile.
    """
    batch = getattr(_request, "forget_batch", None)
    if batch is not None:
        batch[key] = None  # forget_once() drops it when its block ends
        return
    drop_read(key)
    cache_delete(key)
    transaction.on_commit(lambda: cache_delete(key))


@contextmanager
def forget_once():
    """Within the block, forget() collects its keys and drops each once when the block ends.

    A write that saves several rows of one person (an attempt, then the enrolment, then its
    completion) would otherwise delete the same entry once per row, now and once committed. Open
    the block inside the transaction: the drop then comes now and once committed, as forget()'s.
    Nested blocks leave the dropping to the outermost one.
    """
    if getattr(_request, "forget_batch", None) is not None:
        yield
        return
    _request.forget_batch = batch = {}
    try:
        yield
    finally:
        _request.forget_batch = None
        for key in batch:
            forget(key)


def cache_delete(key: str) -> bool:
    """Delete `key` from the shared cache; False (and per-person entries distrusted for now) if it was refused.

    A cache answers True or False for a delete it made; django-redis answers None for one Redis refused or
    never got (IGNORE_EXCEPTIONS), other backends raise.
    """
    try:
        done = cache.delete(key) is not None
    except Exception:
        done = False
    if not done:
        global _writes_refused_until
        _writes_refused_until = time.time() + TRUST_SECONDS
    return done


def _writes_accepted() -> bool:
    """Whether the cache took this process's last deletes; asked again (one delete) every VERSION_TRUST_SECONDS."""
    global _next_write_probe
    now = time.time()
    if now >= _next_write_probe:
        _next_write_probe = now + VERSION_TRUST_SECONDS
        cache_delete(WRITE_PROBE_KEY)
    return now >= _writes_refused_until


def remember(key: str, value, timeout: int = TRUST_SECONDS) -> None:
    """Cache a per-person value read from the database, stamped with the time, for trusted() to check."""
    cache.set(key, (time.time(), value), min(timeout, TRUST_SECONDS))


def trusted(entry: tuple[float, object] | None) -> bool:
    """Whether a remember()ed (written at, value) entry is still within TRUST_SECONDS; if not, read the database.

    Never while the cache refuses deletes (cache_delete): the entry may be one whose drop was refused.
    """
    return entry is not None and 0 <= time.time() - entry[0] < TRUST_SECONDS and _writes_accepted()


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


def restricted_sections() -> tuple[tuple[str, int], ...]:
    """(path, depth) of every page with a view restriction: read once per content version.

    Saving or deleting a restriction bumps the version (connect_signals), as for routes.
    """
    key = f"pages:restricted:{content_version()}"
    return cached_by_version(
        key, lambda: tuple(PageViewRestriction.objects.values_list("page__path", "page__depth")), shared=True
    )


def public(queryset):
    """Wagtail's `queryset.public()`, with the restricted sections from the cache: no query for them."""
    private = Q()
    for path, depth in restricted_sections():
        private |= Q(path__startswith=path, depth__gte=depth)
    return queryset.exclude(private) if private else queryset


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

    if not layer_on("route"):
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

    # Shared: serving a page reads it and never changes it (pages keep nothing about a request), for a
    # POST (a quiz's submission) as for a GET.
    entry = cached_by_version(key, build, shared=True)
    if entry is None:
        return wagtail_views.serve(request, path)  # Wagtail's own 404
    request._wagtail_site, request._wagtail_route_for_request = entry[0], entry[1]
    return wagtail_views.serve(request, path)


# Shared HTML ---------------------------------------------------------------------------------

# PostgreSQL text cannot hold a NUL character, so no content can contain this marker.
CSRF_MARKER = mark_safe("\x00csrf\x00")  # noqa: S308 (a constant, not user input)


class StandInViewer(AnonymousUser):
    """Who shared HTML is rendered for: logged in or not, and nothing else about the person."""

    full_name = email = phone = ""
    is_staff = is_superuser = False

    def __init__(self, logged_in: bool):
        self._logged_in = bool(logged_in)

    @property
    def is_authenticated(self) -> bool:
        return self._logged_in

    @property
    def is_anonymous(self) -> bool:
        return not self._logged_in

    @property
    def is_active(self) -> bool:
        return self._logged_in

    def __str__(self) -> str:
        return ""

    def get_username(self) -> str:
        return ""

    def has_perm(self, perm, obj=None) -> bool:
        return False

    def has_perms(self, perm_list, obj=None) -> bool:
        return False

    def has_module_perms(self, module) -> bool:
        return False

    def get_all_permissions(self, obj=None) -> set:
        return set()


class _StandInSession(dict):
    """An empty session that keeps nothing: shared HTML is rendered without the visitor's session."""

    session_key = None
    modified = accessed = False

    def __setitem__(self, key, value):
        raise RuntimeError("shared HTML must not write to the session")


def stand_in_request(request: HttpRequest) -> HttpRequest:
    """A copy of `request` that carries nothing personal: the stand-in viewer, no session, cookies or messages."""
    stand_in = copy.copy(request)
    stand_in.user = StandInViewer(request.user.is_authenticated)
    stand_in.session = _StandInSession()
    stand_in._messages = []
    stand_in.COOKIES = {}
    stand_in.META = {k: v for k, v in request.META.items() if k not in ("HTTP_COOKIE", "CSRF_COOKIE")}
    return stand_in


def shared_html_allowed(request: HttpRequest, *, params: tuple[str, ...] = ()) -> bool:
    """Whether this request may get shared HTML (the caller still refuses staff, who see more).

    `params`: the query-string parameters that the caller's `varies` covers (search's words and page
    number); a query string with any other is refused, as is any query string without them.
    """
    if (
        not layer_on("html")
        or request.method not in ("GET", "HEAD")
        or getattr(request, "is_preview", False)
        or (request.META.get("QUERY_STRING") and not params)
        or not set(request.GET).issubset(params)
    ):
        return False
    # Counting the messages loads them without marking them read: the full render shows them.
    return not len(messages.get_messages(request))


def render_shared(request: HttpRequest, template: str, context: dict) -> str:
    """Render `template` for the stand-in `request` (from stand_in_request), the CSRF token left as a marker."""
    context.update(csrf_token=CSRF_MARKER, messages=())
    return TemplateResponse(request, template, context).render().content.decode()


def fill_in(html: str, request: HttpRequest) -> str:
    """What shared HTML gets per request: the request's own CSRF token where the marker is."""
    if CSRF_MARKER in html:
        html = html.replace(CSRF_MARKER, get_token(request))
    return html


def serve_shared_html(request: HttpRequest, *, varies: str, render: Callable[[HttpRequest], str]) -> HttpResponse:
    """The page rendered once per content version, host, language, path and `varies`, filled in for this request.

    `render` gets the stand-in request and returns the HTML (render_shared); see the invariants above.
    """
    key = f"pages:html:{content_version()}:{request.get_host()}:{get_language()}:{request.path}:{varies}"
    html = cached_by_version(key, lambda: render(stand_in_request(request)), shared=True)
    return HttpResponse(fill_in(html, request))
