"""Writes that touch several learning records at once."""

from dataclasses import dataclass, replace

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.page_cache import forget_once

from .attempts import AttemptAllowance, attempt_allowance, quiz_history
from .models import (
    AttemptGrant,
    CoursePage,
    Enrollment,
    LessonCompletion,
    LessonPage,
    OfflineReceipt,
    QuizAttempt,
    QuizPage,
)
from .navigation import course_steps
from .progress import Progress, enrollment_progress, forget_enrolment
from .scoring import QuizResult, score_quiz
from .signals import course_completed, enrolled


class AttemptLimitReached(Exception):
    """Every attempt is used; `allowance.retake_on` says when they come back, if ever by themselves."""

    def __init__(self, allowance: AttemptAllowance):
        super().__init__(allowance)
        self.allowance = allowance


def enrollment_create(*, user, course: CoursePage) -> tuple[Enrollment, bool]:
    """Enrol a learner; enrolling twice changes nothing."""
    try:
        with transaction.atomic():
            enrollment, created = Enrollment.objects.get_or_create(user=user, course=course)
        if created:
            transaction.on_commit(lambda: enrolled.send(sender=Enrollment, enrollment=enrollment))
        return enrollment, created
    except IntegrityError:
        # Two requests raced; the other one created it.
        return Enrollment.objects.get(user=user, course=course), False


def _course_for(page) -> CoursePage:
    return CoursePage.objects.ancestor_of(page).get()


def lesson_complete(*, user, lesson: LessonPage) -> Enrollment:
    """Mark a lesson done (enrolling if needed) and complete the course when it is the last step."""
    with transaction.atomic(), forget_once():
        enrollment, _created = enrollment_create(user=user, course=_course_for(lesson))
        LessonCompletion.objects.get_or_create(enrollment=enrollment, lesson=lesson)
        enrollment.last_page_id = lesson.pk
        enrollment.save(update_fields=["last_page"])
        course_check_completion(enrollment=enrollment)
    return enrollment


@dataclass(frozen=True)
class QuizSubmission:
    """What a submission recorded and read: the quiz page's result shows it without reading it again."""

    attempt: QuizAttempt
    result: QuizResult
    enrollment: Enrollment  # as locked and updated, completed_at included
    attempts: list[QuizAttempt]  # every attempt at the quiz, in order, this one last
    grants: list[AttemptGrant]  # the grants the attempt rule needs (none when the quiz has no limit)
    progress: Progress  # the progress after this attempt


def quiz_attempt_submit(*, user, quiz: QuizPage, answers: dict[str, list[str]]) -> QuizSubmission:
    """Score and record an attempt, refusing one when the learner has none left (`courses.attempts`).

    Reads the enrolment once (locked), the learner's history at the quiz once and what is done in
    the course once; the course and its steps come from the cached outline. The cached enrolment
    is dropped once however many of its rows change (core.page_cache.forget_once).
    """
    course_id, step_ids = course_steps(quiz)
    result = score_quiz(quiz.questions, answers, quiz.pass_mark)
    with transaction.atomic(), forget_once():
        # Lock the enrolment so that two submissions are numbered one after the other.
        enrollment = _locked_enrollment(user=user, course_id=course_id)
        if enrollment is None:
            enrollment, _created = enrollment_create(user=user, course=_course_for(quiz))
            enrollment = _locked_enrollment(user=user, course_id=enrollment.course_id)
        attempts, grants = quiz_history(enrollment=enrollment, quiz=quiz)
        allowance = attempt_allowance(quiz, attempts, grants)
        if allowance.exhausted:
            raise AttemptLimitReached(allowance)
        attempt = QuizAttempt.objects.create(
            enrollment=enrollment,
            quiz=quiz,
            number=len(attempts) + 1,
            score=result.score,
            passed=result.passed,
            answers={r.question_id: sorted(r.chosen) for r in result.results},
        )
        enrollment.last_page_id = quiz.pk
        enrollment.save(update_fields=["last_page"])
        # A course that is not live has no outline: its steps are read from the tree.
        progress = enrollment_progress(enrollment, step_ids=step_ids if course_id else None)
        if course_check_completion(enrollment=enrollment, progress=progress) and not progress.completed:
            progress = replace(progress, completed=True)
    return QuizSubmission(attempt, result, enrollment, [*attempts, attempt], grants, progress)


def _locked_enrollment(*, user, course_id: int | None) -> Enrollment | None:
    if course_id is None:
        return None
    return Enrollment.objects.select_for_update().filter(user=user, course_id=course_id).first()


def course_check_completion(*, enrollment: Enrollment, progress: Progress | None = None) -> bool:
    """Complete the course once every lesson is done and every quiz passed; announce it once.

    `progress`: the enrolment's progress when the caller has just read it.
    """
    if enrollment.completed_at:
        return True
    if not (progress or enrollment_progress(enrollment)).all_done:
        return False
    now = timezone.now()
    updated = Enrollment.objects.filter(pk=enrollment.pk, completed_at__isnull=True).update(completed_at=now)
    if updated:
        # update() sends no signal: the cached enrolment is dropped here.
        forget_enrolment(user_id=enrollment.user_id, course_id=enrollment.course_id)
        enrollment.completed_at = now
        transaction.on_commit(lambda: course_completed.send(sender=Enrollment, enrollment=enrollment))
    return True


def _offline_refusal(item_kind: str, page_id: int, user) -> tuple[Page | None, str]:
    """The live lesson or quiz an offline item names, or why it is refused (translated)."""
    model = LessonPage if item_kind == OfflineReceipt.LESSON else QuizPage
    page = model.objects.live().public().filter(pk=page_id).first()
    if page is None:
        return None, _("This lesson or quiz is no longer published.")
    course = CoursePage.objects.ancestor_of(page).first()
    if course is None or not Enrollment.objects.filter(user=user, course=course).exists():
        return None, _("You are not enrolled in this course.")
    return page, ""


def is_offline_key(value) -> bool:
    """A key a phone made for one thing it sends (crypto.randomUUID, or a time and a random part)."""
    return isinstance(value, str) and 8 <= len(value) <= 64


def offline_item_record(
    *, user, key: str, kind: str, page_id: int, answers: dict[str, list[str]] | None = None, served=None
) -> OfflineReceipt:
    """Record a lesson completed or a quiz answered with no signal, once per key whatever the retries.

    The completion and the attempt go through lesson_complete and quiz_attempt_submit: the same
    scoring and attempt limits as online. A refusal is recorded too, with its reason, so that a
    retry gets the same answer. A quiz's answers sent online on a weak signal come with a key too:
    the receipt then carries the new attempt's `submission`, which is None when the key was used before;
    `served` is then the quiz the page served, taken as online (no enrolment needed first).
    """
    with transaction.atomic():
        receipt = OfflineReceipt.objects.filter(user=user, key=key).first()
        if receipt is not None:
            return receipt
        receipt = OfflineReceipt(user=user, key=key, kind=kind, page_id=page_id)
        receipt.submission = None
        try:
            with transaction.atomic():
                # A retry racing this one waits here for it, then finds the key taken.
                receipt.save()
        except IntegrityError:
            receipt = None
        if receipt is None:
            return OfflineReceipt.objects.get(user=user, key=key)
        page, reason = (served, "") if served is not None else _offline_refusal(kind, page_id, user)
        if page is not None and kind == OfflineReceipt.LESSON:
            lesson_complete(user=user, lesson=page)
        elif page is not None:
            try:
                receipt.submission = quiz_attempt_submit(user=user, quiz=page, answers=answers or {})
                receipt.attempt = receipt.submission.attempt
            except AttemptLimitReached as refused:
                reason = _("You have used all your attempts for this quiz.")
                if refused.allowance.retake_on:
                    reason += " " + _("You may try again from %(date)s.") % {
                        "date": date_format(refused.allowance.retake_on, "d/m/Y")
                    }
        receipt.accepted = not reason
        receipt.reason = reason
        receipt.save(update_fields=["accepted", "reason", "attempt"])
    return receipt
