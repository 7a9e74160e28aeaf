"""Trainers write content but cannot publish; editors publish through the "course review" workflow."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TRAINERS, EDITORS = "Trainers", "Editors"
WORKFLOW, TASK = "Course review", "Editor review"


def _permission(Permission, app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore.Collection")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    trainers, _ = Group.objects.get_or_create(name=TRAINERS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)

    common = [
        ("wagtailadmin", "access_admin"),
        ("courses", "view_trainer_guide"),
    ]
    for group in (trainers, editors):
        group.permissions.add(*[_permission(Permission, a, c) for a, c in common])
        for codename in ("add_image", "choose_image", "change_image"):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(Permission, "wagtailimages", codename)
            )
        for codename in ("add_document", "choose_document", "change_document"):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(Permission, "wagtaildocs", codename)
            )

    page_perms = {
        trainers: ["add_page", "change_page"],
        editors: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    }
    for group, codenames in page_perms.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission(Permission, "wagtailcore", codename)
            )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Wagtail's own "Moderators approval" workflow on the root is replaced by ours.
    WorkflowPage.objects.filter(page=root_page).delete()
    WorkflowPage.objects.create(page=root_page, workflow=workflow)


def remove_roles(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore.Task").objects.filter(name=TASK).delete()
    apps.get_model("auth.Group").objects.filter(name__in=[TRAINERS, EDITORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_audiences"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
