"""A learner's record: enrolments, lessons completed and quiz attempts."""

import functools

from django.conf import settings
from django.db import connections, models
from django.utils.translation import gettext_lazy as _


class EnrollmentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "EnrollmentQuerySet":
        """A learner sees only their own records; staff reach them through reports."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def completed(self) -> "EnrollmentQuerySet":
        return self.filter(completed_at__isnull=False)

    def in_progress(self) -> "EnrollmentQuerySet":
        return self.filter(completed_at__isnull=True)

    def stamped(self, *, user_id: int, course_id: int) -> "Enrollment | None":
        """A learner's enrolment in a course, with `progress_stamp`: it changes whenever a lesson
        completion or passed attempt is added or removed.

        Read in the same query as the enrolment, it keys the cached progress (courses/progress.py),
        so that nothing has to remember to bump a version and a completion shows at once. Written
        as SQL: on a lesson page this is the only query, and building it through the ORM took
        three times as long as running it.
        """
        with connections[self.db].cursor() as cursor:
            cursor.execute(_stamped_enrollment_sql(), [user_id, course_id])
            row = cursor.fetchone()
        if row is None:
            return None
        enrollment = self.model.from_db(self.db, [f.attname for f in self.model._meta.concrete_fields], row[:-1])
        enrollment.progress_stamp = row[-1]
        return enrollment


def _progress_stamp_sql() -> str:
    # "count:last id" of each set of rows; ids only grow, so an addition or removal changes it.
    summary = "(SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) FROM {table} WHERE enrollment_id = {outer}.id{extra})"
    outer = Enrollment._meta.db_table
    lessons = summary.format(table=LessonCompletion._meta.db_table, outer=outer, extra="")
    passed = summary.format(table=QuizAttempt._meta.db_table, outer=outer, extra=" AND passed")
    return f"{lessons} || '/' || {passed}"


@functools.cache
def _stamped_enrollment_sql() -> str:
    table = Enrollment._meta.db_table
    columns = ", ".join(f"{table}.{field.column}" for field in Enrollment._meta.concrete_fields)
    return (
        f"SELECT {columns}, {_progress_stamp_sql()} FROM {table} WHERE {table}.user_id = %s AND {table}.course_id = %s"
    )


class Enrollment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("where the learner stopped"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="enrollment_once_per_course")]

    def __str__(self):
        return f"{self.user} → {self.course}"


class LessonCompletion(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [models.UniqueConstraint(fields=["enrollment", "lesson"], name="lesson_completed_once")]

    def __str__(self):
        return f"{self.enrollment_id}: {self.lesson_id}"


class QuizAttempt(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz = models.ForeignKey("courses.QuizPage", on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField(_("attempt number"))
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    answers = models.JSONField(_("answers"), default=dict)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["number"]
        constraints = [
            # Two simultaneous submissions cannot both become attempt N.
            models.UniqueConstraint(fields=["enrollment", "quiz", "number"], name="quiz_attempt_number_unique"),
            models.CheckConstraint(condition=models.Q(score__lte=100), name="quiz_attempt_score_percent"),
        ]

    def __str__(self):
        return f"{self.quiz_id} #{self.number}: {self.score}%"


class OfflineReceipt(models.Model):
    """One item a phone sent from its offline queue (a lesson completed, a quiz answered), under its key.

    The phone makes the key when the learner acts with no signal and sends it with every retry; the
    unique constraint lets the first one through and answers the others with what it recorded.
    """

    LESSON, QUIZ = "lesson", "quiz"
    KINDS = [(LESSON, _("lesson completed")), (QUIZ, _("quiz answered"))]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(_("key from the phone"), max_length=64)
    kind = models.CharField(_("kind"), max_length=10, choices=KINDS)
    page_id = models.PositiveIntegerField(_("lesson or quiz"))
    accepted = models.BooleanField(_("accepted"), default=False)
    reason = models.CharField(_("reason refused"), max_length=300, blank=True)
    attempt = models.ForeignKey(
        QuizAttempt, verbose_name=_("quiz attempt"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("offline item received")
        verbose_name_plural = _("offline items received")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="offline_item_once_per_key")]

    def __str__(self):
        return f"{self.user_id}: {self.key}"
