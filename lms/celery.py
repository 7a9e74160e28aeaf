import functools
import logging
import os
import socket
import time

from celery import Celery, bootsteps
from celery.beat import PersistentScheduler
from celery.contrib.django.task import DjangoTask
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerError
from kombu.transport import redis as kombu_redis
from redis.exceptions import ConnectionError as RedisConnectionError

# Only production runs workers (dev runs tasks in-process), so a worker started without
# DJANGO_SETTINGS_MODULE must fail loudly on missing production settings, never run as dev.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")


def _conn_or_acquire_while_open(self, client=None):
    """kombu's Redis `Channel.conn_or_acquire`, refusing with a connection error once its connection is closed.

    When Redis goes away, the worker closes the broken connection (the transport drops its `client`) and
    reconnects on a new channel. Tasks still running from the old channel (acks_late) then acknowledge, and
    the old channel's close restores unacknowledged messages, through that closed transport: kombu 5.7.0
    fails with AttributeError ("'NoneType' object has no attribute 'hostname'"), which nothing expects, so
    the worker stops with "Unrecoverable error". A connection error is what kombu and Celery handle there:
    the ack is logged as impossible and the message stays in Redis' unacked set, redelivered after the
    visibility timeout (every task may run twice). Remove once kombu guards this itself: kombu is pinned in
    pyproject.toml for it, and tests/test_worker_redis_restart.py checks the pin and the guard on a real worker.
    """
    transport = self.connection
    if client is None and (transport is None or transport.client is None):
        raise RedisConnectionError("the broker connection of this channel is closed")
    return _conn_or_acquire(self, client)


_conn_or_acquire = kombu_redis.Channel.conn_or_acquire
kombu_redis.Channel.conn_or_acquire = _conn_or_acquire_while_open

logger = logging.getLogger(__name__)


class Task(DjangoTask):
    """Our tasks: queueing after a commit never turns a saved request into an error page."""

    def delay_on_commit(self, *args, **kwargs) -> None:
        transaction.on_commit(functools.partial(self._publish_after_commit, args, kwargs))

    def apply_async_on_commit(self, args=None, kwargs=None, **options) -> None:
        transaction.on_commit(functools.partial(self._publish_after_commit, args, kwargs, **options))

    def _publish_after_commit(self, args, kwargs, **options) -> None:
        self.publish(args, kwargs, **options)

    def publish(self, args=None, kwargs=None, **options) -> bool:
        """Queue the task now; False (logged) with the broker away.

        Callers queue work that is committed and findable by a periodic sweep (the outbox's pending rows,
        certificates without a PDF): with the broker away, the task is queued again later.
        CELERY_TASK_PUBLISH_RETRY_POLICY bounds the wait to about a second.
        """
        try:
            self.apply_async(args, kwargs, **options)
        except BrokerError:
            logger.warning("Broker unreachable: %s(%s) left for its periodic sweep", self.name, args, exc_info=True)
            return False
        return True


class SystemdNotify(bootsteps.StartStopStep):
    """The worker tells systemd it is ready once it consumes from the broker, then pings its watchdog.

    The ping runs on the consumer's own timer, in the event loop that takes tasks from the broker: a
    worker whose loop hangs stops pinging and systemd restarts it (lms-worker.service: Type=notify,
    WatchdogSec=, Restart=always). While the broker is away the consumer is reconnecting, not looping,
    so a broker outage longer than WatchdogSec also ends in a restart, which reconnects the same way.
    """

    requires = ("celery.worker.consumer.tasks:Tasks",)

    def __init__(self, parent, **kwargs):
        super().__init__(parent, **kwargs)
        self.entry = None

    def start(self, consumer):
        from core.systemd import notify, watchdog_interval

        notify("READY=1\nSTATUS=Consuming from the broker")
        interval = watchdog_interval()
        if interval:
            notify("WATCHDOG=1")
            self.entry = consumer.timer.call_repeatedly(interval, notify, ("WATCHDOG=1",))

    def stop(self, consumer):
        if self.entry is not None:
            self.entry.cancel()
            self.entry = None


app = Celery("lms", task_cls=Task)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.steps["consumer"].add(SystemdNotify)


@app.task(name="lms.ping")
def ping(value: str) -> str:
    """Echo a value back: lets deployments and CI prove a worker round trip."""
    return f"pong:{value}"


class HeartbeatScheduler(PersistentScheduler):
    """Celery beat's scheduler, recording beat's heartbeat in the database once a minute as it schedules."""

    heartbeat_every = 60.0
    _last_heartbeat = 0.0

    def tick(self, *args, **kwargs):
        wait = super().tick(*args, **kwargs)
        if time.monotonic() - self._last_heartbeat >= self.heartbeat_every:
            self._record_heartbeat()
        return min(wait, self.heartbeat_every)

    def _record_heartbeat(self) -> None:
        from django.db import DatabaseError, close_old_connections

        from core.heartbeats import Heartbeat, heartbeat_record

        close_old_connections()  # beat is long-lived: a connection from before a PostgreSQL restart is dead
        try:
            heartbeat_record(kind=Heartbeat.BEAT, hostname=f"beat@{socket.gethostname()}")
        except DatabaseError:
            # Scheduling goes on without the database; the admin panel shows beat as stale meanwhile.
            logger.warning("Could not record beat's heartbeat", exc_info=True)
            return
        self._last_heartbeat = time.monotonic()
