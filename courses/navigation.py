"""What a lesson or quiz page shows around its content: course outline, progress, previous/next.

Built in a constant number of queries whatever the size of the course: the page tree's
paths give the course without walking up to it.
"""

from django.db.models import Q
from wagtail.models import Page

from core.page_cache import cached_by_version, content_version

from .kits import lesson_materials
from .models import Enrollment, LessonPage
from .permissions import can_see_trainer_guide
from .progress import Progress, cached_enrollment, cached_enrollment_progress


def course_outline(course_path: str) -> tuple[dict, list[dict]]:
    """The course (as a dict) and its lessons and quizzes in reading order: one query, then cached.

    The dicts are the caller's own, to add to.
    """
    course, items = _shared_outline(course_path)
    return dict(course), [dict(item) for item in items]


def _shared_outline(course_path: str) -> tuple[dict, list[dict]]:
    key = f"courses:outline:{content_version()}:{course_path}"
    return cached_by_version(key, lambda: _course_outline(course_path), shared=True)


def _course_outline(course_path: str) -> tuple[dict, list[dict]]:
    depth = len(course_path) // Page.steplen
    rows = list(
        Page.objects.live()
        .filter(
            Q(path=course_path)
            | Q(
                path__startswith=course_path,
                depth=depth + 2,
                content_type__model__in=["lessonpage", "quizpage"],
                content_type__app_label="courses",
            )
        )
        .order_by("path")
        .values("id", "title", "url_path", "path", "content_type__model")
    )
    if not rows or rows[0]["path"] != course_path:
        return {}, []
    return rows[0], rows[1:]


def course_steps(page: Page) -> tuple[int | None, list[int]]:
    """The id of the live course a lesson or quiz is in and its live steps, from the cached outline.

    (None, []) when the course is not live. The outline follows the content version, as every
    learner page does: no query when warm.
    """
    course, items = _shared_outline(_course_path(page))
    if not course:
        return None, []
    return course["id"], [item["id"] for item in items]


def url_maker(page: Page, request):
    """Turn url_paths of pages in the same site as `page` into URLs, with no query per page.

    The site's root is the home page at depth 2, so every url_path starts with its slug.
    """
    root = "/" + page.url_path.split("/")[1] + "/"
    relative = page.url_path[len(root) :]
    prefix = page.get_url(request)[: -len(relative) or None]
    return lambda url_path: prefix + url_path[len(root) :]


def learner_state(page: Page, request) -> tuple[Enrollment | None, Progress]:
    """The learner's enrolment in the page's course and their progress, both cached (courses/progress.py)."""
    user = request.user
    # Lessons and quizzes sit under a module, under the course.
    course, _items = _shared_outline(_course_path(page))
    enrollment = None
    if user.is_authenticated and course:
        # The course is loaded only when the progress is not cached (learner_progress reads its path).
        enrollment = cached_enrollment(user_id=user.pk, course_id=course["id"])
    return enrollment, cached_enrollment_progress(enrollment)


def course_learner_state(course: Page, request) -> tuple[Enrollment | None, Progress]:
    """learner_state for a course's own overview: the same cached enrolment and progress as its lessons'."""
    enrollment = None
    if request.user.is_authenticated and course.pk:
        enrollment = cached_enrollment(user_id=request.user.pk, course_id=course.pk)
        if enrollment:
            enrollment.course = course  # read only when the progress is not cached
    return enrollment, cached_enrollment_progress(enrollment)


def _course_path(page: Page) -> str:
    return page.path[: Page.steplen * (page.depth - 2)]


def lesson_context(page: Page, request, *, state: tuple[Enrollment | None, Progress] | None = None) -> dict:
    """The outline, progress and neighbours around a lesson or quiz; `state` from learner_state when already read."""
    user = request.user
    course, outline = course_outline(_course_path(page))
    ids = [item["id"] for item in outline]
    position = ids.index(page.pk) if page.pk in ids else 0
    enrollment, progress = state or learner_state(page, request)
    done = progress.done_ids
    to_url = url_maker(page, request)
    for item in outline:
        item["done"] = item["id"] in done
        item["url"] = to_url(item["url_path"])
    if course:
        course["url"] = to_url(course["url_path"])
    show_guide = isinstance(page, LessonPage) and can_see_trainer_guide(user)
    return {
        "course": course,
        "outline": outline,
        "previous_item": outline[position - 1] if position > 0 else None,
        "next_item": outline[position + 1] if position + 1 < len(outline) else None,
        "enrollment": enrollment,
        "is_done": page.pk in done,
        "progress": progress,
        "progress_percent": progress.percent,
        "show_guide": show_guide,
        # Only with the guide: a staff member's page, never the shared HTML (courses/rendering.py).
        "kit_materials": lesson_materials(page, request) if show_guide else [],
    }
