"""How many attempts a person has left at a quiz now: the one rule the quiz page, the submission and reports use.

The rule, precisely:
- a quiz without an attempt limit never runs out (`left` is None);
- otherwise a learner has the quiz's limit, plus whatever administrators granted (`AttemptGrant`);
- when every attempt is used and the last one failed, a quiz with a waiting period (`retake_after_days`)
  gives the limit again from the start of the day (local time) that many days after that attempt:
  a new round. Grants given before belong to the round they were used in; a grant given while waiting
  adds its attempts at once;
- a learner who passed with their last attempt has no retake (they need none).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import Value
from django.utils import timezone

from .models import AttemptGrant, Enrollment, QuizAttempt, QuizPage


@dataclass(frozen=True)
class AttemptAllowance:
    left: int | None  # None: the quiz has no attempt limit
    retake_on: datetime.date | None = None  # out of attempts: the day they come back, if the quiz renews them

    @property
    def exhausted(self) -> bool:
        return self.left == 0

    @property
    def final(self) -> bool:
        """No attempt left and none coming back by itself: only an administrator can give more."""
        return self.left == 0 and self.retake_on is None


UNLIMITED = AttemptAllowance(left=None)


def attempt_allowance(
    quiz: QuizPage,
    attempts: Iterable[QuizAttempt],
    grants: Iterable[AttemptGrant],
    *,
    today: datetime.date | None = None,
) -> AttemptAllowance:
    """The allowance after these attempts (`submitted_at`, `passed`) and grants (`granted_at`, `extra_attempts`)."""
    limit = quiz.max_attempts
    if limit is None:
        return UNLIMITED
    wait = quiz.retake_after_days
    today = today or timezone.localdate()
    # Grants before attempts made at the same moment: an attempt cannot use a grant that did not exist yet.
    events = sorted(
        [(a.submitted_at, 1, a) for a in attempts] + [(g.granted_at, 0, g) for g in grants],
        key=lambda event: event[:2],
    )
    allowance, used, last = limit, 0, None

    def retake_on() -> datetime.date | None:
        if wait is None or last is None or last.passed or used < allowance:
            return None
        return timezone.localdate(last.submitted_at) + datetime.timedelta(days=wait)

    for at, is_attempt, item in events:
        renewal = retake_on()
        if renewal is not None and timezone.localdate(at) >= renewal:
            allowance, used = limit, 0
        if is_attempt:
            used, last = used + 1, item
        else:
            allowance += item.extra_attempts
    renewal = retake_on()
    if renewal is not None and today >= renewal:
        return AttemptAllowance(left=limit)
    return AttemptAllowance(left=max(allowance - used, 0), retake_on=renewal)


def quiz_history(*, enrollment: Enrollment | None, quiz: QuizPage) -> tuple[list[QuizAttempt], list[AttemptGrant]]:
    """A learner's attempts at a quiz, in order, and the grants the rule needs (none when the quiz has no limit).

    One query either way: the quiz page and the submission read no more than they did before grants.
    """
    if enrollment is None:
        return [], []
    attempts = QuizAttempt.objects.filter(enrollment=enrollment, quiz=quiz)
    if quiz.max_attempts is None:
        return list(attempts), []
    small = models.PositiveSmallIntegerField()
    # (id, number, score, passed, at, extra attempts): a grant has at least one extra, an attempt none.
    rows = (
        attempts.order_by()
        .values_list("id", "number", "score", "passed", "submitted_at", Value(0, output_field=small))
        .union(
            AttemptGrant.objects.filter(person_id=enrollment.user_id, quiz=quiz)
            .order_by()
            .values_list(
                "id",
                Value(0, output_field=small),
                Value(0, output_field=small),
                Value(False, output_field=models.BooleanField()),
                "granted_at",
                "extra_attempts",
            ),
            all=True,
        )
    )
    found, grants = [], []
    for pk, number, score, passed, at, extra in rows:
        if extra:
            grants.append(
                AttemptGrant(pk=pk, quiz=quiz, person_id=enrollment.user_id, granted_at=at, extra_attempts=extra)
            )
        else:
            found.append(
                QuizAttempt(
                    pk=pk, enrollment=enrollment, quiz=quiz, number=number, score=score, passed=passed, submitted_at=at
                )
            )
    found.sort(key=lambda attempt: attempt.number)
    return found, grants


def attempts_left(*, user, quiz: QuizPage, today: datetime.date | None = None) -> AttemptAllowance:
    """How many attempts `user` has left at `quiz` now, and when they come back if none."""
    enrollment = Enrollment.objects.filter(user=user, course_id__in=quiz.get_ancestors().values("pk")).first()
    attempts, grants = quiz_history(enrollment=enrollment, quiz=quiz)
    if enrollment is None and quiz.max_attempts is not None:
        grants = list(AttemptGrant.objects.filter(person=user, quiz=quiz))
    return attempt_allowance(quiz, attempts, grants, today=today)
