"""What the showcase holds on a person (event registrations, project teams), for accounts.personal_data.

STAND-IN written on the admin branch so that the registry works there: the showcase branch owns this
module; at merge, keep the showcase branch's version (same two function names).
"""

from .models import ProjectMember, Registration
from .services import registrations_anonymise


def export_person(user) -> dict:
    """Event registrations and the startup teams the person is on."""
    return {
        "event_registrations": [
            {
                "event": r.event.title,
                "status": r.status,
                "registered_at": r.created_at.isoformat(),
                "checked_in_at": r.checked_in_at.isoformat() if r.checked_in_at else None,
            }
            for r in Registration.objects.filter(person=user).select_related("event")
        ],
        "startup_projects": [
            {"project": m.project.title, "team_lead": m.is_lead, "role": m.role}
            for m in ProjectMember.objects.filter(person=user).select_related("project")
        ],
    }


def anonymise_person(user) -> None:
    """Registrations keep their counts without name, phone or email; the person leaves every team."""
    registrations_anonymise(person=user)
    ProjectMember.objects.filter(person=user).delete()
