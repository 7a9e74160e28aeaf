from .certificate_settings import CertificateSettings
from .certification import Certificate, CertificateCounter, PracticumResult, SessionReport
from .notifications import Notification
from .people import Profile, Trainer, TrainerSpeciality

__all__ = [
    "Certificate",
    "CertificateCounter",
    "CertificateSettings",
    "Notification",
    "PracticumResult",
    "Profile",
    "SessionReport",
    "Trainer",
    "TrainerSpeciality",
]
