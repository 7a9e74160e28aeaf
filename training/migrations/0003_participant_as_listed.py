"""A participant may be "as listed": no account, only what an imported list said (another area's phone or e-mail).

SQLite changes a column by remaking the table, and refuses to while a trigger elsewhere names it: the triggers
that name the participants' table (the reach tables' upkeep) are dropped first, and reports 0006, which runs
after this, installs them again.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def drop_sqlite_triggers_naming_participants(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%trainers_sessionparticipant%'"
        )
        names = [row[0] for row in cursor.fetchall()]
    for name in names:
        schema_editor.execute(f'DROP TRIGGER IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0018_sessions_moved_to_training"),
        ("training", "0002_content_types_from_trainers"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(drop_sqlite_triggers_naming_participants, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="sessionparticipant",
            name="person",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="session_places",
                to=settings.AUTH_USER_MODEL,
                verbose_name="person",
            ),
        ),
        migrations.AddConstraint(
            model_name="sessionparticipant",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("person__isnull", False), models.Q(("listed_name", ""), _negated=True), _connector="OR"
                ),
                name="participant_named",
            ),
        ),
        # Going back, the same before the table is remade to its old shape.
        migrations.RunPython(migrations.RunPython.noop, drop_sqlite_triggers_naming_participants),
    ]
