"""Target moves from `trainers` to `reports` without touching the database: the table stays trainers_target.

reports.0002 moves its content type, so the groups keep view_target and view_reports (same codenames).
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('trainers', '0012_area_and_scope_moved_to_areas'),
        ('areas', '0002_content_types_from_trainers'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Target',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('year', models.PositiveSmallIntegerField(help_text='E.g. 2025 or 2030.', validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                        ('certified_trainers', models.PositiveIntegerField(default=0, verbose_name='certified trainers')),
                        ('people_trained', models.PositiveIntegerField(default=0, verbose_name='people trained')),
                        ('women_reached', models.PositiveIntegerField(default=0, verbose_name='women reached')),
                        ('students_reached', models.PositiveIntegerField(default=0, verbose_name='pupils and students reached')),
                        ('startup_projects', models.PositiveIntegerField(default=0, verbose_name='startup projects')),
                        ('area', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='targets', to='areas.area', verbose_name='area')),
                    ],
                    options={
                        'verbose_name': 'target',
                        'verbose_name_plural': 'targets',
                        'db_table': 'trainers_target',
                        'ordering': ['area__code', 'year'],
                        'permissions': [('view_reports', "Can view the programme's reports")],
                        'constraints': [models.UniqueConstraint(fields=('area', 'year'), name='target_once_per_area_year'), models.CheckConstraint(condition=models.Q(('year__gte', 2000), ('year__lte', 2100)), name='target_year_plausible')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
