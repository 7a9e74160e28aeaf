"""Reach and cascade count a session's participants only once its class report is approved.

The rule changed (`COUNTED_REPORT`, read by `reports.first_reach` and `reports.cascade_reach`): the
triggers are installed again, now also watching a session's report state, and the kept rows rebuilt, so a
trainer's draft or a report waiting for approval no longer counts. Going back removes them, since they read a
column the earlier state does not have; coming forward again installs and rebuilds.
"""

from django.db import migrations

from reports import cascade_reach, first_reach


def install(apps, schema_editor):
    first_reach.install(schema_editor)
    cascade_reach.install(schema_editor)


def uninstall(apps, schema_editor):
    cascade_reach.uninstall(schema_editor)
    first_reach.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0007_target_approval"),
        ("training", "0005_session_review"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
