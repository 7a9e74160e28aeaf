"""Sessions kept in PostgreSQL and read through the cache (SESSION_ENGINE).

Django's cached_db trusts a cache entry until the session expires, two weeks later. A Redis
restored from an older snapshot, or one that was unreachable when someone logged out (so the
entry's delete was lost), would then bring a deleted session back to life. Here an entry is
trusted for TRUST_SECONDS (core.page_cache, as users and enrolments are) after it was read from
or written to the database, and expires then;
the next request reads the row again. The cost is one query per active session per
TRUST_SECONDS. A logout whose cache delete is refused (Redis away, or refusing writes while it still
answers reads) makes the process stop trusting cached sessions for a while (core.page_cache.cache_delete),
so that the deleted row is read; other processes follow within VERSION_TRUST_SECONDS. Checking the
row on every hit would close even that but cost a query on every request.
"""

import logging
import time

from asgiref.sync import sync_to_async
from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.db import SessionStore as DBStore

from core.page_cache import TRUST_SECONDS, cache_delete, read_with_version, trusted

logger = logging.getLogger("django.contrib.sessions")


class SessionStore(cached_db.SessionStore):
    # Entries are (written at, data); a new prefix so that cached_db's plain entries are never read.
    cache_key_prefix = "accounts.sessions."

    def load(self):
        try:
            # What this session's previous request read (its user, its enrolment) comes along.
            entry = read_with_version([self.cache_key], visitor=self.session_key).get(self.cache_key)
        except Exception:  # an unreachable cache or a key the backend refuses: read the database
            entry = None
        if trusted(entry):
            return entry[1]
        session = self._get_session_from_db()
        if session is None:
            return {}
        data = self.decode(session.session_data)
        self._cache_write(data, self.get_expiry_age(expiry=session.expire_date))
        return data

    def save(self, must_create=False):
        DBStore.save(self, must_create)
        self._cache_write(self._session, self.get_expiry_age())

    def delete(self, session_key=None):
        DBStore.delete(self, session_key)
        session_key = session_key or self.session_key
        # A refused delete (Redis unreachable, or refusing writes) makes the cache's per-person entries
        # untrusted for a while (core.page_cache.cache_delete): the next request reads the deleted row.
        if session_key and not cache_delete(self.cache_key_prefix + session_key):
            logger.error(
                "Could not delete a session from the cache (%s): sessions are read from the database", self._cache
            )

    def _cache_write(self, data: dict, expiry_age: int) -> None:
        try:
            self._cache.set(self.cache_key, (time.time(), data), min(expiry_age, TRUST_SECONDS))
        except Exception:
            logger.exception("Could not save a session to the cache (%s)", self._cache)

    # This site is served by WSGI; the async variants go through the same rules.
    async def aload(self):
        return await sync_to_async(self.load)()

    async def asave(self, must_create=False):
        return await sync_to_async(self.save)(must_create)

    async def adelete(self, session_key=None):
        return await sync_to_async(self.delete)(session_key)
