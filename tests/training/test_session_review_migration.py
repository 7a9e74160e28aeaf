"""Sessions that exist when the review arrives stay counted: approved, with an approved report; the reports'
triggers, which read the report's state, are removed going back before it and installed again going forward."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("training", "0004_rollcall_and_evaluation")]


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


def _triggers() -> set[str]:
    if connection.vendor != "sqlite":
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {name for (name,) in cursor.fetchall()}


def test_existing_sessions_are_approved_with_an_approved_report_and_the_triggers_stay():
    triggers = _triggers()
    assert connection.vendor != "sqlite" or any("first_reach" in name for name in triggers)
    old = _migrate(BEFORE)
    assert not any("first_reach" in name for name in _triggers())
    Area = old.get_model("areas", "Area")
    area = Area.objects.create(code="99998", name="Thử", kind="district")
    session = old.get_model("training", "TrainingSession").objects.create(
        title="Lớp nhập trước đây", starts_on=datetime.date(2024, 5, 1), ends_on=datetime.date(2024, 5, 1), area=area
    )
    person = old.get_model("accounts", "User").objects.create(email="p@example.org", full_name="Người học")
    old.get_model("training", "SessionParticipant").objects.create(session=session, person=person)
    executor = MigrationExecutor(connection)
    _migrate(executor.loader.graph.leaf_nodes())
    from training.models import TrainingSession

    migrated = TrainingSession.objects.get(pk=session.pk)
    assert (migrated.review_status, migrated.report_status) == ("approved", "approved")
    assert _triggers() == triggers
    from reports.models import FirstReach

    assert FirstReach.objects.get(person_id=person.pk).first_session_on == datetime.date(2024, 5, 1)
