"""A person's first reach in "download my data" and "delete my account" (accounts.personal_data)."""

from .models import FirstReach


def export_person(user) -> dict:
    """When the programme first reached the person, as the reports count it."""
    row = FirstReach.objects.filter(person_id=user.pk).first()
    if row is None:
        return {}
    return {
        "first_reached": {
            "first_session_on": row.first_session_on.isoformat() if row.first_session_on else None,
            "first_enrolled_at": row.first_enrolled_at.isoformat() if row.first_enrolled_at else None,
        }
    }


def anonymise_person(user) -> None:
    """Nothing of its own: the row is derived from the profile, sessions and enrolments, and the database
    recomputes it as the other apps anonymise or delete those (reports.first_reach)."""


COVERS = {"reports.FirstReach.person"}
