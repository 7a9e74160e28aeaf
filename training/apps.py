from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """The in-person side of the programme: training sessions, participants, attendance and their import."""

    name = "training"
    verbose_name = _("Training sessions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from trainers.notifications import notification_writer

        from .notifications import SESSION_KINDS, write_session_notice

        for kind in SESSION_KINDS:
            notification_writer(kind)(write_session_notice)
