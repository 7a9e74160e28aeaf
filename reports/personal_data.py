"""A person's derived reach rows in "download my data" and "delete my account" (accounts.personal_data)."""

from .models import CascadeReach, FirstReach


def export_person(user) -> dict:
    """When the programme first reached the person, and through which trainers' cascades, as the reports count it."""
    data = {}
    row = FirstReach.objects.filter(person_id=user.pk).first()
    if row is not None:
        data["first_reached"] = {
            "first_session_on": row.first_session_on.isoformat() if row.first_session_on else None,
            "first_enrolled_at": row.first_enrolled_at.isoformat() if row.first_enrolled_at else None,
        }
    cascades = CascadeReach.objects.filter(person_id=user.pk).select_related("trainer__person").order_by("first_on")
    if cascades:
        data["reached_through_trainers"] = [
            {
                "trainer": reach.trainer.person.full_name,
                "first_on": reach.first_on.isoformat(),
                "taught_directly_from": reach.direct_on.isoformat() if reach.direct_on else None,
            }
            for reach in cascades
        ]
    return data


def anonymise_person(user) -> None:
    """Nothing of their own: the rows are derived from the profile, sessions and enrolments, and the database
    recomputes them as the other apps anonymise or delete those (reports.first_reach, reports.cascade_reach)."""


COVERS = {
    "reports.FirstReach.person",
    "reports.CascadeReach.person",
    "reports.Target.submitted_by",  # kept: a district plan's history names the (anonymised) account that submitted it
    "reports.Target.reviewed_by",  # kept: and the (anonymised) account that approved or returned it
}
