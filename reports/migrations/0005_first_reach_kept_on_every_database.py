"""FirstReach gains each person's last session and enrolment, and its triggers are rebuilt from the one rule
(reports/first_reach.py ROWS_OF), on SQLite as on PostgreSQL.

The reports then read FirstReach on every database instead of counting people a second way where
the table was not kept, and a date range asks the sessions and enrolments only about people whose
first and last activity lie on either side of it. The triggers are installed here, from the rule as
it stands (now by 0008), and not by 0003, which would run today's statements against that day's table. Going
back removes them before the columns they write are dropped; coming forward again rebuilds the table.
"""

from django.db import migrations, models

from reports import first_reach


def install(apps, schema_editor):
    """Nothing now: 0008 installs the triggers from the rule as it stands (today's statements read a session's
    report state, which this day's table does not have yet)."""


def uninstall(apps, schema_editor):
    first_reach.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_cascade_reach"),
    ]

    operations = [
        migrations.AddField(
            model_name="firstreach",
            name="last_session_on",
            field=models.DateField(null=True, verbose_name="first day of the last session"),
        ),
        migrations.AddField(
            model_name="firstreach",
            name="last_enrolled_at",
            field=models.DateTimeField(null=True, verbose_name="last enrolment"),
        ),
        migrations.RunPython(install, uninstall),
    ]
