"""Area and AdminScope move from `trainers` to `areas` without touching the database.

The tables keep their names (trainers_area, trainers_area_successors, trainers_adminscope), so this
migration only tells Django's migration state that the models now belong to `areas`. On a fresh
database trainers.0001 has created the tables by now; `areas.0002` moves the content types, so the
groups' permissions on areas and scopes stay attached.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("trainers", "0011_participant_listed_details"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Area",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(help_text="The statistics office's code.", max_length=10, verbose_name="official code")),
                        ("name", models.CharField(max_length=120, verbose_name="name")),
                        ("kind", models.CharField(choices=[("province", "Province or centrally run city"), ("city", "Provincial city"), ("town", "Town"), ("district", "District"), ("ward", "Ward"), ("commune", "Commune"), ("township", "Township")], max_length=12, verbose_name="kind")),
                        ("valid_from", models.DateField(blank=True, null=True, verbose_name="valid from")),
                        ("valid_to", models.DateField(blank=True, help_text="Last day the unit existed.", null=True, verbose_name="valid until")),
                        ("parent", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="children", to="areas.area", verbose_name="part of")),
                        ("successors", models.ManyToManyField(blank=True, help_text="The units this one was merged into or became.", related_name="predecessors", to="areas.area", verbose_name="succeeded by")),
                    ],
                    options={
                        "verbose_name": "area",
                        "verbose_name_plural": "areas",
                        "db_table": "trainers_area",
                        "ordering": ["code", "valid_from"],
                        "constraints": [
                            models.UniqueConstraint(fields=("code", "valid_from"), name="area_code_valid_from_unique"),
                            models.UniqueConstraint(condition=models.Q(("valid_from__isnull", True)), fields=("code",), name="area_code_unique_without_start"),
                            models.CheckConstraint(condition=models.Q(("valid_to__isnull", True), ("valid_from__isnull", True), ("valid_to__gte", models.F("valid_from")), _connector="OR"), name="area_valid_dates_ordered"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="AdminScope",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("user", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="admin_scope", to=settings.AUTH_USER_MODEL, verbose_name="administrator")),
                        ("area", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="areas.area", verbose_name="area")),
                    ],
                    options={
                        "verbose_name": "administrative scope",
                        "verbose_name_plural": "administrative scopes",
                        "db_table": "trainers_adminscope",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
