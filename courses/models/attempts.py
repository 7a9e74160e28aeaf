"""Attempts an administrator gives back to a learner who has used every attempt at a quiz."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from areas.models import admin_area_ids


def filed_in_scope(queryset: models.QuerySet, user, *, person: str = "") -> models.QuerySet:
    """Rows whose person (the lookup `person` to a user; "" for users themselves) is filed in the administrator's area.

    A person is filed under their former commune, else their place: the rule of `trainers.Profile.filed_area`,
    reached through the ORM because courses sit below trainers and do not import it.
    """
    ids = admin_area_ids(user)
    if ids is None:
        return queryset
    prefix = f"{person}__" if person else ""
    filed = Coalesce(f"{prefix}profile__commune", f"{prefix}profile__area")
    return queryset.alias(person_filed_area=filed).filter(person_filed_area__in=ids)


class AttemptGrantQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AttemptGrantQuerySet":
        """Administrators see the grants to people filed in their area; everyone else none."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return filed_in_scope(self, user, person="person")


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
