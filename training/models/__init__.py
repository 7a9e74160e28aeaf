from .certificates import CertificatePrintout, SessionCertificate
from .reviews import SessionReview
from .rollcall import RATING_FIELDS, Evaluation, SessionDayCode, SessionTest, TestResult, clean_day_code
from .sessions import LISTED_FIELDS, Attendance, SessionParticipant, SessionStatus, TrainingSession

__all__ = [
    "LISTED_FIELDS",
    "RATING_FIELDS",
    "Attendance",
    "CertificatePrintout",
    "Evaluation",
    "SessionCertificate",
    "SessionDayCode",
    "SessionParticipant",
    "SessionReview",
    "SessionStatus",
    "SessionTest",
    "TestResult",
    "TrainingSession",
    "clean_day_code",
]
