"""The history of a session's approval and of its class report: who did what, when, with what comment."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .sessions import TrainingSession


class SessionReview(models.Model):
    """One step of a session's or its report's review: submitted, approved, or returned with a comment."""

    SESSION, REPORT = "session", "report"
    STAGES = [(SESSION, _("Session")), (REPORT, _("Class report"))]
    SUBMITTED, APPROVED, RETURNED = "submitted", "approved", "returned"
    ACTIONS = [
        (SUBMITTED, pgettext_lazy("training session", "Submitted")),
        (APPROVED, pgettext_lazy("training session", "Approved")),
        (RETURNED, _("Returned for changes")),
    ]

    session = models.ForeignKey(
        TrainingSession, verbose_name=_("training session"), on_delete=models.CASCADE, related_name="reviews"
    )
    stage = models.CharField(_("stage"), max_length=8, choices=STAGES)
    action = models.CharField(_("action"), max_length=10, choices=ACTIONS)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    comment = models.TextField(pgettext_lazy("training session", "comment"), blank=True)

    class Meta:
        verbose_name = _("session review")
        verbose_name_plural = _("session reviews")
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(action="returned") | ~models.Q(comment=""), name="session_return_has_comment"
            )
        ]

    def __str__(self):
        return f"{self.session} · {self.get_stage_display()} · {self.get_action_display()}"
