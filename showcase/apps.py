from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShowcaseConfig(AppConfig):
    name = "showcase"
    verbose_name = _("Startup showcase")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import notices  # noqa: F401 (registers how the outbox writes the showcase's e-mails)
