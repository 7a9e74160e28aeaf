"""Training sessions (lớp tập huấn): who took part, on which days, with what result."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from areas.scoping import AreaScopedQuerySet
from trainers.models import COUNTED_REPORT, PracticumResult, Profile, SessionReport, Trainer


class TrainingSessionQuerySet(AreaScopedQuerySet):
    area_fields = ("area",)

    def visible_to(self, user) -> "TrainingSessionQuerySet":
        """Administrators see the sessions held in their area; a trainer also sees the sessions they lead."""
        if not user.is_authenticated:
            return self.none()
        scope = self._in_admin_scope(user)
        if scope is None:
            return self
        leads = TrainingSession.trainers.through.objects.filter(
            trainingsession=models.OuterRef("pk"), trainer__person=user
        )
        return self.filter(scope | models.Exists(leads))

    def managed_by(self, user) -> "TrainingSessionQuerySet":
        """The sessions a trainer manages on the public site: those they lead or co-lead, whatever their state."""
        if not user.is_authenticated:
            return self.none()
        leads = TrainingSession.trainers.through.objects.filter(
            trainingsession=models.OuterRef("pk"), trainer__person=user
        )
        return self.filter(models.Exists(leads))

    def counted(self) -> "TrainingSessionQuerySet":
        """The sessions whose participants count in reports: their class report is approved (`COUNTED_REPORT`)."""
        return self.filter(report_status=COUNTED_REPORT)

    def for_trainer_list(self) -> "TrainingSessionQuerySet":
        """What a trainer's list of sessions shows, in a fixed number of queries."""
        return self.select_related("area", "area__parent").prefetch_related("trainers__person")


class SessionParticipantQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SessionParticipantQuerySet":
        """A participant is seen by whoever sees the session."""
        return self.filter(session__in=TrainingSession.objects.visible_to(user).values("pk"))

    def forget_listed_details(self) -> int:
        """Clear what imported lists said about these participants (their account is being deleted)."""
        return self.update(**{name: SessionParticipant._meta.get_field(name).get_default() for name in LISTED_FIELDS})


class AttendanceQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AttendanceQuerySet":
        """Attendance is seen by whoever sees the session."""
        return self.filter(participant__session__in=TrainingSession.objects.visible_to(user).values("pk"))


class SessionStatus(models.TextChoices):
    """Where a session stands before the class: a trainer's draft is approved by an administrator of its area."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for approval")
    APPROVED = "approved", pgettext_lazy("training session", "Approved")
    RETURNED = "returned", _("Returned for changes")


class TrainingSession(models.Model):
    IN_PERSON, ONLINE = "in_person", "online"
    MODES = [(IN_PERSON, _("In person")), (ONLINE, _("Online"))]
    # What administrators create and import is approved at once, with its report: a trainer's new
    # session starts as a draft with no results (training.views).
    TRAINER_EDITABLE = (SessionStatus.DRAFT, SessionStatus.RETURNED)
    REPORT_OPEN = (SessionReport.NOT_RECORDED, SessionReport.RECORDED, SessionReport.RETURNED)
    REPORT_SUBMITTABLE = (SessionReport.RECORDED, SessionReport.RETURNED)

    title = models.CharField(_("title"), max_length=200)
    mode = models.CharField(_("mode"), max_length=12, choices=MODES, default=IN_PERSON)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("area"),
        on_delete=models.PROTECT,
        related_name="sessions",
        help_text=_("Where it was held, as the area was at the time."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    courses = models.ManyToManyField("courses.CoursePage", verbose_name=_("courses"), blank=True, related_name="+")
    audience = models.ForeignKey(
        "courses.Audience", verbose_name=_("audience"), null=True, blank=True, on_delete=models.SET_NULL
    )
    is_tot = models.BooleanField(_("ToT session"), default=False, help_text=_("Trains trainers, with a practicum."))
    trainers = models.ManyToManyField(
        "trainers.Trainer", verbose_name=_("led by"), blank=True, related_name="sessions_led"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expected_size = models.PositiveSmallIntegerField(_("expected number of participants"), null=True, blank=True)
    review_status = models.CharField(
        _("approval"), max_length=12, choices=SessionStatus.choices, default=SessionStatus.APPROVED
    )
    report_status = models.CharField(
        _("class report"), max_length=12, choices=SessionReport.choices, default=SessionReport.APPROVED
    )

    objects = TrainingSessionQuerySet.as_manager()

    class Meta:
        db_table = "trainers_trainingsession"  # the table kept its name when sessions left `trainers`
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="session_dates_ordered")
        ]

    def __str__(self):
        return f"{self.title} ({self.starts_on:%d/%m/%Y})"

    @property
    def trainer_can_edit(self) -> bool:
        """A trainer changes a session while it is a draft or was returned; once submitted it waits for review."""
        return self.review_status in self.TRAINER_EDITABLE

    @property
    def report_open(self) -> bool:
        """Results can be recorded once the session is approved and has begun, until the report is submitted."""
        return (
            self.review_status == SessionStatus.APPROVED
            and self.starts_on <= timezone.localdate()
            and self.report_status in self.REPORT_OPEN
        )

    @property
    def report_submittable(self) -> bool:
        return self.report_open and self.report_status in self.REPORT_SUBMITTABLE

    def results_recordable_by(self, trainer: Trainer | None) -> bool:
        """A ToT session's practicum is assessed by a master trainer leading it (as in the admin's Results)."""
        if trainer is None or not self.report_open:
            return False
        return not self.is_tot or trainer.level == Trainer.MASTER


LISTED_FIELDS = (
    "listed_name",
    "listed_gender",
    "listed_birth_date",
    "listed_birth_year",
    "listed_organisation",
    "listed_phone",
    "listed_email",
    "listed_commune",
)


class SessionParticipant(models.Model):
    """A person enrolled in a training session, with the result a master trainer gave."""

    PENDING, PASSED, FAILED = PracticumResult.PENDING, PracticumResult.PASSED, PracticumResult.FAILED
    RESULTS = PracticumResult.choices

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("training session"), on_delete=models.CASCADE, related_name="participants"
    )
    # Empty for a person "as listed": an imported row whose phone or e-mail belongs to an account filed outside
    # the importer's area. The list's details stay in the listed_* fields; no account, certificate or figure
    # of another area is ever reached through them.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="session_places",
        null=True,
        blank=True,
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    result = models.CharField(_("result"), max_length=10, choices=RESULTS, default=PENDING)
    result_note = models.TextField(_("practicum notes"), blank=True)
    assessed_by = models.ForeignKey(
        "trainers.Trainer",
        verbose_name=_("assessed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What the imported list said about the person, kept on the session's own record: an import never
    # writes to an existing account or profile (it may belong to someone outside the importer's area).
    listed_name = models.CharField(_("name on the list"), max_length=150, blank=True)
    listed_gender = models.CharField(_("gender on the list"), max_length=10, choices=Profile.GENDERS, blank=True)
    listed_birth_date = models.DateField(_("date of birth on the list"), null=True, blank=True)
    listed_birth_year = models.PositiveSmallIntegerField(_("year of birth on the list"), null=True, blank=True)
    listed_organisation = models.CharField(_("organisation on the list"), max_length=200, blank=True)
    listed_phone = models.CharField(_("phone number on the list"), max_length=16, blank=True)
    listed_email = models.EmailField(_("email on the list"), blank=True)
    listed_commune = models.CharField(_("commune on the list"), max_length=120, blank=True)

    objects = SessionParticipantQuerySet.as_manager()

    class Meta:
        db_table = "trainers_sessionparticipant"
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="participant_once_per_session"),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | ~models.Q(listed_name=""), name="participant_named"
            ),
        ]

    def __str__(self):
        return f"{self.person or self.listed_name} @ {self.session}"

    @property
    def as_listed(self) -> bool:
        """Known only by what an imported list said (no account is linked)."""
        return self.person_id is None

    def listed_details(self) -> dict:
        """What imported lists said about this participant, as plain data for the person's own download."""
        values = {name: getattr(self, name) for name in LISTED_FIELDS}
        return {name: str(value) for name, value in values.items() if value not in ("", None)}


class Attendance(models.Model):
    participant = models.ForeignKey(
        SessionParticipant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="attendance"
    )
    day = models.DateField(_("day"))
    present = models.BooleanField(_("present"), default=True)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        db_table = "trainers_attendance"
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["participant", "day"], name="attendance_once_per_day")]

    def __str__(self):
        return f"{self.participant} {self.day}: {self.present}"
