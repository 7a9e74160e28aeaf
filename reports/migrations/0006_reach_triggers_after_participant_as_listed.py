"""The reach triggers are installed again after training 0003 lets a participant be "as listed" (no person).

SQLite remakes a table to change a column, and the triggers on the old table go with it; on PostgreSQL this
only replaces them. A participant without a person reaches nobody: both rules already skip a NULL person.
"""

from django.db import migrations


def install(apps, schema_editor):
    """Nothing now: 0008 installs both from the rules as they stand, after the session's report state exists."""


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0005_first_reach_kept_on_every_database"),
        ("training", "0003_participant_as_listed"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
