"""A lesson page rendered once for everyone who sees the same thing, then served from memory.

What a learner or visitor sees on a lesson page depends on the published content, the language,
the address, whether someone is logged in and, for an enrolled learner, which steps are done.
The rendered HTML is cached under exactly those (core.page_cache.cached_by_version keeps it in
the process), and the per-request CSRF token is put in afterwards. Two learners with the same
steps done share one entry; nothing else about the learner reaches the page: it is rendered for a
stand-in viewer that has no name, e-mail or id, so a template that one day shows them shows
nothing rather than someone else's.

Not cached, rendered as usual: previews (they are never served through here), staff (edit link,
trainer's guide, Admin link: who is staff is decided by accounts.staff.is_staff_member, the same rule
those parts of the page ask), any request with a query string or with messages to show, anything but
GET/HEAD.
"""

import hashlib
from types import SimpleNamespace

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from accounts.staff import is_staff_member
from core.page_cache import cached_by_version, content_version

from .navigation import learner_state

# PostgreSQL text cannot hold a NUL character, so no content can contain this marker.
CSRF_MARKER = mark_safe("\x00csrf\x00")  # noqa: S308 (a constant, not user input)
TIMEOUT = 24 * 3600


def _viewer(user) -> SimpleNamespace:
    """Who the page is rendered for: logged in or not, and nothing else."""
    logged_in = bool(user.is_authenticated)
    return SimpleNamespace(
        is_authenticated=logged_in,
        is_anonymous=not logged_in,
        is_staff=False,
        is_staff_member=False,
        is_superuser=False,
        is_active=logged_in,
    )


def cacheable(request) -> bool:
    if (
        request.method not in ("GET", "HEAD")
        or getattr(request, "is_preview", False)
        or request.META.get("QUERY_STRING")
    ):
        return False
    if is_staff_member(request.user):
        return False
    # Counting the messages loads them without marking them read: the full render shows them.
    return not len(messages.get_messages(request))


def serve_lesson(page, request) -> HttpResponse:
    """The lesson page for a learner or visitor, rendered at most once per content version and progress."""
    enrollment, progress = learner_state(page, request)
    done = ",".join(str(pk) for pk in sorted(progress.done_ids))
    state = "visitor"
    if request.user.is_authenticated:
        state = "learner"
        if enrollment is not None:
            digest = hashlib.blake2b(done.encode(), digest_size=12).hexdigest()
            state = f"enrolled:{progress.completed}:{progress.total}:{digest}"
    where = f"{request.get_host()}:{get_language()}:{request.path}"
    key = f"courses:lesson-html:{content_version()}:{where}:{page.pk}:{state}"

    def render() -> str:
        context = page.get_context(request, learner_state=(enrollment, progress))
        context.update(user=_viewer(request.user), csrf_token=CSRF_MARKER, messages=())
        response = TemplateResponse(request, page.get_template(request), context)
        return response.render().content.decode()

    html = cached_by_version(key, render, TIMEOUT, shared=True)
    if CSRF_MARKER in html:
        html = html.replace(CSRF_MARKER, get_token(request))
    return HttpResponse(html)
