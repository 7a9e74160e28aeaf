"""Writes across several tables for a session's review: its approval, its class report, their history and messages.

A trainer submits a session (or, after the class, its report); an administrator of the session's area
approves it or returns it with a comment. Each step is one `SessionReview` row and one message through
the outbox (`trainers.notifications`): to the area's administrators when submitted, to the session's
trainers when reviewed.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from areas.models import AdminScope, Area
from areas.rollup import administrators_by_area, area_tree
from trainers.models import Notification, SessionReport, Trainer
from trainers.notifications import notifications_queue

from .models import SessionParticipant, SessionReview, SessionStatus, TrainingSession

REVIEW_PERMISSION = "training.change_trainingsession"  # administrators of sessions; trainers never hold it


def certified_trainer(user) -> Trainer | None:
    """The user's trainer record if they are a certified trainer today (the one rule: `Trainer.objects.certified`)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Trainer.objects.certified().select_related("person", "home_area").filter(person=user).first()


def teaching_areas(trainer: Trainer) -> list[Area]:
    """Today's units a trainer may hold a session in: those under their home area, across the 2025 reform.

    The roll-up (`areas.rollup`) says which units count under the home area: a former district covers
    today's communes formed from its own; a commune trainer also teaches in the unit their commune became.
    """
    tree = area_tree()
    ids = tree.members(trainer.home_area_id) | {a.pk for a in tree.current_units(trainer.home_area_id)}
    return [
        tree.areas[pk] for pk in ids if tree.areas[pk].is_valid_on(tree.today) and tree.areas[pk].kind != Area.PROVINCE
    ] or [trainer.home_area]


def _status_field(stage: str) -> str:
    return "review_status" if stage == SessionReview.SESSION else "report_status"


def _locked(session: TrainingSession) -> TrainingSession:
    return TrainingSession.objects.select_for_update().get(pk=session.pk)


def _reviewers(session: TrainingSession) -> set[int]:
    """The administrators who answer for the session's area; the province's where no one below does."""
    reviewers = administrators_by_area().get(session.area_id, set())
    if reviewers:
        return set(reviewers)
    return set(
        AdminScope.objects.filter(area__kind=Area.PROVINCE, user__is_active=True).values_list("user_id", flat=True)
    )


def _notify(review: SessionReview, user_ids, kind: str) -> None:
    notifications_queue(
        Notification(
            user_id=user_id,
            kind=kind,
            object_key=f"session:{review.session_id}",
            period=f"review:{review.pk}",
            context={"session_id": review.session_id, "review_id": review.pk},
        )
        for user_id in sorted(user_ids)
    )


@transaction.atomic
def session_submit(*, session: TrainingSession, by, stage: str = SessionReview.SESSION) -> SessionReview:
    """A trainer leading the session sends it (or its class report) to the area's administrators for approval."""
    if not TrainingSession.objects.managed_by(by).filter(pk=session.pk).exists():
        raise ValidationError(_("Only the session's trainers can submit it."))
    session = _locked(session)
    if stage == SessionReview.SESSION:
        if not session.trainer_can_edit:
            raise ValidationError(_("This session is not a draft: it cannot be submitted again."))
        session.review_status = SessionStatus.SUBMITTED
    else:
        if not session.report_submittable:
            raise ValidationError(_("Record the participants' results before submitting the class report."))
        if session.participants.filter(result=SessionParticipant.PENDING).exists():
            raise ValidationError(_("Give every participant a result (passed or not passed) before submitting."))
        session.report_status = SessionReport.SUBMITTED
    session.save(update_fields=[_status_field(stage)])
    review = SessionReview.objects.create(session=session, stage=stage, action=SessionReview.SUBMITTED, by=by)
    log(session, f"training.{stage}.submit", user=by)
    _notify(review, _reviewers(session), Notification.SESSION_SUBMITTED)
    return review


@transaction.atomic
def session_review(
    *, session: TrainingSession, by, approve: bool, comment: str = "", stage: str = SessionReview.SESSION
) -> SessionReview:
    """An administrator of the session's area approves it (or its report), or returns it with a comment."""
    comment = (comment or "").strip()
    if not by.has_perm(REVIEW_PERMISSION):
        raise ValidationError(_("You may not approve training sessions."))
    if not TrainingSession.objects.visible_to(by).filter(pk=session.pk).exists():
        raise ValidationError(_("This session is outside your area."))
    if session.trainers.filter(person=by).exists():
        raise ValidationError(_("You lead this session: another administrator approves it."))
    if not approve and not comment:
        raise ValidationError(_("Say what the trainer should change."))
    session = _locked(session)
    field = _status_field(stage)
    states = SessionStatus if stage == SessionReview.SESSION else SessionReport
    if getattr(session, field) != states.SUBMITTED:
        raise ValidationError(_("This is not waiting for approval (someone may have reviewed it already)."))
    setattr(session, field, states.APPROVED if approve else states.RETURNED)
    session.save(update_fields=[field])
    action = SessionReview.APPROVED if approve else SessionReview.RETURNED
    review = SessionReview.objects.create(session=session, stage=stage, action=action, by=by, comment=comment)
    log(session, f"training.{stage}.{'approve' if approve else 'return'}", user=by, data={"comment": comment})
    trainers = set(session.trainers.values_list("person_id", flat=True))
    _notify(review, trainers, Notification.SESSION_REVIEWED)
    return review


@transaction.atomic
def session_results_record(*, session: TrainingSession, by, participants: list[SessionParticipant]) -> None:
    """A trainer leading the session saves participants' results; the class report then waits to be submitted."""
    session = _locked(session)
    trainer = Trainer.objects.filter(person=by).first()
    if not TrainingSession.objects.managed_by(by).filter(pk=session.pk).exists() or not session.results_recordable_by(
        trainer
    ):
        raise ValidationError(_("The results of this session cannot be changed now."))
    for participant in participants:
        if participant.session_id != session.pk:
            raise ValidationError(_("The results of this session cannot be changed now."))
        participant.assessed_by = trainer
        participant.save(update_fields=["result", "result_note", "assessed_by"])
    if session.report_status == SessionReport.NOT_RECORDED:
        session.report_status = SessionReport.RECORDED
        session.save(update_fields=["report_status"])
    log(session, "training.results.record", user=by, data={"changed": len(participants)})
