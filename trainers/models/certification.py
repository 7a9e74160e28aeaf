"""Numbered, verifiable certificates: course completion, certification as a trainer, or attendance of a class."""

import datetime
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from accounts.links import absolute_url
from areas.scoping import AreaScopedQuerySet

# Crockford's base32: digits and capitals without I, L, O and U, so a code read aloud or copied from paper
# is typed right; what people confuse anyway (O for 0, I or L for 1) is read as meant.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS, CODE_GROUP_LENGTH = 3, 4  # K7QM-4TXR-9PZD: 60 random bits, and lookups are rate-limited
_CODE_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_verification_code() -> str:
    """Twelve random Crockford base32 characters in groups of four: unguessable, easy to read aloud and type."""
    characters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    return "-".join(characters[i : i + CODE_GROUP_LENGTH] for i in range(0, len(characters), CODE_GROUP_LENGTH))


def verification_code_candidates(typed: str) -> set[str]:
    """The stored codes a typed code may mean: as typed (older, case-sensitive codes), and as a readable code
    whatever its case, spaces and dashes, with O read as 0 and I or L as 1."""
    typed = (typed or "").strip()
    candidates = {typed} if typed else set()
    compact = "".join(typed.split()).replace("-", "").upper().translate(_CODE_LOOKALIKES)
    if len(compact) == CODE_GROUPS * CODE_GROUP_LENGTH and all(c in CODE_ALPHABET for c in compact):
        candidates.add("-".join(compact[i : i + CODE_GROUP_LENGTH] for i in range(0, len(compact), CODE_GROUP_LENGTH)))
    return candidates


class PracticumResult(models.TextChoices):
    """What a master trainer gave a participant of a session; a passed ToT practicum counts towards certification."""

    PENDING = "pending", _("Not assessed")
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Not passed")


class SessionReport(models.TextChoices):
    """Where a training session's class report stands; only an approved report (`COUNTED_REPORT`) counts, in reports
    and towards certification.

    Here, beside `PracticumResult`, because certification reads it through a person's session places and this
    app may not import `training`, which owns the sessions and moves them through these states.
    """

    NOT_RECORDED = "not_recorded", _("Results not recorded")
    RECORDED = "recorded", _("Results recorded")
    SUBMITTED = "submitted", _("Report submitted")
    APPROVED = "approved", _("Report approved")
    RETURNED = "returned", _("Report returned for changes")


# The one rule of which sessions count: reach, cascade, learning gain, activity and certification read a
# session's participants only once the area's administrator has approved its class report.
COUNTED_REPORT = SessionReport.APPROVED


class PrivateStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT and never given a URL: only a view that checks
    permission serves them (itself, or through nginx's X-Accel-Redirect)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through a view that checks permission.")


def private_storage():
    """The storage for certificate PDFs (STORAGES["private"]): resolved at run time, so deployments choose it."""
    return storages["private"]


def pdf_storage_name(number: str) -> str:
    """The stored file's name: unguessable without the secret key (no number, no name), yet the same on a retry,
    so that a render that died before committing is overwritten rather than left behind."""
    token = salted_hmac("trainers.certificate.pdf", number, algorithm="sha256").hexdigest()
    return f"certificates/{token}.pdf"


def _pdf_upload_to(instance, filename):
    return pdf_storage_name(instance.number)


class CertificateQuerySet(AreaScopedQuerySet):
    area_fields = ("area",)

    def visible_to(self, user) -> "CertificateQuerySet":
        """A holder sees their own certificates; an administrator those issued in their area."""
        if not user.is_authenticated:
            return self.none()
        scope = self._in_admin_scope(user)
        return self if scope is None else self.filter(scope | models.Q(person=user))

    def by_code(self, typed: str) -> "Certificate | None":
        """The certificate a verifier means by the code they typed or scanned, if any."""
        candidates = verification_code_candidates(typed)
        return self.filter(code__in=candidates).first() if candidates else None

    def awaiting_pdf(self) -> "CertificateQuerySet":
        """Not revoked and not rendered yet (expired ones too: their holders may still download them).

        A deleted account's certificates are left out: their PDF was removed with the name it printed.
        """
        return self.filter(status=Certificate.VALID, pdf_rendered_at__isnull=True, person__is_active=True)

    def valid(self, on: datetime.date | None = None) -> "CertificateQuerySet":
        """Not revoked and not expired on the day (today by default)."""
        on = on or timezone.localdate()
        return self.filter(status=Certificate.VALID).filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=on)
        )

    def certifying_trainers(self, on: datetime.date | None = None) -> "CertificateQuerySet":
        """Trainer certificates that make their holder a certified trainer on the day (`Trainer.objects.certified`)."""
        return self.filter(certifies_trainer_on(on or timezone.localdate()))


def certifies_trainer_on(day: datetime.date, prefix: str = "") -> models.Q:
    """The certificate (at `prefix`, e.g. "person__certificates__") makes its holder a certified trainer on the day:
    a trainer certificate issued by then, not revoked, not expired. The one rule: `Trainer.objects.certified`."""
    return models.Q(
        **{f"{prefix}kind": Certificate.TRAINER, f"{prefix}status": Certificate.VALID, f"{prefix}issued_on__lte": day}
    ) & (models.Q(**{f"{prefix}expires_on__isnull": True}) | models.Q(**{f"{prefix}expires_on__gte": day}))


class Certificate(models.Model):
    COURSE, TRAINER, SESSION = "course", "trainer", "session"
    KINDS = [
        (COURSE, _("Course completion")),
        (TRAINER, _("Trainer certification")),
        # Issued in a batch to the participants who completed a training session (training/certificates.py, which
        # links each to its session: sessions live a floor above this app). `subject` names the class.
        (SESSION, _("Training session attendance")),
    ]
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
    subject = models.CharField(
        _("what it attests"),
        max_length=300,
        blank=True,
        help_text=_("For a session attendance certificate: the class, its dates and place, as printed."),
    )
    trained_by = models.ForeignKey(
        "trainers.Trainer",
        verbose_name=_("trained by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
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
    pdf = models.FileField(_("PDF"), upload_to=_pdf_upload_to, storage=private_storage, blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    pdf_rendered_at = models.DateTimeField(_("PDF rendered at"), null=True, blank=True)
    # Renewal (trainers/renewal.py): the certificate this one renews, continuing its number and lineage. One-to-one,
    # so the database itself refuses a second renewal of the same certificate, however many approvals race.
    renews = models.OneToOneField(
        "self",
        verbose_name=_("renews"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewed_by",
    )
    renewal_requested_at = models.DateTimeField(_("renewal requested at"), null=True, blank=True)
    # Its place in the published revocation list of its Open Badges credential (trainers/credentials.py): drawn at
    # random on the first download and never changed, since credentials already handed out point at it.
    status_list_index = models.PositiveIntegerField(
        _("index in the status list"), null=True, blank=True, unique=True, editable=False
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-id"]
        permissions = [
            ("revoke_certificate", _("Can revoke certificates")),
            ("renew_certificate", _("Can renew certificates")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "course"],
                condition=models.Q(kind="course", status="valid"),
                name="one_valid_course_certificate",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="course") | models.Q(course__isnull=False),
                name="course_certificate_has_course",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="session") | ~models.Q(subject=""),
                name="session_certificate_has_subject",
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

    @property
    def renewal(self) -> "Certificate | None":
        """The certificate that renewed this one, if any (the reverse of `renews`)."""
        return getattr(self, "renewed_by", None)  # a missing one-to-one raises an AttributeError

    renewal.fget.short_description = _("renewed by")

    def renewal_history(self) -> list["Certificate"]:
        """Every certificate of this one's renewal chain, oldest first (this one included): a query per link."""
        chain = [self]
        while chain[0].renews_id:
            chain.insert(0, Certificate.objects.select_related("renews").get(pk=chain[0].renews_id))
        while (after := Certificate.objects.filter(renews=chain[-1]).first()) is not None:
            chain.append(after)
        return chain

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


class RenewalRule(models.Model):
    """What the province asks of a certificate's holder before it is renewed (evaluated by trainers/renewal.py)."""

    kind = models.CharField(_("kind of certificate"), max_length=10, choices=Certificate.KINDS, unique=True)
    min_sessions = models.PositiveSmallIntegerField(
        _("approved sessions taught"),
        default=2,
        help_text=_("Training sessions the holder led during the certificate's validity, their class report approved."),
    )
    min_participants = models.PositiveSmallIntegerField(
        _("participants per session"),
        default=10,
        help_text=_("A session counts towards renewal only with at least this many participants."),
    )
    refresher_course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("refresher course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Completed online during the validity period; leave empty if none is asked for."),
    )
    opens_days_before = models.PositiveSmallIntegerField(
        _("renewal opens (days before expiry)"),
        default=90,
        help_text=_("How long before its expiry a certificate may be renewed."),
    )

    class Meta:
        verbose_name = _("renewal rule")
        verbose_name_plural = _("renewal rules")
        ordering = ["kind"]

    def __str__(self):
        return str(self.get_kind_display())
