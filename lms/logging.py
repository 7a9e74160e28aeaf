"""Logging filters the settings wire in."""

import logging
import time


class OncePerInterval(logging.Filter):
    """Lets one record of each kind through per interval and counts the ones it held back.

    With Redis away, django-redis logs a whole traceback for every ignored cache error: tens of
    megabytes a minute into the journal, drowning what else happens. One a minute says the same.
    """

    def __init__(self, seconds: float = 60.0):
        super().__init__()
        self.seconds = seconds
        self.clock = time.monotonic
        self.last: dict[tuple, tuple[float, int]] = {}  # kind -> (when last let through, held back since)

    def filter(self, record: logging.LogRecord) -> bool:
        kind = (record.name, record.levelno, str(record.msg))
        now = self.clock()
        when, held = self.last.get(kind, (float("-inf"), 0))
        if now - when < self.seconds:
            self.last[kind] = (when, held + 1)
            return False
        if held:
            record.msg = f"{record.msg} ({held} alike held back in the last {self.seconds:.0f} s)"
        self.last[kind] = (now, 0)
        return True
