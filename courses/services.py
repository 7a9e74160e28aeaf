"""Writes that touch several learning records at once."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .attempts import AttemptAllowance, attempt_allowance, quiz_history
from .models import CoursePage, Enrollment, LessonCompletion, LessonPage, QuizAttempt, QuizPage
from .progress import enrollment_progress, forget_enrolment
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


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage) -> Enrollment:
    """Mark a lesson done (enrolling if needed) and complete the course when it is the last step."""
    enrollment, _created = enrollment_create(user=user, course=_course_for(lesson))
    LessonCompletion.objects.get_or_create(enrollment=enrollment, lesson=lesson)
    enrollment.last_page_id = lesson.pk
    enrollment.save(update_fields=["last_page"])
    course_check_completion(enrollment=enrollment)
    return enrollment


def quiz_attempt_submit(*, user, quiz: QuizPage, answers: dict[str, list[str]]) -> tuple[QuizAttempt, QuizResult]:
    """Score and record an attempt, refusing one when the learner has none left (`courses.attempts`)."""
    enrollment, _created = enrollment_create(user=user, course=_course_for(quiz))
    result = score_quiz(quiz.questions, answers, quiz.pass_mark)
    with transaction.atomic():
        # Lock the enrolment so that two submissions are numbered one after the other.
        Enrollment.objects.select_for_update().filter(pk=enrollment.pk).first()
        if quiz.max_attempts is None:
            used = QuizAttempt.objects.filter(enrollment=enrollment, quiz=quiz).count()
        else:
            attempts, grants = quiz_history(enrollment=enrollment, quiz=quiz)
            allowance = attempt_allowance(quiz, attempts, grants)
            if allowance.exhausted:
                raise AttemptLimitReached(allowance)
            used = len(attempts)
        attempt = QuizAttempt.objects.create(
            enrollment=enrollment,
            quiz=quiz,
            number=used + 1,
            score=result.score,
            passed=result.passed,
            answers={r.question_id: sorted(r.chosen) for r in result.results},
        )
        enrollment.last_page_id = quiz.pk
        enrollment.save(update_fields=["last_page"])
        course_check_completion(enrollment=enrollment)
    return attempt, result


def course_check_completion(*, enrollment: Enrollment) -> bool:
    """Complete the course once every lesson is done and every quiz passed; announce it once."""
    if enrollment.completed_at:
        return True
    if not enrollment_progress(enrollment).all_done:
        return False
    updated = Enrollment.objects.filter(pk=enrollment.pk, completed_at__isnull=True).update(completed_at=timezone.now())
    if updated:
        # update() sends no signal: the cached enrolment is dropped here.
        forget_enrolment(user_id=enrollment.user_id, course_id=enrollment.course_id)
        enrollment.refresh_from_db(fields=["completed_at"])
        transaction.on_commit(lambda: course_completed.send(sender=Enrollment, enrollment=enrollment))
    return True
