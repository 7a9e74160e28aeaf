"""Startup projects, their teams and media, and the awards they won."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, validate_email
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from accounts.phones import normalise_phone

from ..querysets import INVITATION_SALT, ProjectInvitationQuerySet, StartupProjectQuerySet


class StartupProject(ClusterableModel):
    """A team's startup idea or company, reviewed by an administrator of its district before it is shown."""

    IDEA, PROTOTYPE, EARLY_REVENUE, GROWING = "idea", "prototype", "early_revenue", "growing"
    STAGES = [
        (IDEA, _("Idea")),
        (PROTOTYPE, _("Prototype")),
        (EARLY_REVENUE, _("Early revenue")),
        (GROWING, _("Growing")),
    ]
    RESEARCH, STUDENT, OCOP, OTHER = "research", "student", "ocop", "other"
    ORIGINS = [
        (RESEARCH, _("Research result or technical solution")),
        (STUDENT, _("Student project")),
        (OCOP, _("OCOP product")),
        (OTHER, _("Other")),
    ]
    SECTORS = [
        ("agriculture", _("Agriculture and aquaculture")),
        ("food", _("Food processing")),
        ("tourism", _("Tourism and hospitality")),
        ("handicrafts", _("Handicrafts")),
        ("digital", _("Digital technology")),
        ("education", _("Education")),
        ("health", _("Health and wellbeing")),
        ("environment", _("Environment and energy")),
        ("services", _("Trade and services")),
        ("other", _("Other")),
    ]
    DRAFT, SUBMITTED, PUBLISHED, RETURNED = "draft", "submitted", "published", "returned"
    STATUSES = [
        (DRAFT, _("Draft")),
        (SUBMITTED, _("Submitted for review")),
        (PUBLISHED, _("Published")),
        (RETURNED, _("Returned for changes")),
    ]
    TEAM_EDITABLE = (DRAFT, SUBMITTED, RETURNED)

    title = models.CharField(_("project name"), max_length=200)
    pitch = models.TextField(_("pitch"), max_length=600, help_text=_("The project in two or three sentences."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("The problem, the solution, the customers and the team.")
    )
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The district (or today's unit) the project is based in."),
    )
    commune = models.ForeignKey(
        "areas.Area",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Required for OCOP products: the commune the product belongs to."),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=SECTORS)
    stage = models.CharField(_("stage"), max_length=20, choices=STAGES, default=IDEA)
    origin = models.CharField(_("origin"), max_length=20, choices=ORIGINS, default=OTHER)
    ocop_stars = models.PositiveSmallIntegerField(
        _("OCOP star rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("For OCOP products: the rating the product was awarded (1 to 5 stars)."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    mentor = models.ForeignKey(
        "trainers.Trainer",
        verbose_name=_("mentor trainer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentored_projects",
    )
    courses = models.ManyToManyField(
        "courses.CoursePage", verbose_name=_("courses that fed it"), blank=True, related_name="+"
    )
    sessions = models.ManyToManyField(
        "training.TrainingSession", verbose_name=_("training sessions that fed it"), blank=True, related_name="+"
    )
    status = models.CharField(_("review status"), max_length=12, choices=STATUSES, default=DRAFT)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("first published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = StartupProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("startup project")
        verbose_name_plural = _("startup projects")
        ordering = ["-created_at"]
        permissions = [("review_startupproject", _("Can review startup projects"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ocop_stars__isnull=True)
                | models.Q(origin="ocop", ocop_stars__gte=1, ocop_stars__lte=5),
                name="project_ocop_stars_only_for_ocop",
                violation_error_message=_("Only OCOP products have a star rating, from 1 to 5."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "submitted", "published", "returned"]),
                name="project_status_known",
            ),
        ]
        indexes = [models.Index(fields=["status", "area"], name="project_status_area_idx")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.origin == self.OCOP and self.commune_id is None:
            raise ValidationError({"commune": _("An OCOP product names its commune.")})
        if self.origin != self.OCOP and self.ocop_stars is not None:
            raise ValidationError({"ocop_stars": _("Only OCOP products have a star rating.")})
        if self.commune_id and self.area_id and self.commune.parent_id not in (None, self.area_id):
            raise ValidationError({"commune": _("Choose a commune in the project's district.")})

    def get_absolute_url(self) -> str:
        return reverse("showcase:project_detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.PUBLISHED

    @property
    def team_can_edit(self) -> bool:
        return self.status in self.TEAM_EDITABLE

    @property
    def stars(self) -> str:
        return "★" * (self.ocop_stars or 0)


class ProjectMember(models.Model):
    """A person on a project's team; one of them leads it."""

    project = ParentalKey(StartupProject, verbose_name=_("project"), on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="startup_teams"
    )
    is_lead = models.BooleanField(_("team lead"), default=False)
    role = models.CharField(_("role in the team"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["-is_lead", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "person"], name="project_member_once"),
            models.UniqueConstraint(fields=["project"], condition=models.Q(is_lead=True), name="project_one_lead"),
        ]

    def __str__(self):
        return f"{self.person} · {self.project}"


def invitation_address(raw: str) -> str | None:
    """The stored form of an address people type: a lower-case email, or a phone in +84 form; None if neither."""
    text = str(raw or "").strip()
    if "@" in text:
        try:
            validate_email(text)
        except ValidationError:
            return None
        return text.lower()
    return normalise_phone(text) if text else None


class ProjectInvitation(models.Model):
    """An invitation to join a team, addressed to an email or phone; it becomes a membership when accepted.

    The inviter learns nothing from it: whether an account signs in with the address, or who it is.
    Only its link (`token`) answers it: nobody has proved that an account's email or phone is theirs
    (registration and the account page take any address), so signing in with the address proves nothing.
    """

    PENDING, DECLINED = "pending", "declined"
    STATUSES = [(PENDING, _("Waiting for an answer")), (DECLINED, _("Declined"))]

    project = models.ForeignKey(
        StartupProject, verbose_name=_("project"), on_delete=models.CASCADE, related_name="invitations"
    )
    address = models.CharField(
        _("email or phone"), max_length=254, help_text=_("Lower-case email, or a phone number in +84 form.")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PENDING)
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    objects = ProjectInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")
        ordering = ["-created_at", "pk"]
        constraints = [
            # A declined invitation stays, so the same address is not asked again and again.
            models.UniqueConstraint(fields=["project", "address"], name="project_invitation_once"),
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "declined"]), name="invitation_status_known"
            ),
        ]

    def __str__(self):
        return f"{self.project} · {self.masked_address}"

    def get_absolute_url(self) -> str:
        return reverse("showcase:invitation", args=[self.token])

    @property
    def masked_address(self) -> str:
        """The address with most of it hidden, for the team's list of open invitations."""
        if "@" in self.address:
            name, _at, domain = self.address.partition("@")
            return f"{name[:1]}•••@{domain}"
        return f"{self.address[:3]}•••{self.address[-3:]}"

    @property
    def is_email(self) -> bool:
        return "@" in self.address

    @property
    def token(self) -> str:
        """The secret in the invitation's link: whoever holds it may answer (the email, or what the team sends)."""
        return signing.dumps([self.pk, self.project_id], salt=INVITATION_SALT)


class ProjectImage(Orderable):
    project = ParentalKey(StartupProject, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.caption or str(self.image)


class ProjectDocument(Orderable):
    project = ParentalKey(StartupProject, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title or str(self.document)


class Award(models.Model):
    """An honour a project received, usually at an event."""

    FIRST, SECOND, THIRD, CONSOLATION, SPECIAL = 1, 2, 3, 4, 5
    RANKS = [
        (FIRST, _("First prize")),
        (SECOND, _("Second prize")),
        (THIRD, _("Third prize")),
        (CONSOLATION, _("Consolation prize")),
        (SPECIAL, _("Special mention")),
    ]

    project = ParentalKey(StartupProject, verbose_name=_("project"), on_delete=models.CASCADE, related_name="awards")
    event = models.ForeignKey(
        "showcase.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards",
    )
    title = models.CharField(_("award"), max_length=200)
    rank = models.PositiveSmallIntegerField(_("rank"), choices=RANKS, default=FIRST)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    awarded_by = models.CharField(_("awarded by"), max_length=200)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-year", "rank", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(year__gte=2000, year__lte=2100), name="award_year_plausible"),
            models.CheckConstraint(condition=models.Q(rank__gte=1, rank__lte=5), name="award_rank_known"),
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"
