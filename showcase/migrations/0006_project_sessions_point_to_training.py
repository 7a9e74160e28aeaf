"""A project's sessions point to training.TrainingSession (same table, same link table): state only.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('showcase', '0005_project_invitation_sent_at'),
        ('training', '0001_sessions_from_trainers'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='startupproject',
                    name='sessions',
                    field=models.ManyToManyField(blank=True, related_name='+', to='training.trainingsession', verbose_name='training sessions that fed it'),
                ),
            ],
            database_operations=[],
        ),
    ]
