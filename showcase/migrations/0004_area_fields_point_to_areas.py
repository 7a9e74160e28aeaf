"""The area fields now point at areas.Area: the same table (trainers_area), so the database is untouched."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('areas', '0001_area_and_admin_scope_from_trainers'),
        ('showcase', '0003_team_invitations'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='eventpage',
                    name='area',
                    field=models.ForeignKey(help_text="The district (or today's unit) where it is held.", on_delete=django.db.models.deletion.PROTECT, related_name='+', to='areas.area', verbose_name='area'),
                ),
                migrations.AlterField(
                    model_name='startupproject',
                    name='area',
                    field=models.ForeignKey(help_text="The district (or today's unit) the project is based in.", on_delete=django.db.models.deletion.PROTECT, related_name='+', to='areas.area', verbose_name='district'),
                ),
                migrations.AlterField(
                    model_name='startupproject',
                    name='commune',
                    field=models.ForeignKey(blank=True, help_text='Required for OCOP products: the commune the product belongs to.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='areas.area', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='supportorganisation',
                    name='area',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='areas.area', verbose_name='area'),
                ),
            ],
            database_operations=[],
        ),
    ]
