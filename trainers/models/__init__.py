from .areas import Area, admin_area_ids
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
    "admin_area_ids",
]
