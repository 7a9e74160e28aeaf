"""Every role (a Django group) and what it may do, declared once: adding a permission is editing one line.

`roles_apply()` makes the groups exactly as declared here: model permissions, page permissions on the
root page and collection permissions. It runs after every `migrate` (and `flush`), connected in
`LmsConfig.ready()`, so an edit here reaches every database with the next deployment; the demo loader
calls it too. Code finds a group through its role (`role_group(TRAINERS)`), never by a literal name.

Group names are what the admin shows, so they are Vietnamese; `former_names` lists the English names
earlier migrations created them under (the migration `trainers/0014` renames them).
An administrator's *area* is not a role: `areas.AdminScope` limits where a role's permissions apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps as global_apps

from accounts.staff import ADMIN_ACCESS
from core.image_collections import LESSONS as LESSON_IMAGES
from core.image_collections import PROJECTS as PROJECT_PICTURES
from core.image_collections import TRAINER_PHOTOS

CRUD = ("add", "change", "delete", "view")


def model_permissions(app_label: str, **models: tuple[str, ...]) -> frozenset[str]:
    """{"app.action_model", …}: `model_permissions("trainers", trainer=CRUD, certificate=("view", "revoke"))`."""
    return frozenset(f"{app_label}.{action}_{model}" for model, actions in models.items() for action in actions)


@dataclass(frozen=True)
class Role:
    key: str  # stable, for code and tests
    name: str  # the group's name, shown in the admin
    permissions: frozenset[str]  # "app_label.codename"
    page_permissions: tuple[str, ...] = ()  # wagtailcore codenames on the root page (the whole site)
    collection_permissions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # collection name: codenames
    former_names: tuple[str, ...] = ()


ROOT_COLLECTION = ""  # the key of the root collection in `collection_permissions`
# Admin access makes a member of any role staff (accounts/staff.py): guides, edit links, no cached page.
EVERY_STAFF_MEMBER = frozenset({ADMIN_ACCESS, "courses.view_trainer_guide"})
UPLOAD_IMAGES = ("add_image", "choose_image")  # and so change their own uploads, not others'
# Wagtail lets `change_document` edit and replace every document in the collection, and `add_document`
# alone edit the uploader's own: trainers upload; only editors change a colleague's handout.
UPLOAD_DOCUMENTS = ("add_document", "choose_document")
DOCUMENTS = (*UPLOAD_DOCUMENTS, "change_document")

TRAINERS = Role(
    key="trainers",
    name="Giảng viên",
    former_names=("Trainers",),
    permissions=EVERY_STAFF_MEMBER,
    page_permissions=("add_page", "change_page"),  # write and submit for review; never publish
    collection_permissions={LESSON_IMAGES: UPLOAD_IMAGES, ROOT_COLLECTION: UPLOAD_DOCUMENTS},
)
EDITORS = Role(
    key="editors",
    name="Biên tập viên",
    former_names=("Editors",),  # Wagtail's own group, which the project took over
    permissions=EVERY_STAFF_MEMBER
    | model_permissions("wagtailimages", image=("add", "change", "choose", "delete"))
    | model_permissions("wagtaildocs", document=("add", "change", "choose", "delete"))
    | model_permissions("showcase", registration=("view", "check_in"), supportorganisation=CRUD),
    page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    collection_permissions={ROOT_COLLECTION: (*UPLOAD_IMAGES, "change_image", *DOCUMENTS)},
)
_DISTRICT = (
    EVERY_STAFF_MEMBER
    | model_permissions(
        "trainers",
        trainer=CRUD,
        certificate=("view", "revoke", "renew"),
        profile=("view", "change"),
        notification=("view", "resend"),
    )
    | model_permissions("training", trainingsession=CRUD, sessionparticipant=CRUD, attendance=CRUD)
    | model_permissions("areas", area=("view",))
    | model_permissions("accounts", datarequest=("view", "change"))  # their people's requests (accounts.rights)
    | model_permissions("courses", attemptgrant=("add", "view"))
    | model_permissions("reports", target=("add", "change", "view"))
    | {"reports.view_reports"}
    | model_permissions(
        "showcase",
        startupproject=(*CRUD, "review"),
        registration=("view", "check_in"),
        supportorganisation=("view",),
    )
)
DISTRICT_ADMINISTRATORS = Role(
    key="district_administrators",
    name="Quản trị viên huyện",
    former_names=("District administrators",),
    permissions=_DISTRICT,
    collection_permissions={TRAINER_PHOTOS: UPLOAD_IMAGES, PROJECT_PICTURES: UPLOAD_IMAGES},
)
PROVINCE_ADMINISTRATORS = Role(
    key="province_administrators",
    name="Quản trị viên tỉnh",
    former_names=("Province administrators",),
    # Everything the province administrator's journeys need, without superuser: the whole programme
    # (their AdminScope on the province widens the district's permissions to every area), the
    # certificate settings, the site's pages, the editorial workflow and the media library. Not Wagtail's
    # users and groups screens: a non-superuser there could tick "superuser" on someone, or edit a role's
    # permissions that the next deployment would silently put back. Staff are created, edited and
    # deactivated on the Staff accounts screen (lms/staff.py), which keeps every role within its scope.
    permissions=_DISTRICT
    | model_permissions("trainers", profile=CRUD, issuer=CRUD, renewalrule=("add", "change", "view"))
    | model_permissions("trainers", certificatesettings=("change", "view"))
    | model_permissions("areas", area=CRUD, adminscope=CRUD)
    | model_permissions("reports", target=CRUD)
    | model_permissions("showcase", supportorganisation=CRUD)
    | model_permissions("wagtailimages", image=("add", "change", "choose", "delete"))
    | model_permissions("wagtaildocs", document=("add", "change", "choose", "delete"))
    | model_permissions("wagtailcore", workflow=("add", "change", "view"), task=("add", "change", "view")),
    page_permissions=EDITORS.page_permissions,
    collection_permissions={
        ROOT_COLLECTION: (*UPLOAD_IMAGES, "change_image", *DOCUMENTS, "add_collection", "change_collection"),
        TRAINER_PHOTOS: UPLOAD_IMAGES,
        PROJECT_PICTURES: UPLOAD_IMAGES,
    },
)
ROLES = (TRAINERS, EDITORS, DISTRICT_ADMINISTRATORS, PROVINCE_ADMINISTRATORS)

# Editorial review: every page goes through this workflow (courses/0003 made it; trainers/0014 named it).
REVIEW_WORKFLOW = "Duyệt nội dung"
REVIEW_TASK = "Biên tập viên duyệt"


def role_group(role: Role, apps=global_apps):
    """The role's group (created when missing, renamed from a former name)."""
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=role.name).first()
    if group is None:
        group = Group.objects.filter(name__in=role.former_names).first() or Group(name=role.name)
        group.name = role.name
        group.save()
    return group


def _permissions(apps, names) -> dict[str, object]:
    Permission = apps.get_model("auth.Permission")
    wanted = {tuple(name.split(".", 1)) for name in names}
    labels = {label for label, _codename in wanted}
    found = Permission.objects.filter(content_type__app_label__in=labels).select_related("content_type")
    return {
        f"{p.content_type.app_label}.{p.codename}": p for p in found if (p.content_type.app_label, p.codename) in wanted
    }


def roles_apply(apps=global_apps) -> None:
    """Make every role's group hold exactly its declared permissions; running it again changes nothing.

    A permission whose model is not migrated yet is left for the next run (a test checks that every
    declared permission exists once all migrations ran).
    """
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    collections = {c.name if c.depth > 1 else ROOT_COLLECTION: c for c in Collection.objects.filter(depth__lte=2)}
    for role in ROLES:
        group = role_group(role, apps)
        model_perms = _permissions(apps, role.permissions)
        group.permissions.set(model_perms.values())

        page_perms = _permissions(apps, {f"wagtailcore.{c}" for c in role.page_permissions}).values()
        keep = set()
        if root_page is not None:
            for permission in page_perms:
                row, _created = GroupPagePermission.objects.get_or_create(
                    group_id=group.pk, page_id=root_page.pk, permission_id=permission.pk
                )
                keep.add(row.pk)
        GroupPagePermission.objects.filter(group_id=group.pk).exclude(pk__in=keep).delete()

        keep = set()
        for name, codenames in role.collection_permissions.items():
            collection = collections.get(name)
            if collection is None:
                continue
            for permission in _permissions(apps, {_collection_permission(c) for c in codenames}).values():
                row, _created = GroupCollectionPermission.objects.get_or_create(
                    group_id=group.pk, collection_id=collection.pk, permission_id=permission.pk
                )
                keep.add(row.pk)
        GroupCollectionPermission.objects.filter(group_id=group.pk).exclude(pk__in=keep).delete()


def _collection_permission(codename: str) -> str:
    app = {"image": "wagtailimages", "document": "wagtaildocs", "collection": "wagtailcore"}[codename.rsplit("_", 1)[1]]
    return f"{app}.{codename}"


def apply_after_migrate(sender, apps=global_apps, plan=None, **kwargs) -> None:
    """post_migrate: once, after the last app, with every app's permissions created first.

    Not after `flush` (which sends post_migrate without a plan): it empties what migrations wrote too
    (the page tree, the collections), and a test database restored after a flush brings the groups
    back itself, which groups made here would then duplicate.
    """
    from django.contrib.auth.management import create_permissions

    if plan is None:
        return
    with_models = [config for config in global_apps.get_app_configs() if config.models_module is not None]
    if sender.label != with_models[-1].label:
        return
    try:
        apps.get_model("wagtailcore.GroupCollectionPermission")
    except LookupError:  # migrated backwards past Wagtail's tables
        return
    for config in with_models:
        create_permissions(config, apps=apps, verbosity=0)
    roles_apply(apps)
