"""The throttles' counts move from `trainers` to `accounts`, the home of the client address and of the
registration and login limits (accounts/throttles.py).

The rows are counts of one-minute windows, deleted every few minutes: a new table starts empty and
`trainers` drops its own (trainers 0024). The content type moves with core.content_types, so nothing
stale is left behind. The constraint has a new name: PostgreSQL names indexes per schema, and the old
table may still exist while this runs.
"""

from django.db import migrations, models

from core.content_types import content_type_move


def forwards(apps, schema_editor):
    content_type_move(apps, old_label="trainers", new_label="accounts", model="throttlecount")


def backwards(apps, schema_editor):
    content_type_move(apps, old_label="accounts", new_label="trainers", model="throttlecount")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.CreateModel(
            name="ThrottleCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("scope", models.CharField(max_length=32)),
                ("address", models.CharField(max_length=64)),
                ("window_start", models.DateTimeField(db_index=True)),
                ("hits", models.PositiveIntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("scope", "address", "window_start"), name="accounts_throttle_count_once_per_window"
                    )
                ],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
