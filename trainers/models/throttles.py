"""Look-ups per address and minute, counted in PostgreSQL while the shared cache (Redis) is unreachable."""

from django.db import models


class ThrottleCount(models.Model):
    """How many requests one address made in one window of one throttle (trainers/throttles.py)."""

    scope = models.CharField(max_length=32)
    address = models.CharField(max_length=64)
    window_start = models.DateTimeField(db_index=True)
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "address", "window_start"], name="throttle_count_once_per_window")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.address} {self.window_start:%H:%M}: {self.hits}"
