"""ContentVersion and Heartbeat now live in `core`, CertificateSettings in `trainers` (same tables): they
leave home's state. State only: no table, column or row changes."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0005_page_content_version"),
        ("core", "0001_content_version_and_heartbeats_from_home"),
        ("trainers", "0019_certificate_settings_from_home"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ContentVersion"),
                migrations.DeleteModel(name="Heartbeat"),
                migrations.DeleteModel(name="CertificateSettings"),
            ],
            database_operations=[],
        ),
    ]
