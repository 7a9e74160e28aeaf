from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Programme reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.personal_data import register

        from . import personal_data

        register(
            app_label=self.label,
            export=personal_data.export_person,
            anonymise=personal_data.anonymise_person,
            covers=personal_data.COVERS,
        )
