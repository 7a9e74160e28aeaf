"""Periodic housekeeping of accounts' own tables."""

from celery import shared_task


@shared_task
def forget_throttle_counts() -> int:
    """Periodic: delete the per-address counts the throttles kept in the database while Redis was away."""
    from .throttles import throttle_counts_forget

    return throttle_counts_forget()
