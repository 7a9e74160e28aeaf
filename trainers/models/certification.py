"""Numbered, verifiable certificates: course completion, or certification as a trainer."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_verification_code() -> str:
    """128 random bits, URL-safe: unguessable, printed in the QR code."""
    return secrets.token_urlsafe(16)


class Certificate(models.Model):
    COURSE, TRAINER = "course", "trainer"
    KINDS = [(COURSE, _("Course completion")), (TRAINER, _("Trainer certification"))]
    VALID, REVOKED = "valid", "revoked"
    STATUSES = [(VALID, _("Valid")), (REVOKED, _("Revoked"))]

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
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pdf = models.FileField(_("PDF"), upload_to="certificates/", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    pdf_rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-id"]
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
        ]

    def __str__(self):
        return self.number


class CertificateCounter(models.Model):
    """The last number issued in a year; locked while the next number is taken."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"
