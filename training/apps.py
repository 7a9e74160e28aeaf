from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """The in-person side of the programme: training sessions, participants, attendance and their import."""

    name = "training"
    verbose_name = _("Training sessions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trainers.notifications import CONTEXT_PROVIDERS

        from .notifications import session_context

        if session_context not in CONTEXT_PROVIDERS:
            CONTEXT_PROVIDERS.append(session_context)
