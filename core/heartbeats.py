"""Heartbeats of the background processes: each Celery worker and beat records when it was last alive."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A worker reports every minute (CELERY_BEAT_SCHEDULE "worker-heartbeat"), beat every minute it runs:
# five minutes of silence means the process is down or stuck.
STALE_AFTER = datetime.timedelta(minutes=5)


class Heartbeat(models.Model):
    WORKER = "worker"
    BEAT = "beat"
    KINDS = [(WORKER, _("worker")), (BEAT, _("scheduler (beat)"))]

    kind = models.CharField(_("kind"), max_length=10, choices=KINDS)
    hostname = models.CharField(_("host name"), max_length=255)
    last_seen = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")
        ordering = ["kind", "hostname"]
        db_table = "home_heartbeat"  # made by home's migrations before the model moved here
        constraints = [models.UniqueConstraint(fields=["kind", "hostname"], name="heartbeat_one_per_process")]

    def __str__(self) -> str:
        return f"{self.kind} {self.hostname}"

    @property
    def is_stale(self) -> bool:
        return timezone.now() - self.last_seen > STALE_AFTER


def heartbeat_record(*, kind: str, hostname: str) -> Heartbeat:
    """Record that a process is alive now (one row per process, updated in place)."""
    heartbeat, _created = Heartbeat.objects.update_or_create(
        kind=kind, hostname=hostname, defaults={"last_seen": timezone.now()}
    )
    return heartbeat
