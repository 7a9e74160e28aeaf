"""Pending: a list read at upload waits for its confirmation in private storage, for less than an hour.

Private storage (``STORAGES["private"]``, the certificate PDFs' home) lies outside MEDIA_ROOT and has no URL:
neither the web server nor Django serves it, so a waiting list of people's phones and e-mails is never a
download. Confirm and cancel delete the file; an abandoned one is refused after ``EXPIRES_AFTER`` and deleted
by ``delete_expired`` (the `delete_expired_imports` command and its periodic task, and at each upload).
"""

from __future__ import annotations

import datetime
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from trainers.models.certification import private_storage

from .read import Sheet

PENDING_DIR = "imports/pending"
# Refused after this, and deleted by the cleanup that runs every five minutes: gone within the hour.
EXPIRES_AFTER = datetime.timedelta(minutes=55)


def pending_save(sheet: Sheet) -> str:
    """Keep a list until it is confirmed or cancelled; the returned name is unguessable."""
    name = f"{PENDING_DIR}/{secrets.token_urlsafe(24)}.json"
    return private_storage().save(name, ContentFile(sheet.to_json().encode()))


def _expired(name: str, now: datetime.datetime) -> bool:
    return private_storage().get_modified_time(name) < now - EXPIRES_AFTER


def pending_read(name: str) -> Sheet | None:
    """The list waiting under this name; None if it is gone or has expired (then it is deleted)."""
    if not name.startswith(f"{PENDING_DIR}/"):
        return None
    storage = private_storage()
    try:
        if _expired(name, timezone.now()):
            storage.delete(name)
            return None
        with storage.open(name, "rb") as handle:
            return Sheet.from_json(handle.read().decode())
    except (FileNotFoundError, ValueError, KeyError):  # deleted meanwhile, or left by an older version
        return None


def pending_delete(name: str) -> None:
    if name.startswith(f"{PENDING_DIR}/"):
        private_storage().delete(name)


def _files(storage) -> list[str]:
    try:
        return storage.listdir(PENDING_DIR)[1]
    except (FileNotFoundError, NotImplementedError):
        return []


def delete_expired(*, now: datetime.datetime | None = None) -> int:
    """Delete every waiting list older than EXPIRES_AFTER, and any left where MEDIA once kept them; idempotent."""
    now = now or timezone.now()
    storage, deleted = private_storage(), 0
    for file_name in _files(storage):
        name = f"{PENDING_DIR}/{file_name}"
        try:
            if _expired(name, now):
                storage.delete(name)
                deleted += 1
        except FileNotFoundError:  # confirmed or cancelled meanwhile
            continue
    # Earlier versions kept them in the public default storage (served under MEDIA_URL): none may stay there.
    for file_name in _files(default_storage):
        default_storage.delete(f"{PENDING_DIR}/{file_name}")
        deleted += 1
    return deleted
