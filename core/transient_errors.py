"""The errors worth another try in a background task: every task that retries on errors retries on these."""

from django.db import InterfaceError
from django.db import OperationalError as DatabaseOperationalError
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

# The database or the broker was away for a moment (a restart, a failover), or the disk or the mail server
# was (smtplib's errors are OSErrors).
TRANSIENT_ERRORS = (
    DatabaseOperationalError,
    InterfaceError,
    BrokerError,
    RedisConnectionError,
    RedisTimeoutError,
    OSError,
)
