"""The notification outbox: one row per message a person is owed (delivery: see trainers/notifications.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from areas.models import admin_area_ids


class NotificationQuerySet(models.QuerySet):
    def pending(self) -> "NotificationQuerySet":
        return self.filter(status=Notification.PENDING)

    def failed(self) -> "NotificationQuerySet":
        return self.filter(status=Notification.FAILED)

    def visible_to(self, user) -> "NotificationQuerySet":
        """A person sees their own; an administrator also those to people whose profile is filed in their area."""
        from .people import Profile  # people imports this package's areas; a late import keeps modules flat

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if admin_area_ids(user) is None:
            return self
        return self.filter(models.Q(user=user) | models.Q(user__profile__in=Profile.objects.visible_to(user)))


class Notification(models.Model):
    """A message owed to a person, keyed by what it is about so that a second insert is a no-op.

    The natural key is (user, kind, object key, period): e.g. ("session_reminder", "session:12",
    "2026-05-06"). The send task claims the row with a conditional UPDATE before sending.
    A message to someone without an account (a Startup Day visitor, an invited address) names its
    `address` instead, and its key is (address, kind, object key, period). `address` and `language`,
    when given, are where and in which language to write even to an account holder (the e-mail and
    language they gave when they registered).
    """

    ENROLLED = "enrolled"
    CERTIFICATE_ISSUED = "certificate_issued"
    SESSION_REMINDER = "session_reminder"
    INACTIVE_REMINDER = "inactive_reminder"
    EXPIRY_REMINDER = "expiry_reminder"
    EXPIRY_ADMIN_REMINDER = "expiry_admin_reminder"
    # Written by the showcase (showcase/notices.py).
    EVENT_REGISTRATION = "event_registration"
    EVENT_PLACE = "event_place"
    PROJECT_INVITATION = "project_invitation"
    SESSION_SUBMITTED = "session_submitted"  # to the area's administrators: a session or its report to review
    SESSION_REVIEWED = "session_reviewed"  # to the session's trainers: approved, or returned with a comment
    # To an account's owner: someone registered with its address (accounts.signals.registration_attempted).
    REGISTRATION_ATTEMPT = "registration_attempt"
    RENEWAL_REQUESTED = "renewal_requested"  # to the area's administrators: a holder asks for renewal
    # A one-time code to a phone number, asked for by the person (accounts/phone_codes.py): always by phone.
    PHONE_CODE = "phone_code"
    KINDS = [
        (ENROLLED, _("Enrolment confirmation")),
        (CERTIFICATE_ISSUED, _("Certificate issued")),
        (SESSION_REMINDER, _("Training session reminder")),
        (INACTIVE_REMINDER, _("Reminder to an inactive learner")),
        (EXPIRY_REMINDER, _("Certification expiry reminder")),
        (EXPIRY_ADMIN_REMINDER, _("Certification expiry reminder to the district")),
        (EVENT_REGISTRATION, _("Event registration confirmation")),
        (EVENT_PLACE, _("Place at an event from the waiting list")),
        (PROJECT_INVITATION, _("Invitation to a project team")),
        (SESSION_SUBMITTED, _("Training session to review")),
        (SESSION_REVIEWED, _("Training session reviewed")),
        (REGISTRATION_ATTEMPT, _("Registration with an address in use")),
        (RENEWAL_REQUESTED, _("Certificate renewal requested")),
        (PHONE_CODE, _("One-time code by phone")),
    ]
    PENDING, SENDING, SENT, FAILED, SKIPPED = "pending", "sending", "sent", "failed", "skipped"
    STATUSES = [
        (PENDING, _("Waiting")),
        (SENDING, _("Being sent")),
        (SENT, _("Sent")),
        (FAILED, _("Failed")),
        (SKIPPED, _("Not sent (no address or consent, or no longer due)")),
    ]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
        null=True,
        blank=True,
    )
    address = models.EmailField(_("email address"), blank=True, help_text=_("Where to write, if not the account's."))
    language = models.CharField(_("language"), max_length=8, blank=True, choices=settings.LANGUAGES)
    kind = models.CharField(_("kind"), max_length=24, choices=KINDS)
    object_key = models.CharField(_("about"), max_length=64, help_text=_("What it is about, e.g. session:12."))
    period = models.CharField(_("period"), max_length=32, blank=True, help_text=_("E.g. the day it is due for."))
    context = models.JSONField(_("context"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PENDING)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The channel it went (or is to go) by, chosen when it is sent (trainers/channels), and what it cost.
    channel = models.CharField(
        _("channel"),
        max_length=8,
        blank=True,
        choices=[("email", _("E-mail")), ("sms", "SMS"), ("zalo", "Zalo")],
    )
    cost = models.PositiveIntegerField(_("cost (VND)"), default=0)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        permissions = [("resend_notification", _("Can send a failed notification again"))]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "object_key", "period"], name="notification_natural_key"),
            models.UniqueConstraint(
                fields=["address", "kind", "object_key", "period"],
                condition=models.Q(user__isnull=True),
                name="notification_natural_key_by_address",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(address=""), name="notification_has_recipient"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="sent") | models.Q(sent_at__isnull=False), name="notification_sent_has_time"
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="notification_status_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient} ({self.object_key} {self.period})".strip()

    @property
    def recipient(self) -> str:
        """Who it is for, as the outbox lists it: the account, else the address."""
        return str(self.user) if self.user_id else self.address
