"""Nothing of the person who happens to fill the page cache reaches the HTML shared with others.

A lesson page's HTML is rendered once and served to every learner with the same steps done
(core/page_cache.py, its invariants). Here it is rendered for a poisoned viewer: their name,
e-mail, phone and permissions are marker strings, their session and messages raise when read,
and their CSRF secret is known. Whatever template or tag reads the request's user, perms, session,
messages or CSRF token while the shared HTML is rendered puts a marker in it, or fails.
"""

import re

import pytest
from django.contrib.messages.storage.base import BaseStorage
from django.middleware.csrf import _unmask_cipher_token
from django.template import engines
from django.test import RequestFactory
from django.urls import resolve

from accounts.models import User
from core import page_cache
from courses.services import lesson_complete

pytestmark = pytest.mark.django_db


class Touched(AssertionError):
    """Something personal was read while the page was served."""


class PoisonedSession(dict):
    session_key = "poisoned-session-key"

    def __getitem__(self, key):
        raise Touched(f"session[{key!r}]")

    def get(self, key, default=None):
        raise Touched(f"session.get({key!r})")

    def __contains__(self, key):
        raise Touched(f"{key!r} in session")

    def __setitem__(self, key, value):
        raise Touched(f"session[{key!r}] = …")

    def keys(self):
        raise Touched("session.keys()")

    def items(self):
        raise Touched("session.items()")


class PoisonedMessages(BaseStorage):
    """No message waiting (a page with messages is never cached), and reading one is a leak."""

    def __init__(self, request, marker):
        super().__init__(request)
        self.marker = marker

    def __len__(self):
        return 0

    def __iter__(self):
        raise Touched(f"messages of {self.marker}")

    def _get(self, *args, **kwargs):
        raise Touched(f"messages of {self.marker}")

    def _store(self, *args, **kwargs):
        return []


class PoisonedViewer:
    """A signed-in learner (the real account, for its enrolment) whose personal facts are markers."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_staff = False
    is_superuser = False

    def __init__(self, user: User, marker: str):
        self._user = user
        self.pk = self.id = user.pk
        self.full_name = user.full_name
        self.email = user.email
        self.phone = user.phone
        self.marker = marker

    def __getattr__(self, name):
        # Anything else a rule asks about the person (their roles, say) is the real account's.
        return getattr(self._user, name)

    def __str__(self):
        return self.full_name

    def get_username(self):
        return self.email

    def get_full_name(self):
        return self.full_name

    def has_perm(self, perm, obj=None):
        return False  # a learner; what they may do is decided outside the shared HTML

    def get_all_permissions(self, obj=None):
        return {f"courses.{self.marker}_perm"}


def _viewer(marker: str, phone: str, course_tree) -> tuple[PoisonedViewer, set[str]]:
    user = User.objects.create_user(
        email=f"{marker}@poison.example.org", password="pass-word-123", full_name=f"Tên {marker}", phone=phone
    )
    for lesson in course_tree.lessons[:2]:
        lesson_complete(user=user, lesson=lesson)
    viewer = PoisonedViewer(User.objects.get(pk=user.pk), marker)
    return viewer, {marker, viewer.full_name, viewer.email, phone, f"{marker}_perm"}


def _request(viewer: PoisonedViewer, secret: str, url: str):
    request = RequestFactory().get(url)
    request.user = viewer
    request.session = PoisonedSession()
    request._messages = PoisonedMessages(request, viewer.marker)
    request.META["CSRF_COOKIE"] = secret
    return request


def _serve(request):
    """The page as the site's URL configuration serves it (core.page_cache.serve)."""
    match = resolve(request.path)
    return match.func(request, *match.args, **match.kwargs)


def _csrf_secrets(html: str) -> set[str]:
    return {_unmask_cipher_token(token) for token in re.findall(r'value="([A-Za-z0-9]{64})"', html)}


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        (lambda tree: tree.lessons[2].url, 'aria-valuenow="33"'),  # the enrolled learner's page, with their progress
        (lambda tree: tree.course.url, 'aria-valuenow="33"'),
        (lambda tree: "/search/?q=khoi+nghiep", 'value="khoi nghiep"'),
    ],
    ids=["lesson", "course overview", "search"],
)
def test_shared_html_holds_nothing_of_the_viewer_it_was_rendered_for(address, shown, course_tree, monkeypatch):
    first, first_markers = _viewer("poisonfirstq7", "+84905111222", course_tree)
    second, second_markers = _viewer("poisonsecondz4", "+84905333444", course_tree)
    first_secret, second_secret = "F" * 32, "S" * 32
    shared: list[str] = []
    real_fill_in = page_cache.fill_in

    def recorded_fill_in(html, request):
        shared.append(html)
        return real_fill_in(html, request)

    monkeypatch.setattr(page_cache, "fill_in", recorded_fill_in)
    url = address(course_tree)

    first_page = _serve(_request(first, first_secret, url)).content.decode()
    second_page = _serve(_request(second, second_secret, url)).content.decode()

    assert len(shared) == 2 and shared[0] is shared[1], "the second viewer should get the same shared HTML"
    html = shared[0]
    assert shown in html
    assert page_cache.CSRF_MARKER in html and not _csrf_secrets(html)  # the token is put in per request
    for marker in first_markers | second_markers:
        assert marker not in html, f"{marker!r} in the shared HTML"
    # Each viewer's page carries their own CSRF token and nothing of the other's.
    assert _csrf_secrets(first_page) == {first_secret}
    assert _csrf_secrets(second_page) == {second_secret}
    for marker in first_markers:
        assert marker not in second_page


def test_a_template_reading_the_request_s_user_would_be_caught(course_tree, monkeypatch):
    """The stand-in request is what keeps the viewer out: rendered with the real one, the marker shows."""
    first, first_markers = _viewer("poisonleakk2", "+84905555666", course_tree)
    monkeypatch.setattr(page_cache, "stand_in_request", lambda request: request)
    lesson = course_tree.lessons[2]
    leaky = engines["django"].from_string("<p>{{ request.user.full_name }}</p>")
    monkeypatch.setattr(type(lesson), "get_template", lambda self, request, *args, **kwargs: leaky)
    html = _serve(_request(first, "F" * 32, lesson.url)).content.decode()
    assert first.full_name in html
