"""District and province administrators: admin access and trainers' guides; scope comes from AdminScope."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["District administrators", "Province administrators"]


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    perms = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="courses", codename="view_trainer_guide"),
    ]
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*perms)


def remove_roles(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0001_areas_and_admin_scope"),
        ("courses", "0003_roles_and_course_review_workflow"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
