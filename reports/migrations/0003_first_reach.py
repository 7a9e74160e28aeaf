"""FirstReach: when each person was first reached, kept by PostgreSQL triggers (reports/first_reach.py)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from reports import first_reach


def install(apps, schema_editor):
    """Nothing now: 0008 installs the triggers from the rule as it stands, for the table as it then is."""


def uninstall(apps, schema_editor):
    first_reach.uninstall(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('areas', '0002_content_types_from_trainers'),
        ('reports', '0002_content_type_from_trainers'),
        # The tables the triggers watch.
        ('courses', '0006_quiz_answer_feedback_policy'),
        ('trainers', '0013_target_moved_to_reports'),
    ]

    operations = [
        migrations.CreateModel(
            name='FirstReach',
            fields=[
                ('person', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to=settings.AUTH_USER_MODEL, verbose_name='person')),
                ('first_session_on', models.DateField(null=True, verbose_name='first day of the first session')),
                ('first_enrolled_at', models.DateTimeField(null=True, verbose_name='first enrolment')),
                ('gender', models.CharField(blank=True, help_text='Empty without a profile.', max_length=10, verbose_name='gender')),
                ('is_student', models.BooleanField(default=False, verbose_name='pupil or student')),
                ('learner_groups', models.BigIntegerField(default=0, help_text='Bit i set: in the group with the i-th code (reports.first_reach).', verbose_name='learner groups')),
                ('area', models.ForeignKey(db_constraint=False, help_text="The profile's commune, else its district: the area the person is filed under.", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='areas.area', verbose_name='area')),
                ('profile', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='trainers.profile', verbose_name='profile')),
            ],
            options={
                'verbose_name': 'first reach',
                'verbose_name_plural': 'first reaches',
            },
        ),
    migrations.RunPython(install, uninstall),
    ]
