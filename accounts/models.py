from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .phones import normalise_phone


class UserQuerySet(models.QuerySet):
    def update(self, **kwargs) -> int:
        """Change the rows and drop their cached users: update() sends no post_save (accounts/backends.py).

        Wagtail's bulk "set active state" deactivates users this way; without the drop they would stay
        signed in for up to TRUST_SECONDS, served from the cache.
        """
        from .backends import forget_cached_user_ids

        with transaction.atomic(using=self.db):
            ids = list(self.values_list("pk", flat=True))
            changed = super().update(**kwargs)
            forget_cached_user_ids(ids)
        return changed


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        email = self.normalize_email(email).lower() if email else None
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an email address or a Vietnamese phone number."""

    # NULL, not "": several phone-only accounts must not collide on the unique email.
    email = models.EmailField(_("email address"), blank=True, null=True)  # noqa: DJ001
    phone = models.CharField(  # noqa: DJ001
        _("phone number"),
        max_length=16,
        blank=True,
        null=True,
        help_text=_("Stored in international form, e.g. +84905123456."),
    )
    full_name = models.CharField(_("full name"), max_length=150)
    # Django's flag for its own admin site, which is not served: who is staff is decided by role (accounts/staff.py).
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into the admin site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        default="vi",
        choices=[("vi", "Tiếng Việt"), ("en", "English")],
    )

    # How the outbox writes to the person (trainers/notifications.py); "" = e-mail if they have an address, else
    # the site's phone channel. E-mail needs an address and SMS or Zalo a phone number (AccountForm checks).
    EMAIL_CHANNEL, SMS_CHANNEL, ZALO_CHANNEL = "email", "sms", "zalo"
    notification_channel = models.CharField(
        _("messages by"),
        max_length=8,
        blank=True,
        db_default="",  # rows written without the field (older code, migrations' historical models) mean "automatic"
        choices=[
            ("", _("Automatic: e-mail if I have an address, else my phone")),
            (EMAIL_CHANNEL, _("E-mail")),
            (SMS_CHANNEL, "SMS"),
            (ZALO_CHANNEL, "Zalo"),
        ],
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            models.UniqueConstraint(fields=["phone"], name="user_phone_unique"),
            models.CheckConstraint(
                condition=models.Q(email__isnull=False) | models.Q(phone__isnull=False),
                name="user_has_email_or_phone",
                violation_error_message=_("Enter an email address or a phone number."),
            ),
        ]

    def __str__(self):
        return self.full_name or self.email or self.phone or str(self.pk)

    def clean(self):
        super().clean()
        self.email = self.email.strip().lower() if self.email else None
        if self.phone:
            phone = normalise_phone(self.phone)
            if phone is None:
                raise ValidationError({"phone": _("Enter a valid Vietnamese phone number.")})
            self.phone = phone
        else:
            self.phone = None

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.rsplit(" ", 1)[-1] if self.full_name else ""

    @property
    def is_staff_member(self) -> bool:
        """For templates (`user.is_staff_member`); see accounts/staff.py."""
        from .staff import is_staff_member

        return is_staff_member(self)

    # Wagtail's admin shows first/last names; a Vietnamese full name is one field.
    @property
    def first_name(self):
        return self.get_short_name()

    @property
    def last_name(self):
        return ""


class ThrottleCount(models.Model):
    """How many requests one address made in one window of one throttle, counted here while Redis is away.

    See accounts/throttles.py; the rows of windows that are over are deleted every few minutes.
    """

    scope = models.CharField(max_length=32)
    address = models.CharField(max_length=64)
    window_start = models.DateTimeField(db_index=True)
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "address", "window_start"], name="accounts_throttle_count_once_per_window"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.address} {self.window_start:%H:%M}: {self.hits}"


class ConsentQuerySet(models.QuerySet):
    def current(self) -> "ConsentQuerySet":
        """The consents in force: given and not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)


class Consent(models.Model):
    """One person's consent to one purpose, under one version of the privacy notice.

    Giving it again after withdrawing adds a row, so the history says what was agreed to and when
    (Law 91/2025/QH15 on Personal Data Protection, Article 9: consent per purpose, clear and
    specific, and it can be withdrawn). At most one row per person and purpose is in force.
    """

    LEARNING_RECORDS, STATISTICS = "learning_records", "statistics"
    NOTIFY_EMAIL, NOTIFY_PHONE = "notify_email", "notify_phone"
    PURPOSES = [
        (LEARNING_RECORDS, _("My account and learning records, to take part in the programme")),
        (STATISTICS, _("Programme statistics by my gender, learner group and area")),
        (NOTIFY_EMAIL, _("Notifications by e-mail")),
        (NOTIFY_PHONE, _("Notifications by phone (SMS, Zalo)")),
    ]
    REQUIRED = (LEARNING_RECORDS,)

    person = models.ForeignKey(
        "accounts.User", verbose_name=_("person"), on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=24, choices=PURPOSES)
    notice_version = models.CharField(_("privacy notice version"), max_length=16)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["person", "purpose", "-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "purpose"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="accounts_consent_one_in_force_per_purpose",
            ),
            models.CheckConstraint(
                condition=models.Q(purpose__in=["learning_records", "statistics", "notify_email", "notify_phone"]),
                name="accounts_consent_purpose_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.purpose} ({self.notice_version})"


class PhoneCodeQuerySet(models.QuerySet):
    def live(self) -> "PhoneCodeQuerySet":
        """Codes that may still be entered: not used, not expired, not out of attempts."""
        from .phone_codes import MAX_ATTEMPTS

        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now(), attempts__lt=MAX_ATTEMPTS)


class PhoneCode(models.Model):
    """A one-time code sent to a phone number: to reset a password, or to confirm a new number.

    The database keeps no code, nor anything a code can be worked out from without the site's SECRET_KEY:
    the code is a keyed hash (HMAC) of the row's random `salt` (accounts/phone_codes.py), computed again
    when the outbox writes the message and when a code is entered.
    """

    RESET, PHONE_CHANGE = "reset", "phone_change"
    PURPOSES = [(RESET, _("Password reset")), (PHONE_CHANGE, _("New phone number"))]

    user = models.ForeignKey(
        "accounts.User", verbose_name=_("person"), on_delete=models.CASCADE, related_name="phone_codes"
    )
    purpose = models.CharField(_("purpose"), max_length=16, choices=PURPOSES)
    phone = models.CharField(_("phone number"), max_length=16, help_text=_("Where the code was sent."))
    salt = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    objects = PhoneCodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("phone code")
        verbose_name_plural = _("phone codes")
        indexes = [models.Index(fields=["phone", "purpose", "created_at"], name="accounts_phone_code_lookup")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(purpose__in=["reset", "phone_change"]), name="accounts_phone_code_purpose_known"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} {self.user_id} ({self.created_at:%Y-%m-%d %H:%M})"


class DataRequestQuerySet(models.QuerySet):
    def open(self) -> "DataRequestQuerySet":
        """The requests still waiting for an answer."""
        return self.filter(status=DataRequest.RECEIVED)

    def visible_to(self, user) -> "DataRequestQuerySet":
        """A person sees their own; an administrator those of the people they answer for (`accounts.rights`)."""
        from .rights import people_scope

        if not getattr(user, "is_authenticated", False):
            return self.none()
        people = people_scope(user)
        if people is None:
            return self
        return self.filter(models.Q(person=user) | models.Q(person__in=people))


class DataRequest(models.Model):
    """A person's request about their personal data, with the date the law requires an answer by.

    Law 91/2025/QH15, Article 4(1)(b)-(d): withdrawal of consent, access, correction, deletion, restriction
    and objection. The deadline of each kind is computed once, in `accounts.rights.request_due_at`.
    """

    ACCESS, CORRECTION, DELETION = "access", "correction", "deletion"
    OBJECTION, WITHDRAWAL = "objection", "withdrawal"
    KINDS = [
        (ACCESS, _("A copy of my data")),
        (CORRECTION, _("Correct my data")),
        (DELETION, _("Delete my data")),
        (OBJECTION, _("Restrict or object to processing")),
        (WITHDRAWAL, _("Withdraw consent")),
    ]
    RECEIVED, ANSWERED, REFUSED = "received", "answered", "refused"
    STATUSES = [(RECEIVED, _("Received")), (ANSWERED, _("Done")), (REFUSED, _("Refused"))]

    person = models.ForeignKey(
        "accounts.User", verbose_name=_("person"), on_delete=models.CASCADE, related_name="data_requests"
    )
    kind = models.CharField(_("request"), max_length=12, choices=KINDS)
    details = models.TextField(_("details"), blank=True, max_length=2000)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    due_at = models.DateTimeField(_("due by"))
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=RECEIVED)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answer_note = models.TextField(_("answer"), blank=True, max_length=2000)

    objects = DataRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")
        ordering = ["due_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["access", "correction", "deletion", "objection", "withdrawal"]),
                name="accounts_datarequest_kind_known",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["received", "answered", "refused"]),
                name="accounts_datarequest_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(due_at__gte=models.F("received_at")),
                name="accounts_datarequest_due_after_receipt",
            ),
            # Open means unanswered; answered or refused means answered at a time.
            models.CheckConstraint(
                condition=(models.Q(status="received", answered_at__isnull=True, answered_by__isnull=True))
                | (~models.Q(status="received") & models.Q(answered_at__isnull=False)),
                name="accounts_datarequest_answered_has_time",
            ),
            # A refusal says why (the person is told the reason).
            models.CheckConstraint(
                condition=~models.Q(status="refused") | ~models.Q(answer_note=""),
                name="accounts_datarequest_refusal_has_reason",
                violation_error_message=_("Say why the request is refused: the person is told."),
            ),
        ]
        indexes = [models.Index(fields=["status", "due_at"], name="accounts_datarequest_open_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.person} ({self.received_at:%d/%m/%Y})"

    @property
    def is_open(self) -> bool:
        return self.status == self.RECEIVED
