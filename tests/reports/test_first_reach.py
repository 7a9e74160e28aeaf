"""FirstReach, the reports' cumulative reach, stays what the sessions and enrolments say whatever writes them."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from courses.models import Audience, Enrollment
from courses.services import enrollment_create
from reports.first_reach import GROUP_BITS
from reports.models import FirstReach
from tests.trainers.factories import ParticipantFactory, ProfileFactory, TrainingSessionFactory, UserFactory, areas
from trainers.models import Profile
from training.models import SessionParticipant

pytestmark = pytest.mark.django_db


def recomputed() -> dict[int, tuple]:
    """{person id: (first session's first day, first enrolment)}, counted from the records themselves: the
    sessions whose class report is approved, and the enrolments."""
    rows: dict[int, list] = {}
    for participant in SessionParticipant.objects.filter(session__report_status="approved").select_related("session"):
        row = rows.setdefault(participant.person_id, [None, None])
        day = participant.session.starts_on
        row[0] = day if row[0] is None else min(row[0], day)
    for enrollment in Enrollment.objects.all():
        row = rows.setdefault(enrollment.user_id, [None, None])
        row[1] = enrollment.enrolled_at if row[1] is None else min(row[1], enrollment.enrolled_at)
    return {pk: tuple(row) for pk, row in rows.items()}


def kept() -> dict[int, tuple]:
    return {r.person_id: (r.first_session_on, r.first_enrolled_at) for r in FirstReach.objects.all()}


def filed() -> dict[int, tuple]:
    """{person id: (area, gender, pupil or student, learner group bits)} as FirstReach holds them."""
    return {r.person_id: (r.area_id, r.gender, r.is_student, r.learner_groups) for r in FirstReach.objects.all()}


def test_every_write_keeps_first_reach_equal_to_a_recount(course_tree):
    course = course_tree.course
    area = areas()["Duy Xuyên"]
    learner, trainee, both = UserFactory(), UserFactory(), UserFactory()
    early = TrainingSessionFactory(area=area, starts_on=datetime.date(2023, 3, 1), ends_on=datetime.date(2023, 3, 2))
    late = TrainingSessionFactory(area=area, starts_on=datetime.date(2024, 6, 1), ends_on=datetime.date(2024, 6, 2))

    enrollment_create(user=learner, course=course)
    ParticipantFactory(session=late, person=trainee)
    first = ParticipantFactory(session=early, person=both)
    ParticipantFactory(session=late, person=both)
    enrollment_create(user=both, course=course)
    assert kept() == recomputed()
    assert kept()[both.pk][0] == datetime.date(2023, 3, 1)

    early.starts_on = datetime.date(2025, 1, 1)  # the session's dates corrected in the admin
    early.ends_on = datetime.date(2025, 1, 2)
    early.save()
    assert kept()[both.pk][0] == datetime.date(2024, 6, 1)
    first.delete()
    Enrollment.objects.filter(user=learner).update(enrolled_at=timezone.now() - datetime.timedelta(days=400))
    SessionParticipant.objects.filter(person=trainee).delete()  # an import undone
    assert kept() == recomputed()
    assert trainee.pk not in kept()


def test_rebuilding_is_idempotent_and_repairs_the_table(course_tree):
    course = course_tree.course
    person = UserFactory()
    enrollment_create(user=person, course=course)
    ParticipantFactory(person=person, session=TrainingSessionFactory(area=areas()["Hội An"]))
    expected = kept()
    FirstReach.objects.all().delete()
    call_command("rebuild_reach", verbosity=0)
    assert kept() == expected == recomputed()
    call_command("rebuild_reach", verbosity=0)
    assert kept() == expected


def test_a_profile_edit_moves_the_person_between_areas_genders_and_groups(course_tree):
    a = areas()
    person = UserFactory()
    enrollment_create(user=person, course=course_tree.course)
    assert filed()[person.pk] == (None, "", False, 0)  # no profile yet: province level, gender not stated
    profile = ProfileFactory(user=person, gender=Profile.MALE, area=a["Duy Xuyên"])
    assert filed()[person.pk] == (a["Duy Xuyên"].pk, Profile.MALE, False, 0)
    profile.gender, profile.area = Profile.FEMALE, a["Hội An"]
    profile.save()
    profile.learner_groups.add(*Audience.objects.filter(code__in=[Audience.STUDENTS, Audience.YOUTH]))
    both = 1 << GROUP_BITS[Audience.STUDENTS] | 1 << GROUP_BITS[Audience.YOUTH]
    assert filed()[person.pk] == (a["Hội An"].pk, Profile.FEMALE, True, both)
    call_command("rebuild_reach", verbosity=0)
    assert filed()[person.pk] == (a["Hội An"].pk, Profile.FEMALE, True, both)
    profile.learner_groups.clear()
    assert filed()[person.pk] == (a["Hội An"].pk, Profile.FEMALE, False, 0)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite writes one transaction at a time")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_transactions_writing_one_person_at_once_both_count(course_tree):
    """An import and an enrolment of the same person, in flight together: the row holds both."""
    import threading

    from django.db import connection, connections, transaction

    area = areas()["Duy Xuyên"]
    person = UserFactory()
    session = TrainingSessionFactory(area=area, starts_on=datetime.date(2023, 3, 1), ends_on=datetime.date(2023, 3, 2))
    participant_written, enrolment_done = threading.Event(), threading.Event()

    def enrol_meanwhile():
        try:
            participant_written.wait(10)
            enrollment_create(user=person, course=course_tree.course)  # its trigger waits for the import
        finally:
            connections.close_all()
            enrolment_done.set()

    other = threading.Thread(target=enrol_meanwhile)
    other.start()
    with transaction.atomic():
        ParticipantFactory(session=session, person=person)  # the import's trigger has computed its row
        participant_written.set()
        assert not enrolment_done.wait(1)  # the enrolment waits for this transaction…
    other.join(10)  # …and counts what it wrote once it commits

    assert kept()[person.pk] == recomputed()[person.pk]
    assert kept()[person.pk][0] == datetime.date(2023, 3, 1) and kept()[person.pk][1] is not None
    connection.close()


def test_a_date_range_counts_people_active_in_it_not_only_around_it(course_tree):
    """First and last activity on either side of a range say nothing of the range itself: the records decide."""
    from reports.figures import ReportFilters, people_reached
    from tests.trainers.factories import province_admin

    area, D = areas()["Duy Xuyên"], datetime.date

    def session(day):
        return TrainingSessionFactory(area=area, starts_on=day, ends_on=day)

    def took_part(person, *days):
        for day in days:
            ParticipantFactory(session=session(day), person=person)

    def enrolled(person, day):
        enrollment, _created = enrollment_create(user=person, course=course_tree.course)
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
        Enrollment.objects.filter(pk=enrollment.pk).update(enrolled_at=moment)

    around, ends_in, spans, enrolled_before, enrolled_in, later = (UserFactory() for _ in range(6))
    took_part(around, D(2023, 3, 1), D(2025, 3, 1))  # before and after 2024, nothing in it
    took_part(ends_in, D(2023, 3, 1), D(2024, 6, 1))
    took_part(spans, D(2022, 1, 1), D(2024, 6, 1), D(2025, 6, 1))
    enrolled(enrolled_before, D(2023, 5, 1))
    took_part(enrolled_before, D(2025, 5, 1))
    enrolled(enrolled_in, D(2024, 2, 2))
    took_part(later, D(2023, 1, 1))
    enrolled(later, D(2025, 1, 1))
    viewer = province_admin(areas()["province"])

    def everyone(**dates) -> int:
        return people_reached(ReportFilters(**dates), viewer).rows[-1][-1]

    assert everyone(date_from=D(2024, 1, 1), date_to=D(2024, 12, 31)) == 3  # ends_in, spans, enrolled_in
    assert everyone(date_from=D(2024, 1, 1), date_to=D(2024, 6, 1)) == 3  # the range's last day counts
    assert everyone(date_from=D(2024, 1, 2), date_to=D(2024, 5, 31)) == 1  # enrolled_in alone
    assert everyone(date_from=D(2024, 1, 1)) == 6  # since 2024: everyone with anything from then on
    assert everyone(date_from=D(2025, 6, 2)) == 0


def test_where_a_person_is_filed_is_one_rule_in_python_the_orm_and_the_kept_table():
    """Former commune, else place: `Profile.filed_area`, the ORM's `filed_area_expression` and FirstReach agree."""
    from areas.filing import filed_area_expression
    from areas.models import Area

    tree = areas()
    commune = Area.objects.get(code="20611", valid_from=None)  # Duy Hòa, a former commune of Duy Xuyên
    session = TrainingSessionFactory(
        area=tree["Duy Xuyên"], starts_on=datetime.date(2024, 3, 1), ends_on=datetime.date(2024, 3, 2)
    )
    profiles = [
        ProfileFactory(area=tree["Duy Xuyên"], commune=commune),
        ProfileFactory(area=tree["Hội An"]),
        ProfileFactory(),
    ]
    for profile in profiles:
        ParticipantFactory(session=session, person=profile.user)
    python = {p.user_id: p.filed_area.pk if p.filed_area else None for p in Profile.objects.all()}
    orm = dict(Profile.objects.annotate(filed=filed_area_expression()).values_list("user_id", "filed"))
    table = {r.person_id: r.area_id for r in FirstReach.objects.all()}
    assert (
        python
        == orm
        == table
        == {
            profiles[0].user_id: commune.pk,
            profiles[1].user_id: tree["Hội An"].pk,
            profiles[2].user_id: None,
        }
    )


def test_area_gender_and_groups_count_only_while_the_person_consents_to_statistics(client, course_tree):
    """Withdrawn on the account page, at once: still one more person reached, filed nowhere, no gender, no group;
    given again, back. Silence before the notice keeps them; the SQL rule and the Python rule agree."""
    from accounts.models import Consent
    from accounts.privacy import consent_give, consent_to_statistics

    tree = areas()
    youth = Audience.objects.get(code="youth")
    consenting, silent = UserFactory(), UserFactory()
    for person in (consenting, silent):
        ProfileFactory(user=person, area=tree["Duy Xuyên"], gender=Profile.FEMALE).learner_groups.add(youth)
        enrollment_create(user=person, course=course_tree.course)
    consent_give(person=consenting, purpose=Consent.LEARNING_RECORDS)
    consent_give(person=consenting, purpose=Consent.STATISTICS)
    with_attributes = (tree["Duy Xuyên"].pk, Profile.FEMALE, False, 1 << GROUP_BITS["youth"])
    assert filed()[consenting.pk] == with_attributes and filed()[silent.pk] == with_attributes

    client.force_login(consenting)
    client.post("/accounts/me/consents/", {"purpose": Consent.STATISTICS, "action": "withdraw"})
    assert filed()[consenting.pk] == (None, "", False, 0)  # counted as reached, with none of them
    assert filed()[silent.pk] == with_attributes
    for person in (consenting, silent):
        kept_has_them = filed()[person.pk] != (None, "", False, 0)
        assert kept_has_them == consent_to_statistics(person_id=person.pk)

    client.post("/accounts/me/consents/", {"purpose": Consent.STATISTICS, "action": "give"})
    assert filed()[consenting.pk] == with_attributes
