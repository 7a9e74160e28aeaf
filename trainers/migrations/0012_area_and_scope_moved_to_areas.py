"""Area and AdminScope now live in `areas` (same tables): the fields point there, the models leave trainers' state.

State only: no table, column or constraint changes. areas.0002 moves the content types.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('areas', '0001_area_and_admin_scope_from_trainers'),
        ('trainers', '0011_participant_listed_details'),
        # showcase's area fields must point at areas.Area before trainers.Area leaves the state.
        ('showcase', '0004_area_fields_point_to_areas'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='area',
                    name='parent',
                ),
                migrations.RemoveField(
                    model_name='area',
                    name='successors',
                ),
                migrations.AlterField(
                    model_name='profile',
                    name='commune',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='areas.area', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='profile',
                    name='area',
                    field=models.ForeignKey(blank=True, help_text="The district (or today's unit) the person lives or works in.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='areas.area', verbose_name='district'),
                ),
                migrations.AlterField(
                    model_name='certificate',
                    name='area',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='areas.area', verbose_name='area'),
                ),
                migrations.AlterField(
                    model_name='target',
                    name='area',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='targets', to='areas.area', verbose_name='area'),
                ),
                migrations.AlterField(
                    model_name='trainingsession',
                    name='area',
                    field=models.ForeignKey(help_text='Where it was held, as the area was at the time.', on_delete=django.db.models.deletion.PROTECT, related_name='sessions', to='areas.area', verbose_name='area'),
                ),
                migrations.AlterField(
                    model_name='trainer',
                    name='home_area',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='trainers', to='areas.area', verbose_name='home area'),
                ),
                migrations.DeleteModel(
                    name='AdminScope',
                ),
                migrations.DeleteModel(
                    name='Area',
                ),
            ],
            database_operations=[],
        ),
    ]
