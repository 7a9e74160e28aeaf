"""Image collections with permissions: trainers cannot edit or delete images they do not own.

Before, Trainers and Editors held `change_image` on the root collection, so a trainer could replace
or delete any picture: learners' project covers, trainer photos. Now:
- "Ảnh bài học" (lesson images): Trainers add and choose (and so edit only their own uploads);
- "Ảnh hồ sơ giảng viên" (trainer photos) and "Ảnh dự án" (project pictures): district and province
  administrators add and choose; trainers have no permission there;
- Editors keep their root permissions (they look after every image).
Existing images move to the collection of what uses them; the rest are lesson images.
"""

from django.db import migrations

LESSONS, TRAINER_PHOTOS, PROJECTS = "Ảnh bài học", "Ảnh hồ sơ giảng viên", "Ảnh dự án"
ADMINS = ("District administrators", "Province administrators")
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet, steps of 4


def _step(number: int) -> str:
    digits = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return digits


def _child(Collection, root, name):
    existing = Collection.objects.filter(depth=2, name=name).first()
    if existing:
        return existing
    last = Collection.objects.filter(depth=2).order_by("-path").values_list("path", flat=True).first()
    number = int(last[-4:], 36) + 1 if last else 1
    root.numchild += 1
    root.save(update_fields=["numchild"])
    return Collection.objects.create(name=name, depth=2, path=root.path + _step(number), numchild=0)


def forwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Image = apps.get_model("wagtailimages.Image")
    Trainer = apps.get_model("trainers.Trainer")
    StartupProject = apps.get_model("showcase.StartupProject")
    ProjectImage = apps.get_model("showcase.ProjectImage")

    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    lessons, photos, projects = (_child(Collection, root, name) for name in (LESSONS, TRAINER_PHOTOS, PROJECTS))

    def perms(*codenames):
        return list(Permission.objects.filter(content_type__app_label="wagtailimages", codename__in=codenames))

    trainers = Group.objects.filter(name="Trainers").first()
    if trainers:
        GroupCollectionPermission.objects.filter(
            group_id=trainers.pk,
            collection_id=root.pk,
            permission_id__in=[p.pk for p in perms("add_image", "choose_image", "change_image")],
        ).delete()
        for permission in perms("add_image", "choose_image"):
            GroupCollectionPermission.objects.get_or_create(
                group_id=trainers.pk, collection_id=lessons.pk, permission_id=permission.pk
            )
    for group in Group.objects.filter(name__in=ADMINS):
        GroupCollectionPermission.objects.filter(
            group_id=group.pk,
            collection_id=root.pk,
            permission_id__in=[p.pk for p in perms("add_image", "choose_image")],
        ).delete()
        for collection in (photos, projects):
            for permission in perms("add_image", "choose_image"):
                GroupCollectionPermission.objects.get_or_create(
                    group_id=group.pk, collection_id=collection.pk, permission_id=permission.pk
                )

    in_root = Image.objects.filter(collection_id=root.pk)
    in_root.filter(pk__in=Trainer.objects.filter(photo__isnull=False).values("photo")).update(collection_id=photos.pk)
    in_root.filter(pk__in=StartupProject.objects.filter(cover_image__isnull=False).values("cover_image")).update(
        collection_id=projects.pk
    )
    in_root.filter(pk__in=ProjectImage.objects.values("image")).update(collection_id=projects.pk)
    in_root.update(collection_id=lessons.pk)


def backwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Image = apps.get_model("wagtailimages.Image")
    root = Collection.objects.filter(depth=1).first()
    ours = Collection.objects.filter(depth=2, name__in=[LESSONS, TRAINER_PHOTOS, PROJECTS])
    Image.objects.filter(collection__in=ours).update(collection_id=root.pk)
    GroupCollectionPermission.objects.filter(collection__in=ours).delete()
    image_perms = Permission.objects.filter(content_type__app_label="wagtailimages")
    restore = {"Trainers": ["add_image", "choose_image", "change_image"]}
    restore.update({name: ["add_image", "choose_image"] for name in ADMINS})
    for name, codenames in restore.items():
        group = Group.objects.filter(name=name).first()
        if group:
            for permission in image_perms.filter(codename__in=codenames):
                # By ids: a multi-step rollback can hand this function stale related model classes.
                GroupCollectionPermission.objects.get_or_create(
                    group_id=group.pk, collection_id=root.pk, permission_id=permission.pk
                )
    count = ours.count()
    ours.delete()
    if root is not None:
        root.numchild = max(root.numchild - count, 0)
        root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0009_outbox_admin"),
        ("showcase", "0002_admin_role_permissions"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
