from .certificate_settings import CertificateSettings
from .certification import Certificate, CertificateCounter, PracticumResult
from .notifications import Notification
from .people import Profile, Trainer, TrainerSpeciality
from .throttles import ThrottleCount

__all__ = [
    "Certificate",
    "CertificateCounter",
    "CertificateSettings",
    "Notification",
    "PracticumResult",
    "Profile",
    "ThrottleCount",
    "Trainer",
    "TrainerSpeciality",
]
