"""Sessions, participants and attendance now live in `training` (same tables): they leave trainers' state.

State only: no table, column or constraint changes.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('trainers', '0017_profile_area_labelled_commune_or_ward'),
        ('training', '0001_sessions_from_trainers'),
        # showcase's project sessions must point at training before the models leave trainers' state.
        ('showcase', '0006_project_sessions_point_to_training'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='sessionparticipant',
                    name='assessed_by',
                ),
                migrations.RemoveField(
                    model_name='sessionparticipant',
                    name='person',
                ),
                migrations.RemoveField(
                    model_name='sessionparticipant',
                    name='session',
                ),
                migrations.RemoveField(
                    model_name='trainingsession',
                    name='area',
                ),
                migrations.RemoveField(
                    model_name='trainingsession',
                    name='audience',
                ),
                migrations.RemoveField(
                    model_name='trainingsession',
                    name='courses',
                ),
                migrations.RemoveField(
                    model_name='trainingsession',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='trainingsession',
                    name='trainers',
                ),
                migrations.DeleteModel(
                    name='Attendance',
                ),
                migrations.DeleteModel(
                    name='SessionParticipant',
                ),
                migrations.DeleteModel(
                    name='TrainingSession',
                ),
            ],
            database_operations=[],
        ),
    ]
