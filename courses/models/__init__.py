from .attempts import AttemptGrant
from .pages import (
    Audience,
    CourseIndexPage,
    CoursePage,
    CourseTag,
    LessonPage,
    ModulePage,
    QuizPage,
)
from .progress import Enrollment, LessonCompletion, OfflineReceipt, QuizAttempt

__all__ = [
    "AttemptGrant",
    "Audience",
    "CourseIndexPage",
    "CoursePage",
    "CourseTag",
    "Enrollment",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
    "OfflineReceipt",
    "QuizAttempt",
    "QuizPage",
]
