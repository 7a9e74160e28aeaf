"""What the trainer programme does when courses/ announces something."""

from .models import Certificate
from .services import certification_issue


def issue_course_certificate(sender, enrollment, **kwargs) -> None:
    """A completed course earns its certificate (once, however often the signal comes)."""
    certification_issue(person=enrollment.user, kind=Certificate.COURSE, course=enrollment.course)
