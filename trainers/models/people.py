"""People as the programme counts them: learner profiles, trainers and their lineage."""

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from areas.filing import FILED_UNDER, filed_area_expression
from areas.models import Area, admin_area_ids
from areas.scoping import AreaScopedQuerySet


# Where a person is filed: the first of these that is set (their former commune, else their place). The one
# rule, in three forms: `Profile.filed_area` (Python), `filed_area_expression` (the ORM), `filed_area_sql`
# (the SQL of the tables the reports keep, reports.first_reach).
def filed_area_sql(alias: str) -> str:
    """The area id a profile is filed under, as SQL over the profile table named `alias`."""
    columns = ", ".join(f"{alias}.{Profile._meta.get_field(name).column}" for name in FILED_UNDER)
    return f"coalesce({columns})"


class ProfileQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ProfileQuerySet":
        """A person sees their own profile; an administrator those filed in their area (`Profile.filed_area`)."""
        if not user.is_authenticated:
            return self.none()
        ids = admin_area_ids(user)
        if ids is None:
            return self
        filed = self.alias(filed_area=filed_area_expression())
        return filed.filter(models.Q(filed_area__in=ids) | models.Q(user=user))


class Profile(models.Model):
    """What reports need to know about a person: gender, age, area, organisation, learner groups."""

    FEMALE, MALE, OTHER = "female", "male", "other"
    GENDERS = [(FEMALE, _("Female")), (MALE, _("Male")), (OTHER, _("Other"))]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="profile"
    )
    gender = models.CharField(_("gender"), max_length=10, choices=GENDERS, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("commune or ward"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where the person lives or works: today's commune or ward (a former district on older records)."),
    )
    commune = models.ForeignKey(
        "areas.Area",
        verbose_name=_("former commune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    learner_groups = models.ManyToManyField("courses.Audience", verbose_name=_("learner groups"), blank=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(birth_year__isnull=True) | models.Q(birth_year__gte=1900, birth_year__lte=2100),
                name="profile_birth_year_plausible",
            )
        ]

    def __str__(self):
        return str(self.user)

    @property
    def filed_area(self) -> Area | None:
        """The area the person's records count under: their commune, else their district (or today's unit).

        The rule is `FILED_UNDER`; the ORM and the reports' SQL read it too (`filed_area_expression`, `filed_area_sql`).
        """
        return next((area for name in FILED_UNDER if (area := getattr(self, name)) is not None), None)


class TrainerSpeciality(TaggedItemBase):
    content_object = models.ForeignKey("trainers.Trainer", on_delete=models.CASCADE, related_name="tagged_items")


# PostgreSQL transaction-level advisory lock taken by every lineage write (`Trainer.lineage_lock`) and by the
# trainers_trainer_lineage_is_a_tree trigger (migration 0022): lineage writes are serialised.
LINEAGE_LOCK = (4901, 1)
# Certification activity counts over this many months before the day asked about.
ACTIVITY_MONTHS = 12


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier (the month's last day where that month is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class TrainerQuerySet(AreaScopedQuerySet):
    area_fields = ("home_area",)

    def lineage_below(self, trainer: "Trainer") -> "TrainerQuerySet":
        """The trainer and everyone down their lineage: their trainees, the trainees' trainees, and so on."""
        table = connection.ops.quote_name(Trainer._meta.db_table)
        # UNION (not UNION ALL) ends the walk even over a loop left by older data.
        below = RawSQL(
            f"WITH RECURSIVE below(id) AS (SELECT id FROM {table} WHERE id = %s"  # noqa: S608  (our table's name)
            f" UNION SELECT t.id FROM {table} t JOIN below ON t.trained_by_id = below.id) SELECT id FROM below",
            (trainer.pk,),
        )
        return self.filter(pk__in=below)

    def certification_active(self, on: datetime.date | None = None) -> "TrainerQuerySet":
        """Trainers with certification activity in the 12 months up to the day (today by default).

        The one rule of "active": within (on − 12 months, on] the trainer led a training session (its first
        day in the window, its class report approved), was issued or renewed a trainer certificate, or is named
        as the trainer on a trainer certificate issued to someone they trained. Revoked certificates still count:
        the work was done.
        """
        return self.filter(self._activity(on))

    def certification_inactive(self, on: datetime.date | None = None) -> "TrainerQuerySet":
        """Trainers without certification activity in the 12 months up to the day (`certification_active`)."""
        return self.exclude(self._activity(on))

    def with_certification_activity(self, on: datetime.date | None = None) -> "TrainerQuerySet":
        """Each trainer annotated `is_active` as `certification_active` says."""
        return self.annotate(is_active=self._activity(on))

    @staticmethod
    def _activity(on: datetime.date | None) -> models.Q:
        from .certification import COUNTED_REPORT, Certificate

        on = on or timezone.localdate()
        since = months_before(on, ACTIVITY_MONTHS)
        window = {"issued_on__gt": since, "issued_on__lte": on, "kind": Certificate.TRAINER}
        # The session table is reached through the relation, wherever its model lives.
        led = Trainer.sessions_led.through.objects.filter(
            trainer=models.OuterRef("pk"),
            trainingsession__starts_on__gt=since,
            trainingsession__starts_on__lte=on,
            trainingsession__report_status=COUNTED_REPORT,
        )
        holds = Certificate.objects.filter(person=models.OuterRef("person"), **window)
        trained = Certificate.objects.filter(trained_by=models.OuterRef("pk"), **window)
        return models.Q(models.Exists(led)) | models.Q(models.Exists(holds)) | models.Q(models.Exists(trained))

    def visible_to(self, user) -> "TrainerQuerySet":
        """Administrators see the trainers whose home area is in their scope."""
        scope = self._in_admin_scope(user)
        return self if scope is None else self.filter(scope)

    def certified(self, on: datetime.date | None = None) -> "TrainerQuerySet":
        """Who is a certified trainer on the day (today by default): the one rule every screen and report uses.

        A core or master trainer holding a trainer certificate issued by then, not revoked, not expired.
        """
        from .certification import Certificate

        valid = Certificate.objects.certifying_trainers(on).filter(person=models.OuterRef("person"))
        return self.filter(level__in=Trainer.CERTIFIED_LEVELS).filter(models.Exists(valid))

    def certified_counts(self, days: list[datetime.date], by: str) -> dict:
        """{value of `by`: [how many are certified on each day]}: `certified(on)` for many days in one grouped scan."""
        from .certification import Certificate, certifies_trainer_on

        rule = "person__certificates__"
        counts = {
            f"on{i}": models.Count("pk", distinct=True, filter=certifies_trainer_on(day, rule))
            for i, day in enumerate(days)
        }
        rows = (
            self.filter(level__in=Trainer.CERTIFIED_LEVELS)
            .filter(**{f"{rule}kind": Certificate.TRAINER, f"{rule}issued_on__lte": max(days)})
            .values(by)
            .annotate(**counts)
            .order_by()
        )
        return {row[by]: [row[f"on{i}"] for i in range(len(days))] for row in rows}

    def in_area(self, area: Area) -> "TrainerQuerySet":
        """Trainers based in the area or any unit below it."""
        return self.filter(home_area__in=Area.objects.within(area))

    def for_directory(self) -> "TrainerQuerySet":
        """Everything a directory card shows but the photo (prefetched with its rendition by the view)."""
        return (
            self.select_related("person", "home_area", "home_area__parent", "trained_by__person")
            .prefetch_related("specialities")
            .annotate(trainee_count=models.Count("trainees", distinct=True))
        )


class Trainer(ClusterableModel):
    """A person's trainer record, with who trained them so the cascade can be followed."""

    CANDIDATE, CORE, MASTER = "candidate", "core", "master"
    LEVELS = [(CANDIDATE, _("Candidate trainer")), (CORE, _("Core trainer")), (MASTER, _("Master trainer"))]
    CERTIFIED_LEVELS = (CORE, MASTER)

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="trainer"
    )
    level = models.CharField(_("level"), max_length=12, choices=LEVELS, default=CANDIDATE)
    home_area = models.ForeignKey(
        "areas.Area", verbose_name=_("home area"), on_delete=models.PROTECT, related_name="trainers"
    )
    specialities = TaggableManager(through=TrainerSpeciality, blank=True, verbose_name=_("specialities"))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("public biography"), blank=True)
    trained_by = models.ForeignKey(
        "self",
        verbose_name=_("trained by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trainees",
    )
    generation = models.PositiveSmallIntegerField(
        _("generation"), default=1, help_text=_("1 for trainers trained by the province; +1 for each step down.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = TrainerQuerySet.as_manager()

    class Meta:
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")
        constraints = [
            models.CheckConstraint(condition=~models.Q(trained_by=models.F("id")), name="trainer_not_trained_by_self")
        ]

    def __str__(self):
        return str(self.person)

    @property
    def name(self) -> str:
        return self.person.full_name

    def clean(self):
        super().clean()
        self.validate_trained_by(self.trained_by)

    def validate_trained_by(self, trained_by: "Trainer | None") -> None:
        """The lineage stays a tree: nobody is trained by themselves or by anyone down their own lineage.

        Raises a ValidationError on `trained_by`. What guards the tree: this check in the admin form (through
        `clean`) and again under the lineage lock in `trainers.services.trainer_lineage_set`, the only code
        that writes the lineage; in the database the `trainer_not_trained_by_self` constraint and, on
        PostgreSQL, the trigger of migration 0022, which refuses any loop even from raw SQL and takes the same
        lock. SQLite (development) has no recursive trigger but runs one writing transaction at a time.
        """
        if trained_by is None or self.pk is None:
            return  # a new trainer has nobody below them yet
        if trained_by.pk == self.pk:
            raise ValidationError({"trained_by": _("A trainer cannot be their own trainer.")}, code="lineage_loop")
        if Trainer.objects.lineage_below(self).filter(pk=trained_by.pk).exists():
            message = _(
                "%(trainer)s was trained by %(name)s, directly or further down the cascade, "
                "so cannot be the one who trained %(name)s."
            )
            raise ValidationError({"trained_by": message % {"trainer": trained_by, "name": self}}, code="lineage_loop")

    def generation_under(self, trained_by: "Trainer | None") -> int:
        """1 for a trainer trained by the province; one more than their trainer's otherwise."""
        return trained_by.generation + 1 if trained_by else 1

    @staticmethod
    def lineage_lock() -> None:
        """Serialise lineage writes until the transaction ends (PostgreSQL; SQLite serialises all writes)."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", LINEAGE_LOCK)
