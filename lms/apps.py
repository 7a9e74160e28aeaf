from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LmsConfig(AppConfig):
    """Wiring only (no models): admin templates and hooks, and the roles applied after every migrate."""

    name = "lms"

    def ready(self):
        from .roles import apply_after_migrate

        post_migrate.connect(apply_after_migrate, dispatch_uid="lms.roles.apply_after_migrate")
