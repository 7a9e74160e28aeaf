from .reviews import SessionReview
from .sessions import LISTED_FIELDS, Attendance, SessionParticipant, SessionStatus, TrainingSession

__all__ = ["LISTED_FIELDS", "Attendance", "SessionParticipant", "SessionReview", "SessionStatus", "TrainingSession"]
