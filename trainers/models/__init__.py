from .certificate_settings import CertificateSettings
from .certification import COUNTED_REPORT, Certificate, CertificateCounter, PracticumResult, RenewalRule, SessionReport
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
    "RenewalRule",
    "SessionReport",
    "COUNTED_REPORT",
    "ThrottleCount",
    "Trainer",
    "TrainerSpeciality",
]
