from .sessions import LISTED_FIELDS, Attendance, SessionParticipant, TrainingSession

__all__ = ["LISTED_FIELDS", "Attendance", "SessionParticipant", "TrainingSession"]
