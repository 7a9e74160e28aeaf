from django.db import migrations

CODES = ["cadres", "youth", "students", "women", "entrepreneurs"]


def add_audiences(apps, schema_editor):
    Audience = apps.get_model("courses.Audience")
    for code in CODES:
        Audience.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [migrations.RunPython(add_audiences, migrations.RunPython.noop)]
