"""Events (Startup Day, pitch contests, workshops, training fairs) and the people registered for them."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import ProgrammeStreamBlock
from ..querysets import EventPageManager, RegistrationQuerySet

# Letters and digits that cannot be mistaken for one another when read aloud or typed at the door.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
CODE_LENGTH = 12


def new_check_in_code() -> str:
    """An unguessable check-in code: 12 characters from 30, about 59 bits."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_check_in_code(raw: str) -> str:
    """The stored form of a code as people type it: "abcd-efgh 2345" → "ABCDEFGH2345"."""
    return "".join(ch for ch in str(raw or "").upper() if ch.isalnum())


class EventIndexPage(Page):
    """The list of events: upcoming first, then past ones."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["showcase.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("event list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.live().public().select_related("area")
        context["upcoming"] = events.upcoming()
        context["past"] = events.past()[:24]
        return context


class EventPage(Page):
    """A dated event people register for, with a capacity and a waiting list, checked in at the door."""

    STARTUP_DAY, PITCH, WORKSHOP, FAIR = "startup_day", "pitch_contest", "workshop", "training_fair"
    KINDS = [
        (STARTUP_DAY, _("Startup Day")),
        (PITCH, _("Pitch contest")),
        (WORKSHOP, _("Workshop")),
        (FAIR, _("Training fair")),
    ]

    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default=STARTUP_DAY)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=255, help_text=_("Venue and address."))
    area = models.ForeignKey(
        "areas.Area",
        verbose_name=_("area"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The district (or today's unit) where it is held."),
    )
    organiser = models.CharField(_("organiser"), max_length=255)
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    programme = StreamField(ProgrammeStreamBlock(), verbose_name=_("programme"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), validators=[MinValueValidator(1)], default=100)
    registration_open = models.BooleanField(
        _("registration open"), default=True, help_text=_("Untick to stop taking registrations.")
    )

    objects = EventPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("area"), FieldPanel("organiser")]),
        FieldPanel("summary"),
        FieldPanel("programme"),
        MultiFieldPanel([FieldPanel("capacity"), FieldPanel("registration_open")], heading=_("Registration")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("place")]
    parent_page_types = ["home.HomePage", "showcase.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gte=models.F("starts_at")), name="event_dates_ordered"),
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="event_capacity_positive"),
        ]

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event cannot end before it starts.")})

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def accepts_registrations(self) -> bool:
        return self.registration_open and not self.is_past

    def places_taken(self) -> int:
        return self.registrations.confirmed().count()

    def serve(self, request, *args, **kwargs):
        """GET shows the event; POST registers the visitor (or the signed-in person) and shows their ticket."""
        from ..forms import RegistrationForm
        from ..services import registration_create

        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = RegistrationForm(request.POST, user=request.user)
        if form.is_valid() and self.accepts_registrations:
            try:
                registration, registered = registration_create(event=self, **form.registration_kwargs())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if registered or registration.belongs_to(request.user):
                    return redirect(registration.get_absolute_url())
                # Someone else's (or the visitor's own, but we cannot tell): never show its name or code.
                form.add_error(
                    None,
                    _(
                        "This phone number is already registered for this event. Open the ticket link you "
                        "received when you registered (it is also in the confirmation email), or log in to "
                        "see your ticket."
                    ),
                )
        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=400)

    def get_context(self, request, *args, **kwargs):
        from ..forms import RegistrationForm
        from ..permissions import can_check_in

        context = super().get_context(request, *args, **kwargs)
        context["form"] = RegistrationForm(user=request.user)
        context["places_taken"] = self.places_taken()
        context["places_left"] = max(self.capacity - context["places_taken"], 0)
        context["my_registration"] = (
            self.registrations.active().filter(person=request.user).first() if request.user.is_authenticated else None
        )
        context["can_check_in"] = can_check_in(request.user, self)
        context["awards"] = self.awards.filter(project__status="published").select_related("project")
        return context


class Registration(models.Model):
    """One person's place (or place in the queue) at an event; the code on their ticket checks them in."""

    CONFIRMED, WAITING, CANCELLED = "confirmed", "waiting", "cancelled"
    STATUSES = [(CONFIRMED, _("Confirmed")), (WAITING, _("On the waiting list")), (CANCELLED, _("Cancelled"))]
    CONFIRMATION, PROMOTION = "confirmation", "promotion"

    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        help_text=_("Empty for a visitor who registered with a name and phone number."),
    )
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone number"), max_length=16, null=True, blank=True)  # noqa: DJ001
    email = models.EmailField(_("email address"), null=True, blank=True)  # noqa: DJ001
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="vi")
    status = models.CharField(_("status"), max_length=12, choices=STATUSES, default=CONFIRMED)
    code = models.CharField(_("check-in code"), max_length=16, unique=True, default=new_check_in_code, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    queued_at = models.DateTimeField(
        _("in the queue since"), default=timezone.now, help_text=_("Orders the waiting list.")
    )
    promoted_at = models.DateTimeField(_("moved up from the waiting list at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    consent_notice_version = models.CharField(
        _("privacy notice version"),
        max_length=16,
        blank=True,
        help_text=_("The notice the person agreed to when registering; empty for registrations made before."),
    )
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "queued_at", "pk"]
        permissions = [("check_in_registration", _("Can check people in at events"))]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=models.Q(person__isnull=False),
                name="registration_once_per_person",
                violation_error_message=_("This person is already registered for the event."),
            ),
            models.UniqueConstraint(
                fields=["event", "phone"],
                condition=models.Q(phone__isnull=False),
                name="registration_once_per_phone",
                violation_error_message=_("This phone number is already registered for the event."),
            ),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(phone__isnull=False),
                name="registration_has_person_or_phone",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["confirmed", "waiting", "cancelled"]), name="registration_status_known"
            ),
            models.CheckConstraint(
                condition=models.Q(checked_in_at__isnull=True) | models.Q(status="confirmed"),
                name="registration_checked_in_only_if_confirmed",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"], name="registration_queue_idx")]

    def __str__(self):
        return f"{self.full_name} @ {self.event.title}"

    def get_absolute_url(self) -> str:
        return reverse("showcase:ticket", args=[self.code])

    def belongs_to(self, user) -> bool:
        """True for the account the registration was made with; a visitor's ticket is reached by its code only."""
        return self.person_id is not None and getattr(user, "pk", None) == self.person_id

    def get_check_in_url(self) -> str:
        return reverse("showcase:check_in_code", args=[self.code])

    @property
    def display_code(self) -> str:
        """The code in groups of four, easier to read out at the door."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    def waiting_position(self) -> int | None:
        """1 for the first person in the queue; None unless waiting."""
        if self.status != self.WAITING:
            return None
        ahead = (
            Registration.objects.waiting()
            .filter(event_id=self.event_id)
            .filter(models.Q(queued_at__lt=self.queued_at) | models.Q(queued_at=self.queued_at, pk__lt=self.pk))
        )
        return ahead.count() + 1
