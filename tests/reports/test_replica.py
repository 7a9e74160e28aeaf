"""Reports read from a real PostgreSQL streaming replica and stay correct while it lags (core/db_routers.py).

Needs the standby of `WITH_REPLICA=1 scripts/services.sh start` (LMS_TEST_REPLICA_URL); the PostgreSQL phase of
.ci/run sets LMS_REQUIRE_REPLICA=1 so that a missing standby fails instead of skipping. The standby copies the
whole cluster, the test database too, so the alias `replica` is the standby with the test database's name.
Lag is made, not waited for: replay is paused on the standby (pg_wal_replay_pause) and resumed, and every wait
polls the standby's replay position with a timeout.
"""

import os
import time
from unittest import mock

import environ
import psycopg
import pytest
from django.db import connection, connections, router

from accounts.models import User
from core import db_routers
from core.db_routers import REPLICA, reading_for_reports
from reports.models import FirstReach
from tests.test_db_routers import replica_alias
from tests.trainers.factories import ParticipantFactory, ProfileFactory, TrainingSessionFactory, UserFactory, areas

REQUIRED = os.environ.get("LMS_REQUIRE_REPLICA") == "1"
URL = os.environ.get("LMS_TEST_REPLICA_URL", "")
DASHBOARD = "/admin/reports/"
WAIT_SECONDS = 60

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


def primary_position() -> str:
    """Where the primary's WAL ends, commits not yet flushed included (the test cluster commits asynchronously)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_insert_lsn()::text")
        return cursor.fetchone()[0]


def wait_until(control, sql: str, params=()) -> None:
    """Poll the standby until `sql` is true; fail after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not control.execute(sql, params).fetchone()[0]:
        assert time.monotonic() < deadline, f"the standby did not get there within {WAIT_SECONDS} s: {sql} {params}"
        time.sleep(0.05)


def replayed(control) -> None:
    """Wait until the standby has replayed everything committed on the primary so far."""
    wait_until(control, "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [primary_position()])


def received(control) -> None:
    """Wait until the standby has received (not necessarily replayed) everything committed on the primary."""
    wait_until(control, "SELECT pg_last_wal_receive_lsn() >= %s::pg_lsn", [primary_position()])


def pause(control) -> None:
    control.execute("SELECT pg_wal_replay_pause()")
    wait_until(control, "SELECT pg_get_wal_replay_pause_state() = 'paused'")


@pytest.fixture(scope="module")
def replica_database(django_db_setup, django_db_blocker):
    """The alias `replica` on the standby's copy of the test database, and a connection for pausing its replay.

    Added once the test database exists and before each test's case is set up, so that the tests may declare it
    (`databases`); a test mirror of default for the teardown, which so flushes the primary alone (the standby
    follows), and never creates a test database on the standby.
    """
    with django_db_blocker.unblock():
        vendor = connection.vendor
        name = connections["default"].settings_dict["NAME"]
    if vendor != "postgresql" or not URL:
        message = "needs PostgreSQL with a standby: WITH_REPLICA=1 scripts/services.sh start sets LMS_TEST_REPLICA_URL"
        (pytest.fail if REQUIRED else pytest.skip)(message)
    config = environ.Env.db_url_config(URL)
    control = psycopg.connect(
        host=config["HOST"], port=config["PORT"], user=config["USER"], dbname=config["NAME"], autocommit=True
    )
    config.update(NAME=name, TEST={"MIRROR": "default"})
    try:
        with replica_alias(config):
            yield control
    finally:
        control.close()


@pytest.fixture
def standby(replica_database, transactional_db, settings):
    """The connection that pauses and resumes the standby's replay; a generous lag limit unless a test lowers it."""
    settings.DATABASE_REPLICA_MAX_LAG = 3600
    replayed(replica_database)  # what the fixtures before it wrote is on the standby
    try:
        yield replica_database
    finally:
        replica_database.execute("SELECT pg_wal_replay_resume()")  # never leave the standby paused


def reach_row(superuser):
    """Someone reached by a counted training session: one more person in the "people reached" report."""
    tree = areas()
    session = TrainingSessionFactory(area=tree["Duy Xuyên"])
    person = UserFactory()
    ProfileFactory(user=person, area=tree["Duy Xuyên"])
    ParticipantFactory(session=session, person=person)
    return person


def people_reached(client) -> tuple[int, object]:
    """The dashboard's "people reached" total, and the response."""
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    report = next(s["report"] for s in response.context["sections"] if s["report"].key == "reach")
    return report.rows[-1][-1], response


def exported_people_reached(client) -> int:
    text = client.get("/admin/reports/export/reach.csv").content.decode("utf-8-sig")
    return int(text.strip().splitlines()[-1].rsplit(",", 1)[-1])


def test_the_scope_reads_from_the_standby_and_everything_else_from_the_primary(standby):
    def in_recovery(alias: str) -> bool:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT pg_is_in_recovery()")
            return cursor.fetchone()[0]

    with reading_for_reports() as reading:
        assert reading.from_replica and reading.as_of is None  # caught up: no "as of" to show
        assert in_recovery(router.db_for_read(FirstReach))
        assert router.db_for_write(FirstReach) == "default"
    assert not in_recovery(router.db_for_read(FirstReach))


def test_reports_come_from_the_standby_and_stay_correct_while_it_lags(standby, client, superuser, settings):
    client.force_login(superuser)
    reach_row(superuser)  # the kept table (reports.first_reach) is filled by triggers on the primary
    replayed(standby)
    assert people_reached(client)[0] == 1 and exported_people_reached(client) == 1

    pause(standby)
    reach_row(superuser)
    received(standby)  # on the standby, not yet replayed
    assert FirstReach.objects.count() == 2  # the primary has both

    # Within the limit, the report is the standby's: the figure as it was, told as such.
    figure, response = people_reached(client)
    assert figure == 1 and exported_people_reached(client) == 1
    assert response.context["figures_as_of"] is not None
    assert "Số liệu tính đến" in response.content.decode()

    # Further behind than the limit: the primary's figure.
    settings.DATABASE_REPLICA_MAX_LAG = 0
    figure, response = people_reached(client)
    assert figure == 2 and exported_people_reached(client) == 2
    assert response.context["figures_as_of"] is None

    # Caught up again: the standby's figure is the primary's.
    settings.DATABASE_REPLICA_MAX_LAG = 3600
    standby.execute("SELECT pg_wal_replay_resume()")
    replayed(standby)
    with reading_for_reports() as reading:
        assert reading.from_replica
    figure, response = people_reached(client)
    assert figure == 2 and response.context["figures_as_of"] is None


def test_with_the_standby_down_the_reports_come_from_the_primary(standby, client, superuser, caplog):
    client.force_login(superuser)
    reach_row(superuser)
    replica = connections.settings[REPLICA]
    port = replica["PORT"]
    connections[REPLICA].close()
    del connections[REPLICA]
    replica["PORT"] = connections.settings["default"]["PORT"] + 1000  # nothing listens there
    try:
        with reading_for_reports() as reading:
            assert not reading.from_replica
        assert people_reached(client)[0] == 1  # not replayed anywhere yet: read from the primary
        assert "cannot be reached" in caplog.text
    finally:
        replica["PORT"] = port
        del connections[REPLICA]


def test_a_learner_reads_their_own_writes_while_the_standby_lags(standby, client, learner):
    replayed(standby)
    pause(standby)
    client.force_login(learner)
    form = {
        "account-full_name": "Nguyễn Thị Lan",
        "account-email": learner.email,
        "account-preferred_language": "vi",
        "profile-gender": "female",
        "profile-birth_year": "2001",
    }
    with mock.patch.object(db_routers, "choose_reading", wraps=db_routers.choose_reading) as chosen:
        assert client.post("/accounts/me/", form).status_code == 302
        page = client.get("/accounts/me/")
    assert "Nguyễn Thị Lan" in page.content.decode()  # written on the primary and read back from it at once
    assert chosen.call_count == 0  # a learner's page never opens the reports' scope
    received(standby)
    # The standby has the change but has not applied it: a page read from it would show the old name.
    assert User.objects.using(REPLICA).get(pk=learner.pk).full_name == learner.full_name != "Nguyễn Thị Lan"
