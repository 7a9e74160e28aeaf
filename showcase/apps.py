from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShowcaseConfig(AppConfig):
    name = "showcase"
    verbose_name = _("Startup showcase")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts.personal_data import register

        # By import path: showcase/personal_data.py is the showcase app's own module.
        register(
            app_label=self.label,
            export="showcase.personal_data.export_person",
            anonymise="showcase.personal_data.anonymise_person",
            covers={
                "showcase.Registration.person",
                "showcase.Registration.checked_in_by",  # kept: which (anonymised) account checked a visitor in
                "showcase.ProjectMember.person",
                "showcase.ProjectInvitation.invited_by",  # cleared: invitations the person sent lose the sender
                "showcase.StartupProject.created_by",  # kept: the project stays, under the anonymised account
                "showcase.StartupProject.reviewed_by",  # kept: which (anonymised) administrator reviewed it
            },
        )
