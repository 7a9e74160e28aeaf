"""The reach triggers are installed again after training 0003 lets a participant be "as listed" (no person).

SQLite remakes a table to change a column, and the triggers on the old table go with it; on PostgreSQL this
only replaces them. A participant without a person reaches nobody: both rules already skip a NULL person.
"""

from django.db import migrations

from reports import cascade_reach, first_reach


def install(apps, schema_editor):
    first_reach.install(schema_editor)
    cascade_reach.install(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0005_first_reach_kept_on_every_database"),
        ("training", "0003_participant_as_listed"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
