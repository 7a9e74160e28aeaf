"""Sessions moved from `trainers` to `training`: a database at the old state keeps its rows and every grant."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("trainers", "0017_profile_area_labelled_commune_or_ward"), ("showcase", "0005_project_invitation_sent_at")]
AFTER = [("training", "0002_content_types_from_trainers"), ("showcase", "0006_project_sessions_point_to_training")]


@pytest.fixture(autouse=True)
def _back_to_the_latest_state():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_a_database_from_before_the_move_keeps_its_sessions_and_the_groups_keep_their_permissions():
    old = _migrate(BEFORE)
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    Group = old.get_model("auth", "Group")
    Area = old.get_model("areas", "Area")
    User = old.get_model("accounts", "User")
    area = Area.objects.create(code="99999", name="Thử", kind="district")
    person = User.objects.create(email="p@example.org", full_name="Người học")
    session = old.get_model("trainers", "TrainingSession").objects.create(
        title="Lớp cũ", starts_on=datetime.date(2024, 5, 1), ends_on=datetime.date(2024, 5, 1), area=area
    )
    place = old.get_model("trainers", "SessionParticipant").objects.create(session=session, person=person)
    old.get_model("trainers", "Attendance").objects.create(participant=place, day=datetime.date(2024, 5, 1))
    session_type, _ = ContentType.objects.get_or_create(app_label="trainers", model="trainingsession")
    grant, _ = Permission.objects.get_or_create(
        content_type=session_type, codename="change_trainingsession", defaults={"name": "Can change"}
    )
    group = Group.objects.create(name="Nhóm thử")
    group.permissions.add(grant)

    new = _migrate(AFTER)
    moved = new.get_model("training", "TrainingSession").objects.get(pk=session.pk)
    assert moved.title == "Lớp cũ"
    assert new.get_model("training", "SessionParticipant").objects.filter(session=moved, person_id=person.pk).exists()
    assert new.get_model("training", "Attendance").objects.filter(participant_id=place.pk).count() == 1
    granted = new.get_model("auth", "Group").objects.get(pk=group.pk).permissions.get()
    assert (granted.content_type.app_label, granted.codename) == ("training", "change_trainingsession")
    assert (
        not new.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="trainers", model="trainingsession")
        .exists()
    )
