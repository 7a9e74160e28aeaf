from .certificate_settings import CertificateSettings, Issuer, issuer_for, issuing_body_require
from .certification import (
    COUNTED_REPORT,
    Certificate,
    CertificateCounter,
    PracticumResult,
    RenewalRule,
    SessionReport,
)
from .notifications import Notification
from .people import Profile, Trainer, TrainerSpeciality

__all__ = [
    "Certificate",
    "CertificateCounter",
    "CertificateSettings",
    "Issuer",
    "issuer_for",
    "issuing_body_require",
    "Notification",
    "PracticumResult",
    "Profile",
    "RenewalRule",
    "SessionReport",
    "COUNTED_REPORT",
    "Trainer",
    "TrainerSpeciality",
]
