"""District targets (chỉ tiêu): an area's planned figures for a year, against which progress is shown.

The table keeps the name it had in `trainers` (trainers_target); so does the `view_reports` permission's codename.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from areas.scoping import AreaScopedQuerySet

HEADLINE_YEARS = (2025, 2030)


class TargetQuerySet(AreaScopedQuerySet):
    area_fields = ("area",)

    def approved(self) -> "TargetQuerySet":
        """The targets the province approved: the only ones the reports count."""
        return self.filter(status=Target.APPROVED)

    def visible_to(self, user) -> "TargetQuerySet":
        """Administrators see the targets of their area; province administrators all of them."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        scope = self._in_admin_scope(user)
        return self if scope is None else self.filter(scope)


class Target(models.Model):
    """What an area plans to reach by the end of a year (cumulative figures).

    A district (or commune) administrator drafts their area's plan and submits it; the province approves
    it or returns it with a comment (reports/plans.py). Only approved targets count in the reports.
    """

    DRAFT, SUBMITTED, APPROVED, RETURNED = "draft", "submitted", "approved", "returned"
    STATUSES = [
        (DRAFT, _("Draft")),
        (SUBMITTED, _("Submitted")),
        (APPROVED, _("Approved")),
        (RETURNED, _("Returned")),
    ]
    EDITABLE_BY_DISTRICT = (DRAFT, RETURNED)
    FIRST_YEAR, LAST_YEAR = 2021, 2030  # the provincial plan "to 2025, with a vision to 2030"

    INDICATORS = [
        ("certified_trainers", _("Certified trainers")),
        ("people_trained", _("People trained")),
        ("women_reached", _("Women reached")),
        ("students_reached", _("Pupils and students reached")),
        ("startup_projects", _("Startup projects")),
    ]

    area = models.ForeignKey("areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="targets")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2021), MaxValueValidator(2030)], help_text=_("E.g. 2025 or 2030.")
    )
    certified_trainers = models.PositiveIntegerField(_("certified trainers"), default=0)
    people_trained = models.PositiveIntegerField(_("people trained"), default=0)
    women_reached = models.PositiveIntegerField(_("women reached"), default=0)
    students_reached = models.PositiveIntegerField(_("pupils and students reached"), default=0)
    startup_projects = models.PositiveIntegerField(_("startup projects"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=DRAFT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("date submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved or returned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("approved or returned at"), null=True, blank=True)
    review_comment = models.TextField(_("province's comment"), blank=True)

    objects = TargetQuerySet.as_manager()

    class Meta:
        db_table = "trainers_target"
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["area__code", "year"]
        permissions = [("view_reports", _("Can view the programme's reports"))]
        constraints = [
            models.UniqueConstraint(fields=["area", "year"], name="target_once_per_area_year"),
            models.CheckConstraint(condition=models.Q(year__gte=2000, year__lte=2100), name="target_year_plausible"),
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "submitted", "approved", "returned"]),
                name="target_status_known",
            ),
        ]

    def __str__(self):
        return f"{self.area} · {self.year}"


class FirstReach(models.Model):
    """When a person was first reached (first session's first day, first enrolment), with their profile's area,
    gender and whether they are a pupil or student.

    Derived data, kept by the database itself (triggers, `reports.first_reach`, on PostgreSQL and
    SQLite), so that every way of writing a participant, an enrolment or a session's dates
    (services, imports, the admin) keeps it; rebuilt with `manage.py rebuild_reach`. Every report
    of people reached reads it: the first days alone for cumulative figures, with the sessions and
    enrolments in range otherwise. A row may outlive a deleted person (no foreign key constraint:
    deletions run in any order), and reports join the people table.
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("person"),
    )
    first_session_on = models.DateField(_("first day of the first session"), null=True)
    first_enrolled_at = models.DateTimeField(_("first enrolment"), null=True)
    # The last ones too, so that a date range needs the sessions and enrolments only for people whose
    # first and last fall on either side of it.
    last_session_on = models.DateField(_("first day of the last session"), null=True)
    last_enrolled_at = models.DateTimeField(_("last enrolment"), null=True)
    # Copied from the person's profile (kept by the same triggers) so that a figure is one table scan.
    profile = models.ForeignKey(
        "trainers.Profile",
        verbose_name=_("profile"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("area"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        help_text=_("The profile's commune, else its district: the area the person is filed under."),
    )
    gender = models.CharField(_("gender"), max_length=10, blank=True, help_text=_("Empty without a profile."))
    is_student = models.BooleanField(_("pupil or student"), default=False)
    learner_groups = models.BigIntegerField(
        _("learner groups"), default=0, help_text=_("Bit i set: in the group with the i-th code (reports.first_reach).")
    )

    class Meta:
        verbose_name = _("first reach")
        verbose_name_plural = _("first reaches")

    def __str__(self):
        return f"{self.person_id}: {self.first_session_on} / {self.first_enrolled_at}"


class CascadeReach(models.Model):
    """A person reached by a trainer's cascade: taught by the trainer or by anyone down their lineage.

    One row per (trainer, person), with the first and last day the person was taught in that
    trainer's cascade and by the trainer directly. Derived data, kept by PostgreSQL triggers like
    `FirstReach` (`reports.cascade_reach`), so that the cascade report's all-time, "up to" and
    "since" figures are sums (`TrainerReachDay`) instead of a walk down every lineage.
    """

    pk = models.CompositePrimaryKey("trainer", "person")
    trainer = models.ForeignKey(
        "trainers.Trainer",
        verbose_name=_("trainer"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # the primary key's first column
        related_name="+",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    first_on = models.DateField(_("first taught in the cascade"))
    direct_on = models.DateField(_("first taught by the trainer"), null=True)
    last_on = models.DateField(_("last taught in the cascade"))
    last_direct_on = models.DateField(_("last taught by the trainer"), null=True)

    class Meta:
        verbose_name = _("cascade reach")
        verbose_name_plural = _("cascade reaches")

    def __str__(self):
        return f"{self.trainer_id} → {self.person_id}: {self.first_on}"


class TrainerReachDay(models.Model):
    """How many people a trainer's cascade first (and last) reached on a day, and the trainer taught directly.

    `CascadeReach` counted by first and by last day, kept by the same triggers (which subtract a
    person's old rows and add their new ones): a trainer's reach up to a day is the sum of the first
    days up to it, their reach since a day the sum of the last days from it.
    """

    pk = models.CompositePrimaryKey("trainer", "day")
    trainer = models.ForeignKey(
        "trainers.Trainer",
        verbose_name=_("trainer"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # the primary key's first column
        related_name="+",
    )
    day = models.DateField(_("day"))
    direct = models.IntegerField(_("people they first taught"), default=0)
    downstream = models.IntegerField(_("people first reached down the cascade"), default=0)
    # The same people counted on the day they were last taught: "since a day" is a sum of these.
    direct_last = models.IntegerField(_("people they last taught"), default=0)
    downstream_last = models.IntegerField(_("people last reached down the cascade"), default=0)

    class Meta:
        verbose_name = _("trainer's reach on a day")
        verbose_name_plural = _("trainers' reach by day")

    def __str__(self):
        return f"{self.trainer_id} {self.day}: {self.direct} / {self.downstream}"
