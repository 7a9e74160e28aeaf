"""The tables the reports keep (FirstReach; CascadeReach and TrainerReachDay on PostgreSQL) cannot drift.

Seeded random writes to participations, sessions, enrolments, profiles, learner groups and the lineage,
each kept table compared after every few with a fresh computation in Python from the records themselves;
on every database, the cascade report's figures too.
"""

import datetime
import random

import pytest
from django.utils import timezone

from courses.models import Audience, Enrollment
from reports import cascade_reach
from reports.figures import ReportFilters, trainer_reach
from reports.first_reach import GROUP_BITS, OTHER_GROUP
from reports.models import FirstReach
from tests.reports.test_cascade_reach import kept, walked
from tests.trainers.factories import ProfileFactory, TrainerFactory, UserFactory, areas, province_admin
from trainers.models import Profile, Trainer
from training.models import SessionParticipant, TrainingSession

pytestmark = pytest.mark.django_db
D = datetime.date
SEED, WRITES, CHECK_EVERY = 19, 90, 15


def first_reach_recomputed() -> dict[int, tuple]:
    """{person: FirstReach's columns}, from the participations, enrolments and profiles (`Profile.filed_area`)."""
    days: dict[int, list] = {}
    for person, day in SessionParticipant.objects.values_list("person_id", "session__starts_on"):
        days.setdefault(person, [[], []])[0].append(day)
    for person, at in Enrollment.objects.values_list("user_id", "enrolled_at"):
        days.setdefault(person, [[], []])[1].append(at)
    profiles = {
        p.user_id: p for p in Profile.objects.prefetch_related("learner_groups").select_related("commune", "area")
    }
    rows = {}
    for person, (sessions, enrolments) in days.items():
        profile = profiles.get(person)
        codes = [g.code for g in profile.learner_groups.all()] if profile else []
        area = profile.filed_area if profile else None
        rows[person] = (
            min(sessions, default=None),
            max(sessions, default=None),
            min(enrolments, default=None),
            max(enrolments, default=None),
            profile.pk if profile else None,
            area.pk if area else None,
            (profile.gender if profile else "") or "",
            Audience.STUDENTS in codes,
            sum({1 << GROUP_BITS.get(code, OTHER_GROUP) for code in codes}),
        )
    return rows


def first_reach_kept() -> dict[int, tuple]:
    return {
        r.person_id: (
            r.first_session_on,
            r.last_session_on,
            r.first_enrolled_at,
            r.last_enrolled_at,
            r.profile_id,
            r.area_id,
            r.gender,
            r.is_student,
            r.learner_groups,
        )
        for r in FirstReach.objects.all()
    }


def random_day(rng: random.Random) -> datetime.date:
    return D(2022, 1, 1) + datetime.timedelta(days=rng.randrange(4 * 365))


def test_random_writes_leave_every_kept_table_equal_to_a_fresh_count(course_tree):
    rng = random.Random(SEED)
    tree = areas()
    places = [tree[name] for name in ("Duy Xuyên", "Hội An", "Quế Sơn", "Nông Sơn")]
    groups = list(Audience.objects.all()) or [Audience.objects.create(code=Audience.STUDENTS, name="Students")]
    admin = province_admin(tree["province"], email="p@example.org")
    people = [UserFactory() for _ in range(12)]
    trainers = [TrainerFactory(home_area=places[0], person__full_name=f"Giảng viên {i}") for i in range(6)]
    sessions = []
    for _ in range(5):
        day = random_day(rng)
        sessions.append(TrainingSession.objects.create(title="Lớp", starts_on=day, ends_on=day, area=places[0]))

    def participate():
        session, person = rng.choice(sessions), rng.choice(people)
        SessionParticipant.objects.get_or_create(session=session, person=person)

    def leave():
        participant = SessionParticipant.objects.order_by("?").first()
        if participant:
            participant.delete()

    def move():
        participant = SessionParticipant.objects.order_by("pk").first()
        target = rng.choice(sessions)
        if participant and not SessionParticipant.objects.filter(session=target, person=participant.person).exists():
            SessionParticipant.objects.filter(pk=participant.pk).update(session=target)

    def redate():
        day = random_day(rng)
        TrainingSession.objects.filter(pk=rng.choice(sessions).pk).update(starts_on=day, ends_on=day)

    def lead():
        rng.choice(sessions).trainers.add(rng.choice(trainers))

    def stop_leading():
        rng.choice(sessions).trainers.remove(rng.choice(trainers))

    def enrol():
        enrollment, _ = Enrollment.objects.get_or_create(user=rng.choice(people), course=course_tree.course)
        at = timezone.make_aware(datetime.datetime.combine(random_day(rng), datetime.time(9)))
        Enrollment.objects.filter(pk=enrollment.pk).update(
            enrolled_at=at, completed_at=at if rng.random() < 0.5 else None
        )

    def unenrol():
        Enrollment.objects.filter(user=rng.choice(people)).delete()

    def profile():
        person = rng.choice(people)
        found = Profile.objects.filter(user=person).first()
        if found is None:
            ProfileFactory(user=person, area=rng.choice(places), gender=rng.choice(["female", "male", ""]))
        elif rng.random() < 0.2:
            found.delete()
        else:
            commune = rng.choice([None, *tree["Duy Xuyên"].children.all()[:3]])
            Profile.objects.filter(pk=found.pk).update(
                area=rng.choice(places), commune=commune, gender=rng.choice(["female", "male", "other", ""])
            )

    def group():
        found = Profile.objects.filter(user=rng.choice(people)).first()
        if found:
            if rng.random() < 0.6:
                found.learner_groups.add(rng.choice(groups))
            else:
                found.learner_groups.remove(rng.choice(groups))

    def lineage():
        i = rng.randrange(1, len(trainers))
        parent = rng.choice([None, *trainers[:i]])  # only earlier trainers: no cycle
        Trainer.objects.filter(pk=trainers[i].pk).update(trained_by=parent)

    writes = [participate] * 4 + [leave, move, redate, lead, lead, stop_leading, enrol, enrol, unenrol]
    writes += [profile, profile, group, lineage]
    for n in range(1, WRITES + 1):
        rng.choice(writes)()
        if n % CHECK_EVERY:
            continue
        assert first_reach_kept() == first_reach_recomputed(), f"FirstReach after {n} writes"
        pairs, counts, by_day = walked()
        if cascade_reach.in_use():
            assert kept() == (pairs, counts, by_day), f"cascade tables after {n} writes"
        reported = {row[0]: tuple(row[6:8]) for row in trainer_reach(ReportFilters(), admin).rows}
        expected = {t.person.full_name: counts.get(t.pk, (0, 0)) for t in trainers}
        assert reported == expected, f"cascade report after {n} writes"
    assert SessionParticipant.objects.exists() and FirstReach.objects.exists()
