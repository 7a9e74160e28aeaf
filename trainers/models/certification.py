"""Numbered, verifiable certificates: course completion, or certification as a trainer."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.links import absolute_url

from .scoping import AreaScopedQuerySet


def new_verification_code() -> str:
    """128 random bits, URL-safe: unguessable, printed in the QR code."""
    return secrets.token_urlsafe(16)


class CertificateQuerySet(AreaScopedQuerySet):
    area_fields = ("area",)

    def visible_to(self, user) -> "CertificateQuerySet":
        """A holder sees their own certificates; an administrator those issued in their area."""
        if not user.is_authenticated:
            return self.none()
        scope = self._in_admin_scope(user)
        return self if scope is None else self.filter(scope | models.Q(person=user))

    def valid(self, on: datetime.date | None = None) -> "CertificateQuerySet":
        """Not revoked and not expired on the day (today by default)."""
        on = on or timezone.localdate()
        return self.filter(status=Certificate.VALID).filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=on)
        )


class Certificate(models.Model):
    COURSE, TRAINER = "course", "trainer"
    KINDS = [(COURSE, _("Course completion")), (TRAINER, _("Trainer certification"))]
    VALID, REVOKED = "valid", "revoked"
    STATUSES = [(VALID, _("Valid")), (REVOKED, _("Revoked"))]
    EXPIRED = "expired"  # never stored: a valid certificate past its expiry date
    STATUS_LABELS = {VALID: _("Valid"), REVOKED: _("Revoked"), EXPIRED: _("Expired")}

    kind = models.CharField(_("kind"), max_length=10, choices=KINDS)
    number = models.CharField(_("certificate number"), max_length=20, unique=True)
    code = models.CharField(_("verification code"), max_length=32, unique=True, default=new_verification_code)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("holder"), on_delete=models.PROTECT, related_name="certificates"
    )
    holder_name = models.CharField(_("name on the certificate"), max_length=150)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    trainer_level = models.CharField(_("trainer level"), max_length=12, blank=True)
    trained_by = models.ForeignKey(
        "trainers.Trainer",
        verbose_name=_("trained by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    area = models.ForeignKey(
        "trainers.Area", verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=VALID)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pdf = models.FileField(_("PDF"), upload_to="certificates/", blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    pdf_rendered_at = models.DateTimeField(_("PDF rendered at"), null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-id"]
        permissions = [("revoke_certificate", _("Can revoke certificates"))]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "course"],
                condition=models.Q(kind="course", status="valid"),
                name="one_valid_course_certificate",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="trainer") | models.Q(course__isnull=False),
                name="course_certificate_has_course",
            ),
            models.CheckConstraint(
                condition=models.Q(status="valid") | ~models.Q(revoked_reason=""),
                name="revoked_certificate_has_reason",
            ),
        ]

    def __str__(self):
        return self.number

    def status_on(self, day: datetime.date | None = None) -> str:
        """valid, expired or revoked, as a verifier would see it on the day."""
        if self.status == self.REVOKED:
            return self.REVOKED
        if self.expires_on and self.expires_on < (day or timezone.localdate()):
            return self.EXPIRED
        return self.VALID

    @property
    def current_status(self) -> str:
        return self.status_on()

    def get_current_status_display(self) -> str:
        return str(self.STATUS_LABELS[self.current_status])

    def verify_url(self) -> str:
        """The absolute public address printed in the QR code (Vietnamese, the default language)."""
        with translation.override(settings.LANGUAGE_CODE):
            path = reverse("trainers:verify", args=[self.code])
        return absolute_url(path)

    def pdf_filename(self) -> str:
        return f"chung-nhan-{self.number}.pdf"


class CertificateCounter(models.Model):
    """The last number issued in a year; locked while the next number is taken."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"
