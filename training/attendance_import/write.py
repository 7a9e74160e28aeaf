"""Write: a plan recorded in bulk; new people get an account and a profile, existing accounts are never touched."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail.log_actions import log

from trainers.models import Profile
from training.models import LISTED_FIELDS, Attendance, SessionParticipant

from .match import chunks
from .plan import Plan
from .rows import PersonRow

IMPORT_LOG_ACTION = "trainers.import_attendance"


def _listed(person: PersonRow) -> dict:
    """What the list says about a person, as the participant record keeps it."""
    return dict(
        zip(
            LISTED_FIELDS,
            (
                person.full_name,
                person.gender,
                person.birth_date,
                person.birth_year,
                person.organisation,
                person.phone or "",
                person.email or "",
                person.commune,
            ),
            strict=True,
        )
    )


def write_plan(plan: Plan, user) -> None:
    """Record a valid plan: new accounts and profiles, enrolments with what the list said, marks, a log entry."""
    User = get_user_model()
    session, report = plan.report.session, plan.report
    new_people = [p for p in plan.people if not p.user_id]
    created = []
    for person in new_people:
        account = User(full_name=person.full_name, phone=person.phone, email=person.email)
        account.set_unusable_password()
        created.append(account)
    User.objects.bulk_create(created, batch_size=500)
    # Look the new accounts up again: not every database returns ids from a bulk insert.
    by_phone, by_email = {}, {}
    phones = [p.phone for p in new_people if p.phone]
    emails = [p.email for p in new_people if p.email]
    for chunk in chunks(phones):
        by_phone.update(dict(User.objects.filter(phone__in=chunk).values_list("phone", "pk")))
    for chunk in chunks(emails):
        by_email.update(dict(User.objects.filter(email__in=chunk).values_list("email", "pk")))
    for person in new_people:
        person.user_id = by_phone.get(person.phone) or by_email.get(person.email)

    # Only the accounts made just now get a profile; an existing account and its profile are never touched,
    # so an import can neither take over an account nor move a person into the importer's area.
    Profile.objects.bulk_create(
        [
            Profile(
                user_id=person.user_id,
                gender=person.gender,
                birth_date=person.birth_date,
                birth_year=person.birth_year,
                organisation=person.organisation,
                area=plan.district,
                commune=person.commune_area,
            )
            for person in new_people
        ],
        batch_size=500,
    )

    new_participants, listed_participants = [], []
    for person in plan.people:
        listed = _listed(person)
        participant = plan.participants.get(person.user_id)
        if participant is None:
            new_participants.append(SessionParticipant(session=session, person_id=person.user_id, **listed))
            continue
        for name, value in listed.items():
            if value not in (None, ""):  # a column the list leaves out keeps what an earlier list said
                setattr(participant, name, value)
        listed_participants.append(participant)
    SessionParticipant.objects.bulk_create(new_participants, batch_size=500)
    SessionParticipant.objects.bulk_update(listed_participants, LISTED_FIELDS, batch_size=500)
    participants = {}
    for chunk in chunks([p.user_id for p in plan.people]):
        participants.update(
            dict(SessionParticipant.objects.filter(session=session, person_id__in=chunk).values_list("person_id", "pk"))
        )
    new_marks, changed_marks = [], []
    for person in plan.people:
        participant_id = participants[person.user_id]
        for day, present in person.marks.items():
            record = plan.attendance.get((participant_id, day))
            if record is None:
                new_marks.append(Attendance(participant_id=participant_id, day=day, present=present))
            elif record.present != present:
                record.present = present
                changed_marks.append(record)
    Attendance.objects.bulk_create(new_marks, batch_size=1000)
    Attendance.objects.bulk_update(changed_marks, ["present"], batch_size=1000)

    log(
        instance=session,
        action=IMPORT_LOG_ACTION,
        user=user,
        data={
            "file": report.file_name,
            "sha256": report.sha256,
            "people_new": report.people_new,
            "participants_new": report.participants_new,
            "attendance_new": report.attendance_new,
            "attendance_changed": report.attendance_changed,
        },
    )
