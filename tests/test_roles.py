"""Roles are declared once (lms/roles.py): the groups hold exactly what is declared, under Vietnamese names."""

import dataclasses

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Workflow

from lms import roles

pytestmark = pytest.mark.django_db


def held(group) -> dict:
    return {
        "model": {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")},
        "pages": {(r.page.depth, r.permission.codename) for r in GroupPagePermission.objects.filter(group=group)},
        "collections": {
            (r.collection.name if r.collection.depth > 1 else roles.ROOT_COLLECTION, r.permission.codename)
            for r in GroupCollectionPermission.objects.filter(group=group)
        },
    }


def declared(role) -> dict:
    return {
        "model": set(role.permissions),
        "pages": {(1, codename) for codename in role.page_permissions},
        "collections": {(name, c) for name, codenames in role.collection_permissions.items() for c in codenames},
    }


def test_every_declared_permission_exists():
    names = {name for role in roles.ROLES for name in role.permissions}
    existing = {f"{p.content_type.app_label}.{p.codename}" for p in Permission.objects.select_related("content_type")}
    assert names - existing == set()


def test_after_migrate_each_group_holds_exactly_its_role():
    for role in roles.ROLES:
        assert held(Group.objects.get(name=role.name)) == declared(role), role.key


def test_the_admin_shows_vietnamese_names_and_no_english_group_is_left():
    # Exactly the declared roles: Wagtail's unused "Moderators" (publish rights on every page) is gone.
    assert set(Group.objects.values_list("name", flat=True)) == {role.name for role in roles.ROLES}
    assert list(Workflow.objects.values_list("name", flat=True)) == [roles.REVIEW_WORKFLOW]
    workflow = Workflow.objects.get(name=roles.REVIEW_WORKFLOW)
    assert [task.name for task in workflow.tasks] == [roles.REVIEW_TASK]


def test_applying_restores_the_declaration_and_changes_nothing_twice():
    trainers = Group.objects.get(name=roles.TRAINERS.name)
    trainers.permissions.add(Permission.objects.get(codename="delete_trainer"))  # granted by hand
    trainers.permissions.remove(Permission.objects.get(codename="view_trainer_guide"))
    GroupPagePermission.objects.filter(group=trainers).delete()

    roles.roles_apply()
    roles.roles_apply()

    assert held(trainers) == declared(roles.TRAINERS)
    assert Group.objects.filter(name=roles.TRAINERS.name).count() == 1


def test_a_new_permission_is_one_line(monkeypatch):
    more = dataclasses.replace(roles.TRAINERS, permissions=roles.TRAINERS.permissions | {"trainers.view_trainer"})
    monkeypatch.setattr(roles, "ROLES", (more, *roles.ROLES[1:]))
    call_command("migrate", verbosity=0)  # as a deployment would: the handler after migrate applies it

    assert "trainers.view_trainer" in held(Group.objects.get(name=roles.TRAINERS.name))["model"]


def test_trainers_change_no_document_but_their_own():
    # `change_document` on a collection would let one trainer replace every handout in it (tests/test_documents.py).
    trainers = Group.objects.get(name=roles.TRAINERS.name)
    codenames = {codename for _collection, codename in held(trainers)["collections"]}
    assert {"add_document", "choose_document"} <= codenames and "change_document" not in codenames
    assert "change_document" in {c for _name, c in held(Group.objects.get(name=roles.EDITORS.name))["collections"]}


def test_migrate_applies_the_roles_and_flush_does_not():
    """A flush empties what migrations wrote; groups made after it would clash with a test database's restore."""
    from django.core.management.sql import emit_post_migrate_signal

    Group.objects.all().delete()
    emit_post_migrate_signal(0, False, "default")  # what `flush` sends
    assert not Group.objects.exists()
    emit_post_migrate_signal(0, False, "default", plan=[])  # what `migrate` sends, even with nothing to do
    assert {group.name for group in Group.objects.all()} == {role.name for role in roles.ROLES}


def test_a_province_administrator_without_superuser_reaches_every_screen_of_their_journeys(client):
    """Reports, certificates and their settings, the outbox, pages, the review workflow, the media library and
    the staff screen come from the role and the province scope; Wagtail's users and groups stay the operator's."""
    from wagtail.models import Page, Site

    from tests.trainers.factories import areas, province_admin

    admin = province_admin(areas()["province"])
    assert not admin.is_superuser
    client.force_login(admin)
    site = Site.objects.get(is_default_site=True)
    lesson_parent = Page.objects.get(depth=2)
    for url in [
        "/admin/reports/",  # the programme dashboard
        "/admin/trainers/certificates/",
        "/admin/trainers/issuers/",
        f"/admin/settings/trainers/certificatesettings/{site.pk}/",
        "/admin/trainers/notifications/",
        f"/admin/pages/{lesson_parent.pk}/",
        f"/admin/pages/{lesson_parent.pk}/edit/",
        "/admin/workflows/list/",
        "/admin/collections/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/reports/site-history/",
        "/admin/staff/new/",
    ]:
        assert client.get(url).status_code == 200, url
    for url in ["/admin/users/", "/admin/groups/"]:
        assert client.get(url).status_code in (302, 403), url
