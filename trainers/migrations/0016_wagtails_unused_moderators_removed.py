"""Wagtail's initial "Moderators" group and "Moderators approval" workflow, unused here, are removed.

The group holds publish rights on the whole page tree and is declared by no role (lms/roles.py):
anyone added to it by mistake could publish every page. The workflow was detached from the root
by courses 0003. Both only go when nothing uses them (no member; no page, no run), so a site
that did adopt them keeps them.
"""

from django.db import migrations

NAME_GROUP, NAME_WORKFLOW = "Moderators", "Moderators approval"


def remove_unused(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    WorkflowState = apps.get_model("wagtailcore.WorkflowState")
    TaskState = apps.get_model("wagtailcore.TaskState")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")

    workflow = Workflow.objects.filter(name=NAME_WORKFLOW).first()
    if (
        workflow
        and not workflow.workflow_pages.exists()
        and not WorkflowState.objects.filter(workflow=workflow).exists()
    ):
        tasks = list(Task.objects.filter(workflow_tasks__workflow=workflow))
        workflow.delete()
        for task in tasks:
            if not WorkflowTask.objects.filter(task=task).exists() and not TaskState.objects.filter(task=task).exists():
                task.delete()

    group = Group.objects.filter(name=NAME_GROUP).first()
    if group and not group.user_set.exists() and not Task.objects.filter(groupapprovaltask__groups=group).exists():
        group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0015_throttle_counts_without_redis"),
        ("courses", "0003_roles_and_course_review_workflow"),
    ]

    operations = [migrations.RunPython(remove_unused, migrations.RunPython.noop)]
