from .areas import Area, admin_area_ids
from .certification import Certificate, CertificateCounter
from .notifications import Notification
from .people import AdminScope, Profile, Trainer, TrainerSpeciality
from .sessions import Attendance, SessionParticipant, TrainingSession
from .targets import HEADLINE_YEARS, Target

__all__ = [
    "AdminScope",
    "Area",
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
    "admin_area_ids",
]
