"""Target now lives in `reports` (same table, trainers_target): it leaves trainers' migration state only."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('trainers', '0012_area_and_scope_moved_to_areas'),
        ('reports', '0001_target_from_trainers'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='Target',
                ),
            ],
            database_operations=[],
        ),
    ]
