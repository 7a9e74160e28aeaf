"""What the trainer programme does when courses/ announces something."""

import logging

from django.core.exceptions import ValidationError

from .models import Certificate
from .services import certification_issue

logger = logging.getLogger(__name__)


def issue_course_certificate(sender, enrollment, **kwargs) -> None:
    """A completed course earns its certificate (once, however often the signal comes).

    A certificate refused (production with no issuing body set) leaves the completion recorded and is logged
    as an error for the administrators; the learner's course is not failed for it.
    """
    try:
        certification_issue(person=enrollment.user, kind=Certificate.COURSE, course=enrollment.course)
    except ValidationError as error:
        logger.error("Course certificate not issued for enrollment %s: %s", enrollment.pk, " ".join(error.messages))
