"""What the courses app holds on a person, for "download my data" and account deletion (accounts.personal_data)."""

from .models import Enrollment, LessonCompletion, QuizAttempt


def export_person(user) -> dict:
    """Enrolments, lessons completed and quiz attempts."""
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
    }


def anonymise_person(user) -> None:
    """Nothing to remove: learning records name no one but the (anonymised) account, and reports count them."""


COVERS = {"courses.Enrollment.user"}
