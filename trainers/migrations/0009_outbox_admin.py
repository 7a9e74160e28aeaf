"""The notification outbox in the admin: administrators see it (scoped) and may send a failed row again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "District administrators": ["view_notification", "resend_notification"],
    "Province administrators": ["view_notification", "resend_notification"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("trainers")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="trainers", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, codenames in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="trainers", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [("trainers", "0008_certificate_private_pdf")]

    operations = [
        migrations.AlterModelOptions(
            name="notification",
            options={
                "ordering": ["-created_at"],
                "permissions": [("resend_notification", "Can send a failed notification again")],
                "verbose_name": "notification",
                "verbose_name_plural": "notifications",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
