"""What training sessions hold on a person, for "download my data" and account deletion.

Found by accounts.personal_data.autodiscover(). Attendance and results stay under the anonymised
account (reports count them); what an imported list said about the person is forgotten.
"""

from __future__ import annotations

from .models import SessionParticipant, SessionReview, TrainingSession


def _iso(value):
    return value.isoformat() if value else None


def export_person(user) -> dict:
    """Sessions attended (with what lists said about the person) and sessions led."""
    return {
        "training_sessions": [
            {
                "session": str(p.session),
                "starts_on": _iso(p.session.starts_on),
                "result": p.result,
                "as_listed": p.listed_details(),
            }
            for p in SessionParticipant.objects.filter(person=user).select_related("session")
        ],
        "sessions_led": [
            {"session": s.title, "starts_on": _iso(s.starts_on), "ends_on": _iso(s.ends_on)}
            for s in TrainingSession.objects.filter(trainers__person=user).order_by("starts_on")
        ],
        "session_reviews": [
            {
                "session": str(r.session),
                "stage": r.stage,
                "action": r.action,
                "at": _iso(r.at),
                "comment": r.comment,
            }
            for r in SessionReview.objects.filter(by=user).select_related("session")
        ],
    }


def anonymise_person(user) -> None:
    """Forget what imported lists said about the person; keep their places (reports count them)."""
    SessionParticipant.objects.filter(person=user).forget_listed_details()


COVERS = {
    "training.SessionParticipant.person",  # kept: attendance and results count in reports, under the anonymised account
    "training.TrainingSession.created_by",  # kept: which (anonymised) account created the session
    "training.SessionReview.by",  # kept: a session's review history names the (anonymised) account that acted
    "training.TestResult.entered_by",  # kept: which (anonymised) trainer typed in a paper score
    # kept: links a session to the certificate it gave (trainers.Certificate.person: the certificate and its PDF
    # are handled there); the printed name lives on the certificate, not here
    "training.SessionCertificate.person",
}
