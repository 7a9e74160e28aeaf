from .events import EventIndexPage, EventPage, Registration, clean_check_in_code, new_check_in_code
from .organisations import SupportOrganisation
from .projects import (
    Award,
    ProjectDocument,
    ProjectImage,
    ProjectInvitation,
    ProjectMember,
    StartupProject,
    invitation_address,
)

__all__ = [
    "Award",
    "EventIndexPage",
    "EventPage",
    "ProjectDocument",
    "ProjectImage",
    "ProjectInvitation",
    "ProjectMember",
    "Registration",
    "StartupProject",
    "SupportOrganisation",
    "clean_check_in_code",
    "invitation_address",
    "new_check_in_code",
]
