"""The content types of sessions, participants and attendance move from `trainers` to `training`.

Permissions hang on content types: moving the row keeps every permission and so every group's grant,
Wagtail's log entries and revisions. The move itself is core.content_types', written once.
"""

from django.conf import settings
from django.db import migrations

from core.content_types import content_type_move

MODELS = ["trainingsession", "sessionparticipant", "attendance"]


def forwards(apps, schema_editor):
    for model in MODELS:
        content_type_move(apps, old_label="trainers", new_label="training", model=model)


def backwards(apps, schema_editor):
    for model in MODELS:
        content_type_move(apps, old_label="training", new_label="trainers", model=model)


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_sessions_from_trainers"),
        ("trainers", "0018_sessions_moved_to_training"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
