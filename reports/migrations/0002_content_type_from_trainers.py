"""The content type of Target moves from `trainers` to `reports` (as areas.0002 does for Area and AdminScope).

Permissions hang on content types: moving the row keeps every permission (same id, same codename,
view_reports included) and so every group's and user's grant of it, as well as Wagtail's log entries and revisions.

On a fresh database a migration that runs between reports.0001 and this one may already have created
the `reports` content type (create_permissions with the migration state); then the two are merged:
grants of the `trainers` permission move to the `reports` one with the same codename.
"""

from django.conf import settings
from django.db import migrations

MODELS = ["target"]


def merge_content_type(apps, old_label, new_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    old = ContentType.objects.filter(app_label=old_label, model=model).first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label=new_label, model=model).first()
    if new is None:
        old.app_label = new_label
        old.save(update_fields=["app_label"])
        return
    for permission in Permission.objects.filter(content_type=old):
        twin = Permission.objects.filter(content_type=new, codename=permission.codename).first()
        if twin is None:
            permission.content_type = new
            permission.save(update_fields=["content_type"])
            continue
        for group in Group.objects.filter(permissions=permission):
            group.permissions.add(twin)
        for user in User.objects.filter(user_permissions=permission):
            user.user_permissions.add(twin)
        permission.delete()
    old.delete()


def forwards(apps, schema_editor):
    for model in MODELS:
        merge_content_type(apps, "trainers", "reports", model)


def backwards(apps, schema_editor):
    for model in MODELS:
        merge_content_type(apps, "reports", "trainers", model)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_target_from_trainers"),
        ("trainers", "0013_target_moved_to_reports"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
