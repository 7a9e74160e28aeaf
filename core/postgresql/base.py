"""Django's PostgreSQL backend, with the per-request connection health check made without a query,
and a cursor for statements PostgreSQL should plan only once.

CONN_HEALTH_CHECKS runs `SELECT 1` before the first query of every request: a round trip to
PostgreSQL as dear as a warm lesson page's only query. A connection the server has closed (a
restart, an idle timeout, a terminated backend) is readable at once, since the server sends its
goodbye or end-of-file; an open idle one has nothing to read. So the check here looks at the
socket instead, without waiting. After an error within a request Django's own check still runs
the query (is_usable), since there the question is also whether the transaction is usable.
"""

import select

import psycopg
from django.db.backends.postgresql import base
from psycopg import pq


class PreparedCursor(base.ServerBindingCursor):
    """Every statement is a prepared statement, planned once per connection and statement text."""

    def execute(self, query, params=None, *, prepare=None, binary=None):
        return super().execute(query, params, prepare=True, binary=binary)


class DatabaseWrapper(base.DatabaseWrapper):
    def prepared_cursor(self):
        """A cursor (logged and counted like any other) whose statements PostgreSQL plans only once.

        For a hot statement whose planning costs more than running it. Django leaves prepared
        statements off for connection poolers in transaction mode; this site connects directly.
        """
        self.close_if_health_check_failed()
        self.ensure_connection()
        with self.wrap_database_errors:
            cursor = PreparedCursor(self.connection)
            tzloader = self.connection.adapters.get_loader(base.TIMESTAMPTZ_OID, psycopg.pq.Format.TEXT)
            if self.timezone != tzloader.timezone:
                base.register_tzloader(self.timezone, cursor)
            return self._prepare_cursor(cursor)

    def close_if_health_check_failed(self):
        if self.pool or self.connection is None or not self.health_check_enabled or self.health_check_done:
            return
        if not self._idle_and_open():
            self.close()
        self.health_check_done = True

    def _idle_and_open(self) -> bool:
        try:
            pgconn = self.connection.pgconn
            if pgconn.status != pq.ConnStatus.OK or pgconn.transaction_status != pq.TransactionStatus.IDLE:
                return False
            readable, _writable, _failed = select.select([pgconn.socket], [], [], 0)
        except (OSError, ValueError, AttributeError):  # a socket already closed, or no psycopg 3 connection
            return False
        # Anything waiting on an idle connection is the server ending it (or a notice we never ask for).
        return not readable
