"""Django's PostgreSQL backend, with the per-request connection health check made without a query.

CONN_HEALTH_CHECKS runs `SELECT 1` before the first query of every request: a round trip to
PostgreSQL as dear as a warm lesson page's only query. A connection the server has closed (a
restart, an idle timeout, a terminated backend) is readable at once, since the server sends its
goodbye or end-of-file; an open idle one has nothing to read. So the check here looks at the
socket instead, without waiting. After an error within a request Django's own check still runs
the query (is_usable), since there the question is also whether the transaction is usable.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
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
