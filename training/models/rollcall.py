"""Roll-call on a phone: a check-in code per session day, pre/post tests and the learners' evaluation."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .sessions import SessionParticipant, TrainingSession

# Letters and digits that cannot be mistaken for one another when read aloud or typed (as Startup Day's).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
CODE_LENGTH = 10  # 30**10: about 49 bits; a code only works for a signed-in person, on its one day


def new_day_code() -> str:
    """An unguessable check-in code for one session day."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_day_code(raw: str) -> str:
    """The stored form of a code as people type it: "abcde-fghjk" → "ABCDEFGHJK"."""
    return "".join(ch for ch in str(raw or "").upper() if ch.isalnum())


class SessionDayCode(models.Model):
    """The code learners scan or type to check in to one day of a session; it works on that day only."""

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("training session"), on_delete=models.CASCADE, related_name="day_codes"
    )
    day = models.DateField(_("day"))
    code = models.CharField(_("check-in code"), max_length=16, unique=True, default=new_day_code, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("check-in code")
        verbose_name_plural = _("check-in codes")
        constraints = [models.UniqueConstraint(fields=["session", "day"], name="one_code_per_session_day")]

    def __str__(self):
        return f"{self.session} {self.day}"

    @property
    def display_code(self) -> str:
        return f"{self.code[:5]}-{self.code[5:]}"

    def is_valid_today(self) -> bool:
        """A code expires at the end of its day in the site's time zone."""
        return self.day == timezone.localdate()


class SessionTest(models.Model):
    """A short multiple-choice pre-test or post-test stored on the session."""

    PRE, POST = "pre", "post"
    KINDS = [(PRE, _("Pre-test")), (POST, _("Post-test"))]

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("training session"), on_delete=models.CASCADE, related_name="tests"
    )
    kind = models.CharField(_("kind"), max_length=4, choices=KINDS)
    # [{"text": "…", "choices": ["…", "…"], "answer": 0}, …]
    questions = models.JSONField(_("questions"), default=list)

    class Meta:
        verbose_name = _("session test")
        verbose_name_plural = _("session tests")
        constraints = [models.UniqueConstraint(fields=["session", "kind"], name="one_test_of_each_kind")]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.session}"


class TestResult(models.Model):
    """A participant's score (0–100) on the session's pre-test or post-test: answered on a phone or typed from paper."""

    __test__ = False  # not a pytest test class, whatever its name

    ONLINE, PAPER = "online", "paper"
    SOURCES = [(ONLINE, _("Answered on a phone")), (PAPER, _("Typed from paper"))]

    participant = models.ForeignKey(
        SessionParticipant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="test_results"
    )
    kind = models.CharField(_("kind"), max_length=4, choices=SessionTest.KINDS)
    score = models.DecimalField(
        _("score (out of 100)"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    answers = models.JSONField(_("answers"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=8, choices=SOURCES, default=ONLINE)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("test result")
        verbose_name_plural = _("test results")
        constraints = [
            models.UniqueConstraint(fields=["participant", "kind"], name="one_result_per_test"),
            models.CheckConstraint(condition=models.Q(score__gte=0, score__lte=100), name="test_score_in_range"),
        ]

    def __str__(self):
        return f"{self.participant} {self.kind}: {self.score}"


RATING_FIELDS = ("content", "trainer", "usefulness")


class Evaluation(models.Model):
    """A participant's evaluation of the session: three ratings from 1 to 5 and a comment."""

    participant = models.OneToOneField(
        SessionParticipant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="evaluation"
    )
    content = models.PositiveSmallIntegerField(_("content"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    trainer = models.PositiveSmallIntegerField(_("trainer"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    usefulness = models.PositiveSmallIntegerField(
        _("usefulness"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    content__gte=1, content__lte=5, trainer__gte=1, trainer__lte=5, usefulness__gte=1, usefulness__lte=5
                ),
                name="evaluation_ratings_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.participant}: {self.content}/{self.trainer}/{self.usefulness}"
