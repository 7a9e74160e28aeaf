"""A learner's own data: everything we hold on them, and deleting the account."""

import uuid

from django.db import transaction
from django.utils import timezone

from courses.models import Enrollment, LessonCompletion, QuizAttempt
from showcase.services import registrations_anonymise
from trainers.models import Certificate, Profile, SessionParticipant

from .models import User

DELETED_NAME = "Học viên đã xóa tài khoản"


def account_data_export(*, user: User) -> dict:
    """Everything the system holds on one person, as plain data for a download."""
    profile = Profile.objects.filter(user=user).prefetch_related("learner_groups").select_related("area", "commune")
    profile = profile.first()
    enrollments = Enrollment.objects.filter(user=user).select_related("course")
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "full_name": user.full_name,
            "email": user.email,
            "phone": user.phone,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "preferred_language": user.preferred_language,
        },
        "profile": profile
        and {
            "gender": profile.gender,
            "birth_year": profile.birth_year,
            "birth_date": profile.birth_date.isoformat() if profile.birth_date else None,
            "district": str(profile.area) if profile.area else None,
            "commune": str(profile.commune) if profile.commune else None,
            "organisation": profile.organisation,
            "learner_groups": [group.code for group in profile.learner_groups.all()],
        },
        "enrollments": [
            {
                "course": e.course.title,
                "enrolled_at": e.enrolled_at.isoformat(),
                "completed_at": e.completed_at.isoformat() if e.completed_at else None,
            }
            for e in enrollments
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
        "training_sessions": [
            {"session": str(p.session), "result": p.result, "as_listed": p.listed_details()}
            for p in SessionParticipant.objects.filter(person=user).select_related("session")
        ],
        "certificates": [
            {"number": c.number, "kind": c.kind, "issued_on": c.issued_on.isoformat(), "status": c.status}
            for c in Certificate.objects.filter(person=user)
        ],
    }


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Remove what identifies a person; keep anonymous learning records for the aggregate reports."""
    user.full_name = DELETED_NAME
    user.email = f"deleted-{uuid.uuid4().hex}@anonymous.invalid"
    user.phone = None
    user.is_active = False
    user.set_unusable_password()
    user.save()
    # Gender, birth year, district and groups stay: reports count reach by them, not by person.
    Profile.objects.filter(user=user).update(birth_date=None, organisation="", commune=None)
    Certificate.objects.filter(person=user).update(holder_name=DELETED_NAME)
    SessionParticipant.objects.filter(person=user).forget_listed_details()
    registrations_anonymise(person=user)
