"""showcase 0006: the notices still owed when the showcase's own sending goes are put in the outbox."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from showcase.services import project_team_update, registration_create
from trainers.models import Notification

from .factories import ProjectFactory, add_member, make_event, person

BEFORE = [("showcase", "0006_project_sessions_point_to_training"), ("trainers", "0021_notification_to_an_address")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_what_was_owed_is_queued_in_the_outbox_and_nothing_else(home):
    event = make_event(home, capacity=5)
    owed = registration_create(event=event, full_name="An", phone="0905000001", email="an@example.org")[0]
    sent = registration_create(event=event, full_name="Bình", phone="0905000002", email="binh@example.org")[0]
    old = registration_create(event=event, full_name="Chi", phone="0905000003", email="chi@example.org")[0]
    lead = person(email="lead@example.org")
    project = ProjectFactory()
    add_member(project, lead, lead=True)
    project_team_update(project=project, by=lead, invite=["hoa@example.org", "0905123456"])
    Notification.objects.all().delete()  # as before the outbox carried them

    apps = _migrate(BEFORE)
    Registration = apps.get_model("showcase", "Registration")
    Registration.objects.filter(pk=sent.pk).update(confirmation_sent_at=timezone.now())
    Registration.objects.filter(pk=old.pk).update(queued_at=timezone.now() - datetime.timedelta(days=3))
    # Forward to the latest state (showcase 0007 among it), as a deployment would: nothing is left unapplied.
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    rows = Notification.objects.values_list("kind", "object_key", "address", "language")
    (invitation,) = project.invitations.filter(address="hoa@example.org")
    assert set(rows) == {
        (Notification.EVENT_REGISTRATION, f"registration:{owed.pk}", "an@example.org", "vi"),
        (Notification.PROJECT_INVITATION, f"invitation:{invitation.pk}", "hoa@example.org", "vi"),
    }
    assert Notification.objects.get(kind=Notification.EVENT_REGISTRATION).period == owed.queued_at.isoformat()
