from .events import EventIndexPage, EventPage, Registration, clean_check_in_code, new_check_in_code
from .organisations import SupportOrganisation
from .projects import Award, ProjectDocument, ProjectImage, ProjectMember, StartupProject

__all__ = [
    "Award",
    "EventIndexPage",
    "EventPage",
    "ProjectDocument",
    "ProjectImage",
    "ProjectMember",
    "Registration",
    "StartupProject",
    "SupportOrganisation",
    "clean_check_in_code",
    "new_check_in_code",
]
