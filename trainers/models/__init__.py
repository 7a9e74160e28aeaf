from .areas import Area
from .certification import Certificate, CertificateCounter
from .people import AdminScope, Profile, Trainer, TrainerSpeciality
from .sessions import Attendance, SessionParticipant, TrainingSession

__all__ = [
    "AdminScope",
    "Area",
    "Attendance",
    "Certificate",
    "CertificateCounter",
    "Profile",
    "SessionParticipant",
    "Trainer",
    "TrainerSpeciality",
    "TrainingSession",
]
