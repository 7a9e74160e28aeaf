"""Reports read from a PostgreSQL streaming replica where one is configured; everything else from the primary.

The replica is the database alias `replica` (settings: DATABASE_REPLICA_URL). Reads go to it only inside
`reading_for_reports()`, a scope the reports' views and exports open once per request; every write, and every
read outside that scope, goes to the primary. A learner's pages never open the scope, so a learner always
reads their own writes, and an object read from the replica is saved to the primary (`db_for_write`).

On entering the scope one query on the replica decides (`replica_lag`); the primary serves the reports when
no replica is configured, when it cannot be reached, when it is not a standby (promoted, or misconfigured),
or when it is further behind than DATABASE_REPLICA_MAX_LAG seconds. Its lag: zero while its WAL receiver
streams and it has replayed all it received (an idle primary sends nothing, so the age of the last replayed
transaction says nothing then); otherwise the age of the last transaction it replayed, which can only
overstate how far behind it is (PostgreSQL documentation, "High Availability, Load Balancing, and
Replication", 27.2.5.2 and the functions pg_last_wal_receive_lsn, pg_last_wal_replay_lsn and
pg_last_xact_replay_timestamp in 9.27.4, "Recovery Control Functions").

Raw SQL in a report reads through `connections[router.db_for_read(Model)]`, never `connection`.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

REPLICA = "replica"
logger = logging.getLogger(__name__)

# The alias the current scope reads from (None: no scope open, the primary).
_reading_from: ContextVar[str | None] = ContextVar("reports_read_from", default=None)

LAG_SQL = """
SELECT pg_is_in_recovery(),
       EXISTS (SELECT 1 FROM pg_stat_wal_receiver),
       pg_last_wal_receive_lsn() IS NOT NULL AND pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(),
       EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()),
       pg_last_xact_replay_timestamp()
"""


@dataclass(frozen=True)
class Reading:
    """Where a scope reads from, and (from a replica that is behind) the moment its figures stand at."""

    alias: str = DEFAULT_DB_ALIAS
    as_of: datetime.datetime | None = None

    @property
    def from_replica(self) -> bool:
        return self.alias == REPLICA


PRIMARY = Reading()


def replica_configured() -> bool:
    return REPLICA in connections.settings


def replica_lag() -> tuple[float | None, datetime.datetime | None]:
    """(seconds the replica is behind, the commit time of the last transaction it replayed); None: not usable.

    Raises DatabaseError when the replica cannot be reached.
    """
    with connections[REPLICA].cursor() as cursor:
        cursor.execute(LAG_SQL)
        in_recovery, streaming, caught_up, age, replayed_at = cursor.fetchone()
    if not in_recovery:
        logger.warning("The database %r is not a standby (promoted?): reports read from the primary.", REPLICA)
        return None, None
    if streaming and caught_up:
        return 0.0, None
    return (None if age is None else max(float(age), 0.0)), replayed_at


def choose_reading() -> Reading:
    """The replica if it is configured, reachable and at most DATABASE_REPLICA_MAX_LAG seconds behind; else the
    primary."""
    if not replica_configured():
        return PRIMARY
    try:
        lag, replayed_at = replica_lag()
    except DatabaseError as error:
        logger.warning("The reports' replica cannot be reached (%s): reports read from the primary.", error)
        connections[REPLICA].close()  # the next request connects afresh
        return PRIMARY
    if lag is None:
        return PRIMARY
    if lag > settings.DATABASE_REPLICA_MAX_LAG:
        logger.warning(
            "The reports' replica is %.1f s behind (DATABASE_REPLICA_MAX_LAG=%s): reports read from the primary.",
            lag,
            settings.DATABASE_REPLICA_MAX_LAG,
        )
        return PRIMARY
    return Reading(REPLICA, as_of=replayed_at if lag else None)


@contextmanager
def reading_for_reports() -> Iterator[Reading]:
    """Read from the replica within the block when it is fit to (`choose_reading`, asked once); nested: the outer's."""
    current = _reading_from.get()
    if current is not None:
        yield Reading(current)
        return
    reading = choose_reading()
    token = _reading_from.set(reading.alias)
    try:
        yield reading
    finally:
        _reading_from.reset(token)


class ReportsReplicaRouter:
    """Reads within `reading_for_reports()` from where it chose; every other read and every write: the primary."""

    def db_for_read(self, model, **hints) -> str:
        # Explicitly the primary outside a scope: Django would otherwise follow an object read from the replica.
        return _reading_from.get() or DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        # The replica is a copy of the primary: a row read from either may refer to a row read from the other.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, **hints) -> bool | None:
        # A standby is read-only: it receives the primary's migrations through replication.
        return False if db == REPLICA else None
