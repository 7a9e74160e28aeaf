"""Sessions kept in PostgreSQL and read through the cache (SESSION_ENGINE).

Django's cached_db trusts a cache entry until the session expires, two weeks later. A Redis
restored from an older snapshot, or one that was unreachable when someone logged out (so the
entry's delete was lost), would then bring a deleted session back to life. Here an entry is
trusted for TRUST_SECONDS after it was read from or written to the database, and expires then;
the next request reads the row again. The cost is one query per active session per
TRUST_SECONDS; what remains is a window of at most TRUST_SECONDS for a logout made while Redis
was away. Checking the row on every hit would close it but cost a query on every request.
"""

import logging
import threading
import time

from asgiref.sync import sync_to_async
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.db import SessionStore as DBStore

from home.page_cache import read_with_version

from .backends import user_cache_key

logger = logging.getLogger("django.contrib.sessions")

TRUST_SECONDS = 60

# Whose each session was when this process last read it, so that the next request reads the
# session, its user and the content version from the cache in one round trip. Only a guess of
# which user entry to read alongside: the backend takes it only for the id the session holds.
_users_of_sessions: dict[str, str] = {}
_users_lock = threading.Lock()
REMEMBERED_SESSIONS = 20_000


class SessionStore(cached_db.SessionStore):
    # Entries are (written at, data); a new prefix so that cached_db's plain entries are never read.
    cache_key_prefix = "accounts.sessions."

    def load(self):
        keys = [self.cache_key]
        user_id = _users_of_sessions.get(self.session_key)
        if user_id is not None:
            keys.append(user_cache_key(user_id))
        try:
            entry = read_with_version(keys).get(self.cache_key)
        except Exception:  # an unreachable cache or a key the backend refuses: read the database
            entry = None
        if entry is not None and 0 <= time.time() - entry[0] < TRUST_SECONDS:
            data = entry[1]
        else:
            session = self._get_session_from_db()
            if session is None:
                return {}
            data = self.decode(session.session_data)
            self._cache_write(data, self.get_expiry_age(expiry=session.expire_date))
        self._remember_user(data)
        return data

    def _remember_user(self, data: dict) -> None:
        user_id = data.get(SESSION_KEY)
        if _users_of_sessions.get(self.session_key) == user_id:
            return
        with _users_lock:
            if len(_users_of_sessions) >= REMEMBERED_SESSIONS:
                _users_of_sessions.clear()  # each session then costs one more round trip, once
            if user_id is None:
                _users_of_sessions.pop(self.session_key, None)
            else:
                _users_of_sessions[self.session_key] = user_id

    def save(self, must_create=False):
        DBStore.save(self, must_create)
        self._cache_write(self._session, self.get_expiry_age())

    def delete(self, session_key=None):
        DBStore.delete(self, session_key)
        session_key = session_key or self.session_key
        if session_key:
            try:
                self._cache.delete(self.cache_key_prefix + session_key)
            except Exception:
                logger.exception("Could not delete a session from the cache (%s)", self._cache)

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
