"""District plans: a target's way from draft to approved, and the one rule that reads a figure against it.

A district (or commune) administrator drafts their area's targets and submits them; the province
approves them or returns them with a comment. Each step is logged (Wagtail's log, shown in the
target's history). Only approved targets count (`Target.objects.approved()`).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import Target

# Start of the provincial plan "to 2025, with a vision to 2030": progress is pro-rated from this day.
PLAN_START = datetime.date(2021, 1, 1)
ON_TRACK, BEHIND, LATE, NO_TARGET = "green", "amber", "red", "grey"

SUBMIT_ACTION, APPROVE_ACTION, RETURN_ACTION = (
    "reports.target.submit",
    "reports.target.approve",
    "reports.target.return",
)


def year_finished(year: int, as_of: datetime.date) -> bool:
    """Whether the target year is over on the report's day."""
    return as_of > datetime.date(year, 12, 31)


def target_status(value: int | None, target: int, year: int, as_of: datetime.date) -> tuple[str, str]:
    """(label, colour) of a value against its target on a day: the one rule of the targets report.

    A finished year is met or not met; the running year is on track while the value reaches the share of
    the target due by now (pro-rated from PLAN_START), slightly behind down to three quarters of it.
    """
    if not target:
        return _("No target"), NO_TARGET
    if value is None:
        return _("Not counted"), NO_TARGET
    if value >= target:
        return _("Met"), ON_TRACK
    if year_finished(year, as_of):
        return _("Not met"), LATE
    year_end = datetime.date(year, 12, 31)
    span = (year_end - PLAN_START).days or 1
    elapsed = min(max((as_of - PLAN_START).days, 0), span)
    expected = target * elapsed / span
    if value >= expected:
        return _("On track"), ON_TRACK
    if value >= 0.75 * expected:
        return _("Slightly behind"), BEHIND
    return _("Behind"), LATE


# --- The plan's steps ----------------------------------------------------------------------------


def _locked(target: Target) -> Target:
    return Target.objects.select_for_update().get(pk=target.pk)


@transaction.atomic
def target_submit(*, target: Target, by) -> Target:
    """The district sends its draft (or returned) plan to the province."""
    target = _locked(target)
    if target.status not in Target.EDITABLE_BY_DISTRICT:
        raise ValidationError(_("Only a draft or returned plan can be submitted."))
    target.status, target.submitted_by, target.submitted_at = Target.SUBMITTED, by, timezone.now()
    target.save(update_fields=["status", "submitted_by", "submitted_at"])
    log(instance=target, action=SUBMIT_ACTION, user=by)
    return target


@transaction.atomic
def target_review(*, target: Target, by, approve: bool, comment: str = "") -> Target:
    """The province approves a submitted plan, or returns it with a comment saying what to change."""
    target = _locked(target)
    if target.status != Target.SUBMITTED:
        raise ValidationError(_("Only a submitted plan can be approved or returned."))
    if not approve and not comment.strip():
        raise ValidationError(_("Say what the district should change."))
    target.status = Target.APPROVED if approve else Target.RETURNED
    target.reviewed_by, target.reviewed_at, target.review_comment = by, timezone.now(), comment.strip()
    target.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    log(
        instance=target,
        action=APPROVE_ACTION if approve else RETURN_ACTION,
        user=by,
        data={"comment": target.review_comment},
    )
    return target
