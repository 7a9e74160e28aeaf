"""Moving a model's content type to another app in a migration, so its permissions and grants follow."""

from django.conf import settings


def content_type_move(apps, *, old_label: str, new_label: str, model: str) -> None:
    """Give the model's content type its new app label (same row, so every permission, grant, log entry
    and revision stays attached).

    On a fresh database a migration that runs in between may already have created the new content type
    (create_permissions with the migration state); then the two are merged: grants of the old
    permissions move to the new ones with the same codename. For RunPython, with the migration's `apps`.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    old = ContentType.objects.filter(app_label=old_label, model=model).first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label=new_label, model=model).first()
    if new is None:
        old.app_label = new_label
        old.save(update_fields=["app_label"])
        return
    for permission in Permission.objects.filter(content_type=old):
        twin = Permission.objects.filter(content_type=new, codename=permission.codename).first()
        if twin is None:
            permission.content_type = new
            permission.save(update_fields=["content_type"])
            continue
        for group in Group.objects.filter(permissions=permission):
            group.permissions.add(twin)
        for user in User.objects.filter(user_permissions=permission):
            user.user_permissions.add(twin)
        permission.delete()
    old.delete()
