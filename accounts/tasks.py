"""Periodic housekeeping of accounts' own tables."""

from celery import shared_task


@shared_task
def forget_throttle_counts() -> int:
    """Periodic: delete the per-address counts the throttles kept in the database while Redis was away."""
    from .throttles import throttle_counts_forget

    return throttle_counts_forget()


@shared_task
def forget_old_phone_codes() -> int:
    """Daily: delete the one-time codes made more than 30 days ago, with the numbers they were sent to."""
    from .phone_codes import phone_codes_forget_old

    return phone_codes_forget_old()
