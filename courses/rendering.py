"""A lesson page rendered once for everyone who sees the same thing, then served from memory.

What a learner or visitor sees on a lesson page depends on the published content, the language,
the address, whether someone is logged in and, for an enrolled learner, which steps are done.
This module says only that (lesson_varies); core.page_cache owns the key, the stand-in viewer it
is rendered for, the CSRF token put in per request, and the invariants (its docstring).

Search results are served the same way, by the words typed and the page number (serve_search).

A course's overview is served the same way (serve_course): it shows the same facts as a lesson
(the progress bar, the steps done, the resume or enrol button), so it varies by lesson_varies too.

Not cached, rendered as usual: staff (edit link, trainer's guide, Admin link: who is staff is decided by
accounts.staff.is_staff_member, the same rule those parts of the page ask), and whatever
core.page_cache.shared_html_allowed refuses (previews, a query string, messages to show, a POST).
"""

import hashlib
from collections.abc import Callable

from django.http import HttpResponse
from django.template.response import TemplateResponse

from accounts.staff import is_staff_member
from core.page_cache import render_shared, serve_shared_html, shared_html_allowed

from .navigation import course_learner_state, learner_state


def cacheable(request, *, params: tuple[str, ...] = ()) -> bool:
    if is_staff_member(request.user):
        return False
    return shared_html_allowed(request, params=params)


def lesson_varies(request, enrollment, progress) -> str:
    """What may vary a lesson's shared HTML: logged in or not and, when enrolled, which steps are done."""
    if not request.user.is_authenticated:
        return "visitor"
    if enrollment is None:
        return "learner"
    done = ",".join(str(pk) for pk in sorted(progress.done_ids))
    digest = hashlib.blake2b(done.encode(), digest_size=12).hexdigest()
    return f"enrolled:{progress.completed}:{progress.total}:{digest}"


def serve_lesson(page, request) -> HttpResponse:
    """The lesson page for a learner or visitor, rendered at most once per content version and progress."""
    enrollment, progress = learner_state(page, request)

    def render(stand_in) -> str:
        context = page.get_context(stand_in, learner_state=(enrollment, progress))
        return render_shared(stand_in, page.get_template(stand_in), context)

    return serve_shared_html(request, varies=f"{page.pk}:{lesson_varies(request, enrollment, progress)}", render=render)


def serve_course(page, request) -> HttpResponse | None:
    """A course's overview for a learner or visitor, rendered at most once per content version and progress.

    None for whoever gets the page rendered as usual (cacheable()).
    """
    if not cacheable(request):
        return None
    state = course_learner_state(page, request)

    def render(stand_in) -> str:
        context = page.get_context(stand_in, learner_state=state)
        return render_shared(stand_in, page.get_template(stand_in), context)

    return serve_shared_html(request, varies=f"{page.pk}:{lesson_varies(request, *state)}", render=render)


def serve_search(request, *, query: str, page_number: str | None, context: Callable[[], dict]) -> HttpResponse:
    """Search results, rendered once per content version, query and page number for learners and visitors.

    The results depend on the published content only; the page shows the words as typed, so they
    vary it as typed (a digest: the key stays short whatever is typed).
    """
    template = "courses/search.html"
    if not cacheable(request, params=("q", "page")):
        return TemplateResponse(request, template, context())
    typed = hashlib.blake2b(f"{query}\x00{page_number}".encode(), digest_size=16).hexdigest()
    viewer = "learner" if request.user.is_authenticated else "visitor"
    return serve_shared_html(
        request, varies=f"search:{viewer}:{typed}", render=lambda stand_in: render_shared(stand_in, template, context())
    )
