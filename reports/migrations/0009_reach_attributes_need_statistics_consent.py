"""A person's area, gender and learner groups count in the statistics only while they consent to them.

The rule (`accounts.privacy.consent_to_statistics`, in SQL `reports.tables.statistics_consented`) is read by
`reports.first_reach`, whose triggers now also watch the consents: installed again here and the rows rebuilt.
"""

from django.db import migrations

from reports import first_reach


def install(apps, schema_editor):
    first_reach.install(schema_editor)


def uninstall(apps, schema_editor):
    """Going back removes the triggers, which read the consents' table: the kept table waits, unkept, for the
    next forward step, which installs them again and rebuilds it."""
    first_reach.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0008_reach_counts_approved_reports_only"),
        ("accounts", "0003_consents_per_purpose"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
