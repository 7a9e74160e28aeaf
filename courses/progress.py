"""A learner's progress in a course: the one rule behind every progress figure.

A course's steps are its live lessons and quizzes; a step is done when the lesson is marked
complete or the quiz passed. My learning, the course page, the lesson and quiz pages, course
completion and reports all read it from here, so no two screens can disagree.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page

from core.page_cache import cached_by_version, content_version, forget, layer_on, read, remember, trusted

from .models import Enrollment, LessonCompletion, QuizAttempt

STEP_MODELS = ("lessonpage", "quizpage")
PROGRESS_TIMEOUT = 24 * 3600


@dataclass(frozen=True)
class Progress:
    done_ids: frozenset[int]  # live lessons completed and live quizzes passed
    total: int  # live lessons and quizzes in the course
    completed: bool  # the course was completed (it may have gained steps since)

    @property
    def done(self) -> int:
        return len(self.done_ids)

    @property
    def percent(self) -> int:
        """Whole percent, rounded down; a completed course stays at 100."""
        if self.completed:
            return 100
        return 100 * self.done // self.total if self.total else 0

    @property
    def all_done(self) -> bool:
        return self.done >= self.total


NO_PROGRESS = Progress(frozenset(), 0, False)


def learner_progress(enrollments: Iterable[Enrollment]) -> dict[int, Progress]:
    """Progress of each enrolment (by its pk), in two queries however many enrolments and courses.

    The enrolments' courses must be loaded (select_related("course")).
    """
    enrollments = list(enrollments)
    if not enrollments:
        return {}
    course_paths = {e.course.path for e in enrollments}
    condition = Q()
    for path in course_paths:
        # Lessons and quizzes sit under a module, two levels below their course.
        condition |= Q(path__startswith=path, depth=len(path) // Page.steplen + 2)
    steps: dict[str, set[int]] = {path: set() for path in course_paths}
    for page_id, path in (
        Page.objects.live()
        .filter(condition, content_type__app_label="courses", content_type__model__in=STEP_MODELS)
        .values_list("id", "path")
    ):
        steps[path[: -2 * Page.steplen]].add(page_id)
    done = _done_ids([e.pk for e in enrollments])
    return {e.pk: _progress(e, done[e.pk], steps[e.course.path]) for e in enrollments}


def _done_ids(ids: list[int]) -> dict[int, set[int]]:
    """The lessons completed and quizzes passed under each enrolment: one query."""
    lessons = LessonCompletion.objects.filter(enrollment__in=ids).values_list("enrollment_id", "lesson_id").order_by()
    quizzes = (
        QuizAttempt.objects.filter(enrollment__in=ids, passed=True).values_list("enrollment_id", "quiz_id").order_by()
    )
    done: dict[int, set[int]] = {pk: set() for pk in ids}
    for enrollment_id, page_id in lessons.union(quizzes):
        done[enrollment_id].add(page_id)
    return done


def _progress(enrollment: Enrollment, done: set[int], steps: set[int]) -> Progress:
    return Progress(done_ids=frozenset(done & steps), total=len(steps), completed=enrollment.completed_at is not None)


def enrollment_progress(enrollment: Enrollment | None, *, step_ids: Iterable[int] | None = None) -> Progress:
    """One enrolment's progress; nothing done when there is no enrolment.

    `step_ids`: the course's live lessons and quizzes when the caller has them already (the cached
    outline, courses.navigation.course_steps), which saves the query for them.
    """
    if enrollment is None:
        return NO_PROGRESS
    if step_ids is None:
        return learner_progress([enrollment])[enrollment.pk]
    return _progress(enrollment, _done_ids([enrollment.pk])[enrollment.pk], set(step_ids))


def cached_enrollment_progress(enrollment: Enrollment | None) -> Progress:
    """enrollment_progress, cached under the enrolment's progress stamp and the content version.

    The enrolment must come from Enrollment.objects.stamped(): a new completion or
    passed attempt changes the stamp, a publish or unpublish the content version, so the cached
    figure is never older than the database.
    """
    if enrollment is None:
        return NO_PROGRESS
    key = (
        f"courses:progress:{content_version()}:{enrollment.pk}:{enrollment.progress_stamp}:"
        f"{enrollment.completed_at is not None}"
    )
    return cached_by_version(key, lambda: enrollment_progress(enrollment), PROGRESS_TIMEOUT, shared=True)


def enrolment_cache_key(user_id: int, course_id: int) -> str:
    return f"courses:enrolment:{user_id}:{course_id}"


def cached_enrollment(*, user_id: int, course_id: int) -> Enrollment | None:
    """A learner's enrolment in a course, with its progress stamp (Enrollment.objects.stamped()).

    Kept in the cache for core.page_cache.TRUST_SECONDS: saving or deleting the enrolment, a lesson
    completion or a quiz attempt drops the entry (forget_enrolment), now and once committed, so a
    completion shows at once; a drop lost while Redis was away, or a snapshot restored, is
    outlived within a minute, as for sessions and users. On a warm lesson page the entry comes
    with the session, in the same round trip (core.page_cache.read).
    """
    if not layer_on("enrolment"):
        return Enrollment.objects.stamped(user_id=user_id, course_id=course_id)
    key = enrolment_cache_key(user_id, course_id)
    entry = read(key)
    if trusted(entry):
        return entry[1]
    enrollment = Enrollment.objects.stamped(user_id=user_id, course_id=course_id)
    remember(key, enrollment)
    return enrollment


def forget_enrolment(*, user_id: int, course_id: int) -> None:
    """Drop the cached enrolment (core.page_cache.forget): a completion shows at once."""
    forget(enrolment_cache_key(user_id, course_id))


def _enrolment_changed(sender, instance, **kwargs) -> None:
    forget_enrolment(user_id=instance.user_id, course_id=instance.course_id)


def _step_changed(sender, instance, **kwargs) -> None:
    enrollment = instance.enrollment
    forget_enrolment(user_id=enrollment.user_id, course_id=enrollment.course_id)


def connect_signals() -> None:
    post_save.connect(_enrolment_changed, sender=Enrollment, dispatch_uid="progress_enrolment_saved")
    post_delete.connect(_enrolment_changed, sender=Enrollment, dispatch_uid="progress_enrolment_deleted")
    for model in (LessonCompletion, QuizAttempt):
        post_save.connect(_step_changed, sender=model, dispatch_uid=f"progress_{model.__name__}_saved")
        post_delete.connect(_step_changed, sender=model, dispatch_uid=f"progress_{model.__name__}_deleted")
