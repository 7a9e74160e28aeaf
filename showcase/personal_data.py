"""What the showcase holds on a person, for the accounts registry of personal data.

`export_person(user)` returns the showcase's sections of "download my data";
`anonymise_person(user)` is called when the account is deleted. Relations to the user this module
takes care of: Registration.person, ProjectMember.person, ProjectInvitation.invited_by. Kept on
purpose, pointing at the anonymised account: Registration.checked_in_by, StartupProject.created_by
and .reviewed_by (who did the work, not who it is about). Invitations addressed to the account's
email or phone (no relation, an address) are the person's data too: the export lists them and the
deletion removes them. Nobody proved that the account's address is the account holder's (see
ProjectInvitation), so the export shows what concerns the address (that it was invited, when, and the
answer) but not the project nor the link: only the link, sent to the address, tells what it is about.
"""

from django.db import transaction

from .models import ProjectInvitation, ProjectMember, Registration
from .services import registrations_anonymise


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def export_person(user) -> dict:
    """The person's event registrations, project teams and the team invitations they sent, as plain data.

    Only what is filed under the account: a visitor's registration that merely carries the same
    phone number is not exported (an account's phone is not proof of who registered with it).
    """
    registrations = Registration.objects.filter(person=user).select_related("event").order_by("created_at", "pk")
    memberships = ProjectMember.objects.filter(person=user).select_related("project").order_by("project__title")
    sent = ProjectInvitation.objects.filter(invited_by=user).select_related("project").order_by("created_at", "pk")
    received = ProjectInvitation.objects.addressed_to(user).order_by("created_at", "pk")
    return {
        "event_registrations": [
            {
                "event": r.event.title,
                "event_starts_at": _iso(r.event.starts_at),
                "full_name": r.full_name,
                "phone": r.phone,
                "email": r.email,
                "language": r.language,
                "status": r.status,
                "registered_at": _iso(r.created_at),
                "moved_up_at": _iso(r.promoted_at),
                "cancelled_at": _iso(r.cancelled_at),
                "checked_in_at": _iso(r.checked_in_at),
                "consent_notice_version": r.consent_notice_version,
                "consent_given_at": _iso(r.consented_at),
            }
            for r in registrations
        ],
        "startup_projects": [
            {"project": m.project.title, "status": m.project.status, "team_lead": m.is_lead, "role": m.role}
            for m in memberships
        ],
        # The addresses are other people's: the export shows them masked, as the team's form does.
        "team_invitations_sent": [
            {
                "project": i.project.title,
                "address": i.masked_address,
                "status": i.status,
                "invited_at": _iso(i.created_at),
            }
            for i in sent
        ],
        # Written to the account's email or phone: not which project (a draft's title is the team's to tell).
        "team_invitations_received": [
            {
                "address": i.address,
                "status": i.status,
                "invited_at": _iso(i.created_at),
                "answered_at": _iso(i.responded_at),
            }
            for i in received
        ],
    }


@transaction.atomic
def anonymise_person(user) -> None:
    """Drop what identifies the person; keep the counts (places taken, team sizes, women-led) the reports use.

    Registrations lose the name, phone and email copied into them. The person leaves every team: a
    public project page must not keep listing a deleted account (the project itself stays).
    Invitations they sent lose the sender; invitations written to their email or phone are deleted.
    """
    registrations_anonymise(person=user)
    ProjectMember.objects.filter(person=user).delete()
    ProjectInvitation.objects.filter(invited_by=user).update(invited_by=None)
    ProjectInvitation.objects.addressed_to(user).delete()


COVERS = {
    "showcase.Registration.person",
    "showcase.Registration.checked_in_by",  # kept: which (anonymised) account checked a visitor in
    "showcase.ProjectMember.person",
    "showcase.ProjectInvitation.invited_by",  # cleared: invitations the person sent lose the sender
    "showcase.StartupProject.created_by",  # kept: the project stays, under the anonymised account
    "showcase.StartupProject.reviewed_by",  # kept: which (anonymised) administrator reviewed it
}
