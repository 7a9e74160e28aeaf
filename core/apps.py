from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site plumbing")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .page_cache import connect_signals
        from .spreadsheets import install_wagtail_export_neutraliser

        connect_signals()
        install_wagtail_export_neutraliser()
