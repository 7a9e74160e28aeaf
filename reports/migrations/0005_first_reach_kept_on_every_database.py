"""FirstReach's triggers rebuilt from the one rule (reports/first_reach.py ROWS_OF), on SQLite as on PostgreSQL.

The reports then read FirstReach on every database instead of counting people a second way where
the table was not kept. Going back leaves the triggers in place: the table they keep stays right.
"""

from django.db import migrations

from reports import first_reach


def install(apps, schema_editor):
    first_reach.install(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_cascade_reach"),
    ]

    operations = [
        migrations.RunPython(install, migrations.RunPython.noop),
    ]
