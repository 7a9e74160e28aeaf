from .certification import Certificate, CertificateCounter
from .notifications import Notification
from .people import Profile, Trainer, TrainerSpeciality
from .sessions import Attendance, SessionParticipant, TrainingSession
from .targets import HEADLINE_YEARS, Target

__all__ = [
    "Attendance",
    "Certificate",
    "CertificateCounter",
    "HEADLINE_YEARS",
    "Notification",
    "Profile",
    "SessionParticipant",
    "Target",
    "Trainer",
    "TrainerSpeciality",
    "TrainingSession",
]
