"""Requests about one's personal data, logged with their legal deadlines (Law 91/2025/QH15, Decree 356/2025/NĐ-CP).

The rights (Law 91/2025/QH15 on Personal Data Protection, in force 1 January 2026, Article 4(1)): to know; to
consent, refuse and withdraw consent (b); to see, correct or ask for correction (c); to ask for the data, its
deletion or restricted processing, and to object to processing (d). Article 4(5) leaves the details of how
the rights are exercised to the Government, which Decree 356/2025/NĐ-CP (31 December 2025, in force 1 January
2026, replacing Decree 13/2023/NĐ-CP) does: its Article 1 lists Article 4(5) among the provisions it details.

The deadlines below are the one home of the time limits (`REQUEST_DEADLINES`, read by `request_due_at`).
What was checked, and how well:
- Decree 356/2025/NĐ-CP: the controller answers a request within 2 working days of receiving it and tells
  the person how it will be handled. Here a request is acknowledged at once: it is on the person's own
  requests page with its due date the moment it is filed.
- Withdrawal of consent, restriction of processing and objection: done within 15 days (20 days where a
  processor or third party must also stop; once extended by at most 15 days, telling the person why).
- Access (a copy of one's data), correction and deletion: the decree sets limits "from 10 to 20 days" by
  kind of request; which figure belongs to which kind could NOT be checked against the decree's own text
  (only law firms' summaries of it were reachable), nor could the number of the decree's article. Until
  someone checks the text, these kinds use the shortest figure found, 10 days, so that the log never shows
  a request as on time when the law would hold it late.
All figures were read in secondary sources (law firms' summaries of Decree 356, January 2026), not in the
Official Gazette: check them there before relying on them in a dispute. The earlier rule, Decree 13/2023/NĐ-CP,
had 72 hours for restriction (Article 9(6)), correction (Article 15(2)) and provision and deletion.

What the site does at once (withdrawal on the account page, the data download, deleting the account) is
logged as a request answered at the moment it was made, so the log is complete (`data_request_log_done`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import DataRequest, User

# Calendar days from receipt (Decree 356/2025/NĐ-CP; see the module docstring for how each figure was checked).
REQUEST_DEADLINES: dict[str, datetime.timedelta] = {
    DataRequest.ACCESS: datetime.timedelta(days=10),  # unverified which of 10-20 days: the shortest
    DataRequest.CORRECTION: datetime.timedelta(days=10),  # unverified which of 10-20 days: the shortest
    DataRequest.DELETION: datetime.timedelta(days=10),  # unverified which of 10-20 days: the shortest
    DataRequest.OBJECTION: datetime.timedelta(days=15),  # restriction or objection: 15 days
    DataRequest.WITHDRAWAL: datetime.timedelta(days=15),  # withdrawal of consent: 15 days
}
# Shown in the admin: an open request due within this time is highlighted as due soon.
DUE_SOON = datetime.timedelta(hours=24)


def request_due_at(kind: str, received_at: datetime.datetime) -> datetime.datetime:
    """When a request of `kind` received at `received_at` must be answered by law."""
    return received_at + REQUEST_DEADLINES[kind]


@transaction.atomic
def data_request_file(*, person: User, kind: str, details: str = "") -> DataRequest:
    """Log a person's request with its legal deadline; it waits for an administrator's answer."""
    received_at = timezone.now()
    return DataRequest.objects.create(
        person=person,
        kind=kind,
        details=details.strip(),
        received_at=received_at,
        due_at=request_due_at(kind, received_at),
    )


def data_request_log_done(*, person: User, kind: str, details: str = "") -> DataRequest:
    """Log a request the site carried out the moment it was made (answered at once, by nobody but the site)."""
    received_at = timezone.now()
    return DataRequest.objects.create(
        person=person,
        kind=kind,
        details=details,
        received_at=received_at,
        due_at=request_due_at(kind, received_at),
        status=DataRequest.ANSWERED,
        answered_at=received_at,
        answer_note=_("Done at once by the site."),
    )


@transaction.atomic
def data_request_answer(*, data_request: DataRequest, status: str, note: str, answered_by: User) -> DataRequest:
    """Answer an open request (done, or refused with the reason); an answered request stays answered."""
    locked = DataRequest.objects.select_for_update().get(pk=data_request.pk)
    if locked.status != DataRequest.RECEIVED:
        raise ValidationError(_("This request has been answered already."))
    if status not in (DataRequest.ANSWERED, DataRequest.REFUSED):
        raise ValidationError(_("Choose whether the request was done or refused."))
    if status == DataRequest.REFUSED and not note.strip():
        raise ValidationError(_("Say why the request is refused: the person is told."))
    locked.status = status
    locked.answer_note = note.strip()
    locked.answered_at = timezone.now()
    locked.answered_by = answered_by
    locked.save(update_fields=["status", "answer_note", "answered_at", "answered_by"])
    return locked


def data_requests_export(person: User) -> list[dict]:
    """Every request the person made, oldest first, for the data download."""
    return [
        {
            "kind": data_request.kind,
            "details": data_request.details,
            "received_at": data_request.received_at.isoformat(),
            "due_at": data_request.due_at.isoformat(),
            "status": data_request.status,
            "answered_at": data_request.answered_at.isoformat() if data_request.answered_at else None,
            "answer_note": data_request.answer_note,
        }
        for data_request in DataRequest.objects.filter(person=person).order_by("received_at", "pk")
    ]


def data_requests_anonymise(person: User) -> None:
    """A deleted account's requests keep their kind and dates (the log shows the law was kept) without the words."""
    DataRequest.objects.filter(person=person).update(details="")
    DataRequest.objects.filter(answered_by=person).update(answered_by=None)


# Who an administrator answers for is decided by the app that knows where people are filed (the trainer
# programme's profiles), registered in its AppConfig.ready(): `people(user)` returns a queryset of user ids
# the administrator answers for, or None for everyone. Without one, only superusers see others' requests.
PeopleScope = Callable[[User], object]
_scope: dict[str, PeopleScope] = {}


def register_people_scope(scope: PeopleScope) -> None:
    """Declare who an administrator answers for; there is one rule, so a second registration is a mistake."""
    current = _scope.get("people")
    if current is not None and current is not scope:
        raise ValueError("A people scope is registered already")
    _scope["people"] = scope


def people_scope(user: User):
    """The ids of the people whose requests `user` may see as an administrator (None: everyone)."""
    scope = _scope.get("people")
    if scope is None:
        return None if user.is_superuser else User.objects.none().values("pk")
    return scope(user)
