from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.personal_data import register

        from . import personal_data
        from .progress import connect_signals

        connect_signals()

        register(
            app_label=self.label,
            export=personal_data.export_person,
            anonymise=personal_data.anonymise_person,
            covers=personal_data.COVERS,
        )
