"""How often one client address may call a public page (certificate check, registration), for every web process.

The count lives in the shared cache (Redis). When Redis is unreachable the cache answers nothing
instead of raising (django-redis' IGNORE_EXCEPTIONS, lms/settings/base.py), which would let every
request through: the count then moves to PostgreSQL, slower but with the same limit for every process.
"""

import datetime
import logging

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .addresses import client_address
from .models import ThrottleCount

logger = logging.getLogger(__name__)


def request_throttled(request, *, scope: str, limit: int, window: int = 60) -> bool:
    """Count this request against its address; True once the address made more than `limit` in `window` seconds."""
    return key_throttled(scope=scope, address=client_address(request), limit=limit, window=window)


def value_throttled(*, scope: str, value: str, limit: int, window: int = 60) -> bool:
    """Count a use of `value` (a phone number) whatever the client; True once it was used more than `limit` times.

    The value is kept only as a keyed hash, so the counts' table holds no phone number.
    """
    digest = salted_hmac("accounts.throttles", value).hexdigest()[:40]
    return key_throttled(scope=scope, address=digest, limit=limit, window=window)


def key_throttled(*, scope: str, address: str, limit: int, window: int = 60) -> bool:
    """Count one request under `address`; True once more than `limit` were counted in `window` seconds."""
    key = f"throttle:{scope}:{address}"
    try:
        added = cache.add(key, 1, timeout=window)
        if added:
            return False
        count = None if added is None else cache.incr(key)
    except ValueError:  # expired between add and incr: this is the first request of a new window
        return False
    except Exception:  # a cache that raises rather than ignores its errors
        logger.warning("Throttle %s: the cache is unreachable, counting in the database", scope, exc_info=True)
        count = None
    if count is None:  # django-redis answers None for a command it could not send
        count = _count_in_database(scope=scope, address=address, window=window)
    return count > limit


@transaction.atomic
def _count_in_database(*, scope: str, address: str, window: int) -> int:
    now = timezone.now()
    start = now - datetime.timedelta(seconds=now.timestamp() % window)
    row, _created = ThrottleCount.objects.get_or_create(scope=scope, address=address, window_start=start)
    ThrottleCount.objects.filter(pk=row.pk).update(hits=F("hits") + 1)
    return ThrottleCount.objects.values_list("hits", flat=True).get(pk=row.pk)


def throttle_counts_forget(*, window: int = 60) -> int:
    """Delete the counts of windows that are over: client addresses are kept no longer than the cache keeps them."""
    cutoff = timezone.now() - datetime.timedelta(seconds=window)
    deleted, _by_model = ThrottleCount.objects.filter(window_start__lt=cutoff).delete()
    return deleted
