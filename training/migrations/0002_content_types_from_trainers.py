"""The content types of sessions, participants and attendance move from `trainers` to `training`.

Permissions hang on content types: moving the row keeps every permission and so every group's grant,
Wagtail's log entries and revisions. The merge itself is areas.0002's, written once.
"""

import importlib

from django.conf import settings
from django.db import migrations

MODELS = ["trainingsession", "sessionparticipant", "attendance"]
merge_content_type = importlib.import_module("areas.migrations.0002_content_types_from_trainers").merge_content_type


def forwards(apps, schema_editor):
    for model in MODELS:
        merge_content_type(apps, "trainers", "training", model)


def backwards(apps, schema_editor):
    for model in MODELS:
        merge_content_type(apps, "training", "trainers", model)


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_sessions_from_trainers"),
        ("trainers", "0018_sessions_moved_to_training"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
