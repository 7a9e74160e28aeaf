"""ContentVersion and Heartbeat move from `home` to `core` without touching the database.

The tables keep their names (home_contentversion, home_heartbeat): this migration only tells Django's
migration state that the models now belong to `core`. On a fresh database home's migrations have
created the tables by now; `core.0002` moves the content types.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0005_page_content_version"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("version", models.PositiveBigIntegerField(default=1, verbose_name="version")),
                    ],
                    options={
                        "verbose_name": "content version",
                        "db_table": "home_contentversion",
                    },
                ),
                migrations.CreateModel(
                    name="Heartbeat",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=[("worker", "worker"), ("beat", "scheduler (beat)")], max_length=10, verbose_name="kind")),
                        ("hostname", models.CharField(max_length=255, verbose_name="host name")),
                        ("last_seen", models.DateTimeField(verbose_name="last seen")),
                    ],
                    options={
                        "verbose_name": "heartbeat",
                        "verbose_name_plural": "heartbeats",
                        "ordering": ["kind", "hostname"],
                        "db_table": "home_heartbeat",
                        "constraints": [models.UniqueConstraint(fields=("kind", "hostname"), name="heartbeat_one_per_process")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
