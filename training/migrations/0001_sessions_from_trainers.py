"""Training sessions, participants and attendance move from `trainers` to `training`, keeping their tables.

State only: the models keep their `trainers_*` tables (Meta.db_table), so no row moves. trainers.0018
removes them from trainers' state; training.0002 moves their content types and so every permission.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('areas', '0002_content_types_from_trainers'),
        ('courses', '0006_quiz_answer_feedback_policy'),
        ('trainers', '0017_profile_area_labelled_commune_or_ward'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='TrainingSession',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('mode', models.CharField(choices=[('in_person', 'In person'), ('online', 'Online')], default='in_person', max_length=12, verbose_name='mode')),
                        ('starts_on', models.DateField(verbose_name='first day')),
                        ('ends_on', models.DateField(verbose_name='last day')),
                        ('venue', models.CharField(blank=True, max_length=200, verbose_name='venue')),
                        ('is_tot', models.BooleanField(default=False, help_text='Trains trainers, with a practicum.', verbose_name='ToT session')),
                        ('area', models.ForeignKey(help_text='Where it was held, as the area was at the time.', on_delete=django.db.models.deletion.PROTECT, related_name='sessions', to='areas.area', verbose_name='area')),
                        ('audience', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='courses.audience', verbose_name='audience')),
                        ('courses', models.ManyToManyField(blank=True, related_name='+', to='courses.coursepage', verbose_name='courses')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('trainers', models.ManyToManyField(blank=True, related_name='sessions_led', to='trainers.trainer', verbose_name='led by')),
                    ],
                    options={
                        'verbose_name': 'training session',
                        'verbose_name_plural': 'training sessions',
                        'db_table': 'trainers_trainingsession',
                        'ordering': ['-starts_on'],
                    },
                ),
                migrations.CreateModel(
                    name='SessionParticipant',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('enrolled_at', models.DateTimeField(auto_now_add=True, verbose_name='enrolled at')),
                        ('result', models.CharField(choices=[('pending', 'Not assessed'), ('passed', 'Passed'), ('failed', 'Not passed')], default='pending', max_length=10, verbose_name='result')),
                        ('result_note', models.TextField(blank=True, verbose_name='practicum notes')),
                        ('listed_name', models.CharField(blank=True, max_length=150, verbose_name='name on the list')),
                        ('listed_gender', models.CharField(blank=True, choices=[('female', 'Female'), ('male', 'Male'), ('other', 'Other')], max_length=10, verbose_name='gender on the list')),
                        ('listed_birth_date', models.DateField(blank=True, null=True, verbose_name='date of birth on the list')),
                        ('listed_birth_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='year of birth on the list')),
                        ('listed_organisation', models.CharField(blank=True, max_length=200, verbose_name='organisation on the list')),
                        ('listed_phone', models.CharField(blank=True, max_length=16, verbose_name='phone number on the list')),
                        ('listed_email', models.EmailField(blank=True, max_length=254, verbose_name='email on the list')),
                        ('listed_commune', models.CharField(blank=True, max_length=120, verbose_name='commune on the list')),
                        ('assessed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='trainers.trainer', verbose_name='assessed by')),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='session_places', to=settings.AUTH_USER_MODEL, verbose_name='person')),
                        ('session', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='participants', to='training.trainingsession', verbose_name='training session')),
                    ],
                    options={
                        'verbose_name': 'participant',
                        'verbose_name_plural': 'participants',
                        'db_table': 'trainers_sessionparticipant',
                    },
                ),
                migrations.CreateModel(
                    name='Attendance',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('day', models.DateField(verbose_name='day')),
                        ('present', models.BooleanField(default=True, verbose_name='present')),
                        ('participant', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attendance', to='training.sessionparticipant', verbose_name='participant')),
                    ],
                    options={
                        'verbose_name': 'attendance',
                        'verbose_name_plural': 'attendance',
                        'db_table': 'trainers_attendance',
                        'constraints': [models.UniqueConstraint(fields=('participant', 'day'), name='attendance_once_per_day')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='trainingsession',
                    constraint=models.CheckConstraint(condition=models.Q(('ends_on__gte', models.F('starts_on'))), name='session_dates_ordered'),
                ),
                migrations.AddConstraint(
                    model_name='sessionparticipant',
                    constraint=models.UniqueConstraint(fields=('session', 'person'), name='participant_once_per_session'),
                ),
            ],
            database_operations=[],
        ),
    ]
