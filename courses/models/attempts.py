"""Attempts an administrator gives back to a learner who has used every attempt at a quiz."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from areas.filing import filed_in_admin_scope


class AttemptGrantQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AttemptGrantQuerySet":
        """Administrators see the grants to people filed in their area; everyone else none."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return filed_in_admin_scope(self, user, profile="person__profile")


class AttemptGrant(models.Model):
    """Extra attempts at one quiz for one person, with who granted them, when and why."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="attempt_grants",
    )
    quiz = models.ForeignKey(
        "courses.QuizPage", verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="attempt_grants"
    )
    extra_attempts = models.PositiveSmallIntegerField(
        _("extra attempts"),
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Added to the attempts the learner has left now (1 to 10)."),
    )
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    objects = AttemptGrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("attempt grant")
        verbose_name_plural = _("attempt grants")
        ordering = ["-granted_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(extra_attempts__gte=1, extra_attempts__lte=10),
                name="attempt_grant_extra_1_to_10",
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="attempt_grant_reason_given"),
        ]

    def __str__(self):
        return f"{self.person} +{self.extra_attempts}: {self.quiz}"
