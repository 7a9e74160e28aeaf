"""Saving a course to the phone and syncing what was done there with no signal (static/js/offline.js).

- `courses/<id>/offline.json`: what to save for a course, for its enrolled learners only: its pages
  (the course, modules, lessons and quizzes: quiz pages show questions, never the answers; for
  trainers, the printable session plans), the files they need, and the cache to keep them in, named
  by the content version.
- `offline/sync/`: the items queued on the phone, each with its key, recorded once
  (courses.services.offline_item_record); the answer says, per key, accepted or refused and why.
- `offline/`: the saved courses and the queue, listed by the phone itself (Cache Storage is the
  phone's); without JavaScript it says what saving needs.
"""

import json

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from wagtail.models import Page

from core.page_cache import content_version, public

from .kits import kit_materials
from .models import CoursePage, Enrollment, LessonPage, ModulePage, OfflineReceipt
from .permissions import can_see_trainer_guide
from .services import is_offline_key, offline_item_record

# Files a saved page needs to look the same with no signal: kept with every saved course.
SHELL_FILES = ("css/site.css", "js/offline.js", "icons/icon-192.png", "icons/icon-512.png")
MAX_ITEMS = 50  # per request: a phone sends its queue in slices
MAX_ANSWERS = 200


def cache_name(course_id: int) -> str:
    """The Cache Storage name of a saved course; the service worker moves it when the version changes."""
    return f"lms-{content_version()}-course-{course_id}"


def _refused(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status, json_dumps_params={"ensure_ascii": False})


@require_safe
def save_list(request, course_id: int):
    """What to save for a course: its pages and the files they need (enrolled learners only)."""
    if not request.user.is_authenticated:
        return _refused(_("Log in to save a course."), 403)
    course = public(CoursePage.objects.live()).filter(pk=course_id).first()
    if course is None or not Enrollment.objects.filter(user=request.user, course=course).exists():
        return _refused(_("Enrol in the course to save it."), 403)
    pages = public(Page.objects.live()).descendant_of(course, inclusive=True).order_by("path")
    urls = [page.get_url(request) for page in pages]
    if can_see_trainer_guide(request.user):
        # Trainers take the printable session plans to the classroom too (LessonPage.session_plan).
        lessons = LessonPage.objects.live().descendant_of(course).order_by("path")
        urls += [f"{lesson.get_url(request)}session-plan/" for lesson in lessons.only("url_path")]
        # ... and each module's teaching kit: its list and every material's print page (not the PDF, which
        # is rendered on request and weighs more than the pages it is made of).
        for module in ModulePage.objects.live().descendant_of(course).order_by("path"):
            materials = kit_materials(module)
            if materials:
                kit = f"{module.get_url(request)}kit/"
                urls += [kit] + [f"{kit}{material.id}/" for material in materials]
    urls += [static(name) for name in SHELL_FILES] + [reverse("courses:offline_saved")]
    data = {
        "course": course.pk,
        "title": course.title,
        "version": content_version(),
        "cache": cache_name(course.pk),
        "urls": [url for url in urls if url],
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def _item(raw) -> dict | None:
    """One queued item, checked: {key, kind, page, answers}; None when it is not one."""
    if not isinstance(raw, dict):
        return None
    key, kind, page_id = raw.get("key"), raw.get("kind"), raw.get("page")
    if not is_offline_key(key) or kind not in (OfflineReceipt.LESSON, OfflineReceipt.QUIZ):
        return None
    if not isinstance(page_id, int) or page_id <= 0:
        return None
    answers = raw.get("answers") or {}
    if not isinstance(answers, dict) or len(answers) > MAX_ANSWERS:
        return None
    answers = {
        str(question): [str(choice) for choice in chosen][:MAX_ANSWERS]
        for question, chosen in answers.items()
        if isinstance(chosen, list)
    }
    return {"key": key, "kind": kind, "page_id": page_id, "answers": answers}


@require_POST
def sync(request):
    """Record the items a phone queued with no signal; answer each key with accepted or refused and why."""
    if not request.user.is_authenticated:
        return _refused(_("Log in to send what you did offline."), 403)
    try:
        items = json.loads(request.body)["items"]
    except (ValueError, KeyError, TypeError):
        return _refused(_("The request could not be read."), 400)
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        return _refused(_("The request could not be read."), 400)
    results = []
    for raw in items:
        item = _item(raw)
        if item is None:
            continue
        receipt = offline_item_record(user=request.user, **item)
        attempt = receipt.attempt
        results.append(
            {
                "key": receipt.key,
                "status": "accepted" if receipt.accepted else "refused",
                "reason": receipt.reason,
                "score": attempt.score if attempt else None,
                "passed": attempt.passed if attempt else None,
            }
        )
    return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})


@require_safe
def saved(request):
    """The courses saved on this phone and what is waiting to be sent: listed by the phone (offline.js)."""
    return TemplateResponse(request, "courses/offline_saved.html", {})


urlpatterns = [
    path("courses/<int:course_id>/offline.json", save_list, name="offline_list"),
    path("offline/sync/", sync, name="offline_sync"),
    path("offline/", saved, name="offline_saved"),
]
