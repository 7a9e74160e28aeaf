from .certificate_settings import CertificateSettings
from .certification import Certificate, CertificateCounter
from .notifications import Notification
from .people import Profile, Trainer, TrainerSpeciality
from .sessions import Attendance, SessionParticipant, TrainingSession
from .throttles import ThrottleCount

__all__ = [
    "Attendance",
    "Certificate",
    "CertificateCounter",
    "CertificateSettings",
    "Notification",
    "Profile",
    "SessionParticipant",
    "ThrottleCount",
    "Trainer",
    "TrainerSpeciality",
    "TrainingSession",
]
