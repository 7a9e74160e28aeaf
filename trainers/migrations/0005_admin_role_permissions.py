"""What district and province administrators may do in the trainer programme; AdminScope limits where."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ["add", "change", "delete", "view"]
DISTRICT = {
    "trainer": CRUD,
    "trainingsession": CRUD,
    "sessionparticipant": CRUD,
    "attendance": CRUD,
    "certificate": ["view", "revoke"],
    "profile": ["view", "change"],
    "area": ["view"],
}
PROVINCE = {**DISTRICT, "profile": CRUD, "area": CRUD, "adminscope": CRUD}
ROLES = {"District administrators": DISTRICT, "Province administrators": PROVINCE}
# Trainer photos are uploaded and chosen in the admin.
IMAGE_CODENAMES = ["add_image", "choose_image"]


def _codenames(spec):
    return [f"{action}_{model}" for model, actions in spec.items() for action in actions]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    image_perms = Permission.objects.filter(content_type__app_label="wagtailimages", codename__in=IMAGE_CODENAMES)
    for name, spec in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="trainers", codename__in=_codenames(spec))
        )
        if root is not None:
            for permission in image_perms:
                GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, spec in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="trainers", codename__in=_codenames(spec))
            )


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0004_certificate_revocation_and_labels"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
