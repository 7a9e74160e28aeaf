"""What the courses app holds on a person, for "download my data" and account deletion (accounts.personal_data)."""

from .models import AttemptGrant, Enrollment, LessonCompletion, OfflineReceipt, QuizAttempt


def export_person(user) -> dict:
    """Enrolments, lessons completed, quiz attempts and the extra attempts granted."""
    return {
        "enrollments": [
            {
                "course": e.course.title,
                "enrolled_at": e.enrolled_at.isoformat(),
                "completed_at": e.completed_at.isoformat() if e.completed_at else None,
            }
            for e in Enrollment.objects.filter(user=user).select_related("course")
        ],
        "lessons_completed": [
            {"lesson": c.lesson.title, "completed_at": c.completed_at.isoformat()}
            for c in LessonCompletion.objects.filter(enrollment__user=user).select_related("lesson")
        ],
        "quiz_attempts": [
            {
                "quiz": a.quiz.title,
                "number": a.number,
                "score": a.score,
                "passed": a.passed,
                "at": a.submitted_at.isoformat(),
            }
            for a in QuizAttempt.objects.filter(enrollment__user=user).select_related("quiz")
        ],
        "attempt_grants": [
            {
                "quiz": g.quiz.title,
                "extra_attempts": g.extra_attempts,
                "reason": g.reason,
                "at": g.granted_at.isoformat(),
            }
            for g in AttemptGrant.objects.filter(person=user).select_related("quiz")
        ],
        "offline_items": [
            {"kind": r.kind, "page_id": r.page_id, "accepted": r.accepted, "at": r.received_at.isoformat()}
            for r in OfflineReceipt.objects.filter(user=user)
        ],
    }


# A grant's reason is free text and may say something about the person (an illness, a family matter).
FORGOTTEN_REASON = "—"


def anonymise_person(user) -> None:
    """Learning records name no one but the (anonymised) account and reports count them; a grant's reason goes."""
    AttemptGrant.objects.filter(person=user).update(reason=FORGOTTEN_REASON)


# AttemptGrant.granted_by names the administrator in the record of what they did, as other audit fields do.
COVERS = {
    "courses.Enrollment.user",
    # Deleted with the account; it holds a key, a page id and what was recorded, which the export shows.
    "courses.OfflineReceipt.user",
    "courses.AttemptGrant.person",
    "courses.AttemptGrant.granted_by",
}
