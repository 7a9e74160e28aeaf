"""The content types of ContentVersion and Heartbeat move from `home` to `core` (core/content_types.py)."""

from django.conf import settings
from django.db import migrations

from core.content_types import content_type_move

MODELS = ["contentversion", "heartbeat"]


def forwards(apps, schema_editor):
    for model in MODELS:
        content_type_move(apps, old_label="home", new_label="core", model=model)


def backwards(apps, schema_editor):
    for model in MODELS:
        content_type_move(apps, old_label="core", new_label="home", model=model)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_content_version_and_heartbeats_from_home"),
        ("home", "0006_plumbing_and_certificate_settings_moved_out"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
