"""Who may do what in the showcase; a district administrator's AdminScope limits where (visible_to)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ["add", "change", "delete", "view"]
DISTRICT = {
    "startupproject": [*CRUD, "review"],
    "registration": ["view", "check_in"],
    "supportorganisation": ["view"],
}
PROVINCE = {**DISTRICT, "supportorganisation": CRUD}
EDITORS = {"registration": ["view", "check_in"], "supportorganisation": CRUD}
ROLES = {"District administrators": DISTRICT, "Province administrators": PROVINCE, "Editors": EDITORS}


def _codenames(spec):
    return [f"{action}_{model}" for model, actions in spec.items() for action in actions]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, spec in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="showcase", codename__in=_codenames(spec))
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, spec in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="showcase", codename__in=_codenames(spec))
            )


class Migration(migrations.Migration):
    dependencies = [
        ("showcase", "0001_events_projects_awards_support_network"),
        ("trainers", "0002_admin_roles"),
        ("courses", "0003_roles_and_course_review_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
