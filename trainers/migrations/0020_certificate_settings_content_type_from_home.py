"""The content type of CertificateSettings moves from `home` to `trainers` (core/content_types.py)."""

from django.conf import settings
from django.db import migrations

from core.content_types import content_type_move


def forwards(apps, schema_editor):
    content_type_move(apps, old_label="home", new_label="trainers", model="certificatesettings")


def backwards(apps, schema_editor):
    content_type_move(apps, old_label="trainers", new_label="home", model="certificatesettings")


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0019_certificate_settings_from_home"),
        ("home", "0006_plumbing_and_certificate_settings_moved_out"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
