"""A class's certificates: which participant got which certificate, and the class's print files for the ceremony.

The certificates themselves are `trainers.Certificate` rows of the session kind; the link lives here, a floor above,
because `trainers` may not know about sessions. The rule and the services are in `training/certificates.py`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from trainers.models.certification import private_storage

from .sessions import TrainingSession


class SessionCertificate(models.Model):
    """The attendance certificate a participant received for a session: one per person and session, ever."""

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("training session"), on_delete=models.PROTECT, related_name="certificates"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    certificate = models.OneToOneField(
        "trainers.Certificate", verbose_name=_("certificate"), on_delete=models.PROTECT, related_name="session_link"
    )

    class Meta:
        verbose_name = _("session certificate")
        verbose_name_plural = _("session certificates")
        constraints = [
            # However many batches race, a person gets one certificate of a session (a revoked one is not replaced
            # by a batch: revoking is a decision, not a gap).
            models.UniqueConstraint(fields=["session", "person"], name="one_certificate_per_session_and_person")
        ]

    def __str__(self):
        return f"{self.certificate_id} @ {self.session_id}"


class CertificatePrintout(models.Model):
    """A session's certificates as one merged PDF in print order and a ZIP of single PDFs (private files).

    Made by a task one certificate at a time; `rendered` of `total` is its progress. `run` names the task run that
    owns the work: a redelivered or repeated task takes it over and the older run stops at its next step.
    `key` fingerprints the certificates it holds, so a batch issued later makes the files out of date.
    """

    session = models.OneToOneField(
        TrainingSession, verbose_name=_("training session"), on_delete=models.CASCADE, related_name="printout"
    )
    key = models.CharField(_("fingerprint of the certificates"), max_length=64, blank=True)
    run = models.CharField(_("task run"), max_length=32, blank=True)
    total = models.PositiveIntegerField(_("certificates"), default=0)
    rendered = models.PositiveIntegerField(_("rendered"), default=0)
    requested_at = models.DateTimeField(_("requested at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    pdf = models.FileField(_("merged PDF"), storage=private_storage, blank=True)
    zip = models.FileField(_("ZIP of single PDFs"), storage=private_storage, blank=True)

    class Meta:
        verbose_name = _("certificate print files")
        verbose_name_plural = _("certificate print files")

    def __str__(self):
        return f"{self.session_id}: {self.rendered}/{self.total}"
