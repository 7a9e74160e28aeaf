"""The reports' replica router (core/db_routers.py) without a replica: the scope, the choice and the fallbacks.

A real standby is in tests/reports/test_replica.py; here the replica's answer is stood in for, so that these run
in the normal suite on SQLite. The suite configures no replica (lms/settings/test.py).
"""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, router

from accounts.models import User
from core import db_routers
from core.db_routers import PRIMARY, REPLICA, Reading, ReportsReplicaRouter, reading_for_reports


@contextmanager
def replica_alias(config: dict):
    """The alias `replica` with `config` for the block, as DATABASE_REPLICA_URL would configure it."""
    connections.settings[REPLICA] = connections.configure_settings({**connections.settings, REPLICA: config})[REPLICA]
    try:
        yield
    finally:
        try:
            connections[REPLICA].close()
            del connections[REPLICA]
        except AttributeError:  # never opened in this thread
            pass
        del connections.settings[REPLICA]


@pytest.fixture
def a_replica():
    """A replica alias that is never connected to: `replica_lag` is stood in for by each test."""
    with replica_alias({"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}):
        yield


def lagging(seconds, as_of=None):
    return mock.patch.object(db_routers, "replica_lag", return_value=(seconds, as_of))


def test_the_suite_configures_no_replica_and_the_scope_reads_the_primary():
    assert not db_routers.replica_configured()
    with reading_for_reports() as reading:
        assert reading == PRIMARY
        assert router.db_for_read(User) == DEFAULT_DB_ALIAS
    assert router.db_for_read(User) == DEFAULT_DB_ALIAS


def test_reads_within_the_scope_go_to_a_replica_that_keeps_up_and_writes_to_the_primary(a_replica):
    with lagging(0.0):
        assert router.db_for_read(User) == DEFAULT_DB_ALIAS
        with reading_for_reports() as reading:
            assert reading == Reading(REPLICA) and reading.from_replica
            assert router.db_for_read(User) == REPLICA
            assert router.db_for_write(User) == DEFAULT_DB_ALIAS
        assert router.db_for_read(User) == DEFAULT_DB_ALIAS  # the scope ends with its block


def test_outside_the_scope_an_object_read_from_the_replica_is_read_and_saved_on_the_primary(a_replica):
    on_replica = User(email="a@example.org")
    on_replica._state.db = REPLICA
    assert router.db_for_read(User, instance=on_replica) == DEFAULT_DB_ALIAS
    assert router.db_for_write(User, instance=on_replica) == DEFAULT_DB_ALIAS
    on_primary = User(email="b@example.org")
    on_primary._state.db = DEFAULT_DB_ALIAS
    assert router.allow_relation(on_replica, on_primary)


def test_the_replica_is_never_migrated():
    routing = ReportsReplicaRouter()
    assert routing.allow_migrate(REPLICA, "reports") is False
    assert routing.allow_migrate(DEFAULT_DB_ALIAS, "reports") is None


def test_the_replica_is_asked_once_per_scope_and_a_nested_scope_reads_where_the_outer_does(a_replica):
    with lagging(0.0) as asked:
        with reading_for_reports():
            with reading_for_reports() as inner:
                assert inner.alias == REPLICA
    assert asked.call_count == 1


def test_a_replica_further_behind_than_the_limit_leaves_the_reports_to_the_primary(a_replica, settings, caplog):
    settings.DATABASE_REPLICA_MAX_LAG = 30
    with lagging(12.5, as_of="12:00") as asked, reading_for_reports() as reading:
        assert reading == Reading(REPLICA, as_of="12:00")  # behind within the limit: its figures' moment is told
    with lagging(30.5), reading_for_reports() as reading:
        assert reading == PRIMARY and router.db_for_read(User) == DEFAULT_DB_ALIAS
    assert "30.5 s behind" in caplog.text and asked.call_count == 1


def test_an_unreachable_replica_or_one_that_is_no_standby_leaves_the_reports_to_the_primary(a_replica, caplog):
    error = OperationalError("connection refused")
    with mock.patch.object(db_routers, "replica_lag", side_effect=error), reading_for_reports() as reading:
        assert reading == PRIMARY
    assert "cannot be reached" in caplog.text
    with lagging(None), reading_for_reports() as reading:  # promoted, or never replayed anything
        assert reading == PRIMARY


@pytest.mark.django_db
def test_a_report_checks_the_replica_once_and_a_learners_page_never(client, superuser, learner):
    with mock.patch.object(db_routers, "choose_reading", wraps=db_routers.choose_reading) as chosen:
        client.force_login(superuser)
        assert client.get("/admin/reports/").status_code == 200
        assert chosen.call_count == 1
        assert client.get("/admin/reports/export/reach.csv").status_code == 200
        assert client.get("/admin/reports/learning-gain/").status_code == 200
        assert client.get("/admin/").status_code == 200  # the administrators' key figures
        assert chosen.call_count == 4
        client.force_login(learner)
        assert client.get("/accounts/me/").status_code == 200
        assert client.get("/my-learning/").status_code == 200
        assert chosen.call_count == 4
