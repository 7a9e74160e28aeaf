from .certificate_settings import CertificateSettings
from .certification import COUNTED_REPORT, Certificate, CertificateCounter, PracticumResult, SessionReport
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
    "COUNTED_REPORT",
    "Trainer",
    "TrainerSpeciality",
]
