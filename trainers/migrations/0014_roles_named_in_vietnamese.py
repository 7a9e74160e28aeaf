"""The groups, the review workflow and its task get the Vietnamese names the admin shows.

Earlier migrations created them with English names; from here on `lms/roles.py` declares every role
and applies its permissions after each migrate. The names are written out here, not imported, so that
this migration keeps doing what it did when the declarations change.
"""

from django.db import migrations

GROUPS = {
    "Trainers": "Giảng viên",
    "Editors": "Biên tập viên",
    "District administrators": "Quản trị viên huyện",
    "Province administrators": "Quản trị viên tỉnh",
}
WORKFLOWS = {"Course review": "Duyệt nội dung"}
TASKS = {"Editor review": "Biên tập viên duyệt"}


def _rename(apps, names):
    for model, mapping in (
        ("auth.Group", names[0]),
        ("wagtailcore.Workflow", names[1]),
        ("wagtailcore.Task", names[2]),
    ):
        Model = apps.get_model(model)
        for old, new in mapping.items():
            if not Model.objects.filter(name=new).exists():
                Model.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    _rename(apps, (GROUPS, WORKFLOWS, TASKS))


def backwards(apps, schema_editor):
    _rename(apps, tuple({new: old for old, new in mapping.items()} for mapping in (GROUPS, WORKFLOWS, TASKS)))


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0013_target_moved_to_reports"),
        # The last migrations that find these groups and the workflow by their English names.
        ("courses", "0003_roles_and_course_review_workflow"),
        ("showcase", "0002_admin_role_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
