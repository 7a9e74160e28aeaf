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
from .progress import Enrollment, LessonCompletion, QuizAttempt

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
    "QuizAttempt",
    "QuizPage",
]
