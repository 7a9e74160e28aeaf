"""Who sees the reports and who enters targets: district administrators view, the province enters."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "District administrators": ["view_reports", "view_target"],
    "Province administrators": ["view_reports", "view_target", "add_target", "change_target", "delete_target"],
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
    dependencies = [("trainers", "0006_targets_and_notification_outbox")]

    operations = [migrations.RunPython(grant, revoke)]
