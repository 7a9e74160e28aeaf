"""The cascade report's kept counts (CascadeReach, TrainerReachDay) stay what walking the lineage says, whatever writes.

The lineage here: t1 trained t2, t2 trained t3; t4 stands alone. Sessions s1 (t1), s2 (t2), s3 (t3).
"""

import datetime
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction

from reports import cascade_reach
from reports.figures import ReportFilters, trainer_reach
from reports.models import CascadeReach, TrainerReachDay
from tests.trainers.factories import (
    ParticipantFactory,
    TrainerFactory,
    TrainingSessionFactory,
    UserFactory,
    areas,
    province_admin,
)
from trainers.models import SessionReport, Trainer
from training.models import SessionParticipant, TrainingSession

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not cascade_reach.in_use(), reason="kept by PostgreSQL triggers only"),
]
D = datetime.date


def walked() -> tuple[dict, dict, dict]:
    """What the tables should hold, counted in Python from the sessions and the lineage:
    ({(trainer, person): (first day in the cascade, first day taught directly, last day, last day directly)},
     {trainer: (people taught directly, downstream)},
     {(trainer, day): (first taught directly, first reached, last taught directly, last reached)})."""
    children: dict[int, list[int]] = {}
    for trainer in Trainer.objects.all():
        children.setdefault(trainer.trained_by_id, []).append(trainer.pk)
    taught: dict[int, list[tuple[int, datetime.date]]] = {}
    for session in TrainingSession.objects.counted().prefetch_related("trainers", "participants"):
        for leader in session.trainers.all():
            for participant in session.participants.all():
                taught.setdefault(leader.pk, []).append((participant.person_id, session.starts_on))
    days: dict[tuple[int, int], list[datetime.date]] = {}
    direct_days: dict[tuple[int, int], list[datetime.date]] = {}
    for trainer in Trainer.objects.values_list("pk", flat=True):
        below, stack = [], [trainer]
        while stack:
            current = stack.pop()
            below.append(current)
            stack.extend(children.get(current, []))
        for member in below:
            for person, day in taught.get(member, []):
                days.setdefault((trainer, person), []).append(day)
                if member == trainer:
                    direct_days.setdefault((trainer, person), []).append(day)
    pairs = {}
    for key, seen in days.items():
        direct = direct_days.get(key)
        pairs[key] = (min(seen), min(direct) if direct else None, max(seen), max(direct) if direct else None)
    counts: dict[int, tuple[int, int]] = {}
    by_day: dict[tuple[int, datetime.date], list[int]] = {}
    for (trainer, _person), (first, direct, last, last_direct) in pairs.items():
        d, n = counts.get(trainer, (0, 0))
        counts[trainer] = (d + (direct is not None), n + 1)
        for day, column in ((direct, 0), (first, 1), (last_direct, 2), (last, 3)):
            if day is not None:
                by_day.setdefault((trainer, day), [0, 0, 0, 0])[column] += 1
    return pairs, counts, {key: tuple(value) for key, value in by_day.items()}


def kept() -> tuple[dict, dict, dict]:
    pairs = {
        (r.trainer_id, r.person_id): (r.first_on, r.direct_on, r.last_on, r.last_direct_on)
        for r in CascadeReach.objects.all()
    }
    counts: dict[int, tuple[int, int]] = {}
    by_day = {}
    for row in TrainerReachDay.objects.all():
        direct, downstream = counts.get(row.trainer_id, (0, 0))
        counts[row.trainer_id] = (direct + row.direct, downstream + row.downstream)
        value = (row.direct, row.downstream, row.direct_last, row.downstream_last)
        if value != (0, 0, 0, 0):
            by_day[(row.trainer_id, row.day)] = value
    return pairs, {trainer: count for trainer, count in counts.items() if count != (0, 0)}, by_day


@pytest.fixture
def lineage():
    area = areas()["Duy Xuyên"]
    t1 = TrainerFactory(home_area=area, generation=1)
    t2 = TrainerFactory(home_area=area, trained_by=t1, generation=2)
    t3 = TrainerFactory(home_area=area, trained_by=t2, generation=3)
    t4 = TrainerFactory(home_area=area, generation=1)
    sessions = []
    for leader, day in ((t1, D(2023, 3, 1)), (t2, D(2024, 5, 6)), (t3, D(2025, 8, 1))):
        session = TrainingSessionFactory(area=area, starts_on=day, ends_on=day)
        session.trainers.add(leader)
        sessions.append(session)
    return area, (t1, t2, t3, t4), sessions


def test_every_write_keeps_the_kept_counts_equal_to_a_walk(lineage):
    area, (t1, t2, t3, t4), (s1, s2, s3) = lineage
    p1, p2, p3 = UserFactory(), UserFactory(), UserFactory()
    ParticipantFactory(session=s1, person=p1)
    ParticipantFactory(session=s2, person=p1)
    ParticipantFactory(session=s2, person=p2)
    ParticipantFactory(session=s3, person=p3)
    assert kept() == walked()
    assert kept()[1][t1.pk] == (1, 3)  # p1 directly; p2 and p3 down the lineage

    s3.trainers.add(t4)  # a second trainer on the session
    assert kept() == walked()
    s2.starts_on = D(2022, 1, 1)  # its day corrected in the admin
    s2.save()
    assert kept() == walked()
    assert kept()[0][(t1.pk, p1.pk)] == (D(2022, 1, 1), D(2023, 3, 1), D(2023, 3, 1), D(2023, 3, 1))

    t3.trained_by = t4  # the lineage corrected: t3 was trained by t4
    t3.save()
    assert kept() == walked()

    # Only an approved class report counts: s3's report sent back takes its people out, approving it again
    # brings them back.
    TrainingSession.objects.filter(pk=s3.pk).update(report_status=SessionReport.RETURNED)
    assert kept() == walked()
    assert kept()[1].get(t4.pk) is None and (t3.pk, p3.pk) not in kept()[0]
    s3.report_status = SessionReport.APPROVED
    s3.save()
    assert kept() == walked()
    assert kept()[1][t4.pk] == (1, 1)
    assert (t1.pk, p3.pk) not in kept()[0] and kept()[1][t4.pk] == (1, 1)

    s2.trainers.remove(t2)
    SessionParticipant.objects.filter(person=p1, session=s1).delete()  # an import undone
    assert kept() == walked()
    s3.delete()
    t2.delete()
    assert kept() == walked()
    assert not TrainerReachDay.objects.filter(trainer_id=t2.pk).exists()


def test_rebuilding_is_idempotent_and_repairs_the_tables(lineage):
    _area, _trainers, (s1, s2, _s3) = lineage
    for person in (UserFactory(), UserFactory()):
        ParticipantFactory(session=s1, person=person)
        ParticipantFactory(session=s2, person=person)
    expected = kept()
    CascadeReach.objects.all().delete()
    TrainerReachDay.objects.update(downstream=99)
    call_command("rebuild_reach", verbosity=0)
    assert kept() == expected == walked()
    call_command("rebuild_reach", verbosity=0)
    assert kept() == expected


def test_the_kept_report_equals_the_walked_one_all_time_up_to_a_day_and_since_a_day(lineage, monkeypatch):
    _area, _trainers, sessions = lineage
    for session, count in zip(sessions, (3, 2, 4), strict=True):
        for _ in range(count):
            ParticipantFactory(session=session, person=UserFactory())
    ParticipantFactory(session=sessions[2], person=sessions[0].participants.first().person)  # reached twice
    viewer = province_admin(areas()["province"])
    filters = [
        ReportFilters(),
        ReportFilters(date_to=D(2024, 12, 31)),
        ReportFilters(date_to=D(2023, 3, 1)),
        ReportFilters(date_from=D(2024, 1, 1)),
        ReportFilters(date_from=D(2025, 8, 1)),
    ]
    kept_rows = [trainer_reach(f, viewer).rows for f in filters]
    monkeypatch.setattr(cascade_reach, "in_use", lambda using=None: False)
    walked_rows = [trainer_reach(f, viewer).rows for f in filters]
    assert kept_rows == walked_rows
    everyone, until_2024, first_day, since_2024, since_last_day = kept_rows
    by_id = {r[0]: r for r in everyone}
    # t1, t2, t3: the person in s1 and s3 counted once by t1, and once by t2 and t3, who did not teach s1
    assert [r[6:8] for r in everyone][:3] == [[3, 9], [2, 7], [5, 5]]
    assert [r[6:8] for r in until_2024][:2] == [[3, 5], [2, 2]]
    assert [r[6:8] for r in first_day][:1] == [[3, 3]]
    assert [r[6:8] for r in since_2024][:3] == [[2, 7], [0, 7], [5, 5]]  # t2, t1 (s2 and s3, nothing direct), t3
    assert [r[6:8] for r in since_last_day][:3] == [[5, 5], [0, 5], [0, 5]]
    assert len(by_id) <= 4


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_imports_of_one_person_at_once_both_count(lineage):
    """The same person added to two sessions under one lineage by two transactions in flight together."""
    _area, (t1, t2, t3, _t4), (_s1, s2, s3) = lineage
    person = UserFactory()
    first_written, second_done = threading.Event(), threading.Event()

    def import_meanwhile():
        try:
            first_written.wait(10)
            ParticipantFactory(session=s3, person=person)  # its trigger waits for the first import
        finally:
            connections.close_all()
            second_done.set()

    other = threading.Thread(target=import_meanwhile)
    other.start()
    with transaction.atomic():
        ParticipantFactory(session=s2, person=person)
        first_written.set()
        assert not second_done.wait(1)
    other.join(10)

    assert kept() == walked()
    assert kept()[1][t1.pk] == (0, 1) and kept()[1][t2.pk] == (1, 1) and kept()[1][t3.pk] == (1, 1)
    connection.close()


def test_a_person_downloads_which_cascades_reached_them_and_deleting_the_account_keeps_the_counts(lineage):
    from accounts.services import account_data_export, account_delete

    _area, (t1, t2, _t3, _t4), (_s1, s2, _s3) = lineage
    person = UserFactory()
    ParticipantFactory(session=s2, person=person)
    reached = account_data_export(user=person)["reached_through_trainers"]
    assert {(r["trainer"], r["first_on"], r["taught_directly_from"]) for r in reached} == {
        (t1.person.full_name, "2024-05-06", None),
        (t2.person.full_name, "2024-05-06", "2024-05-06"),
    }
    before = kept()
    account_delete(user=person)  # anonymised: the aggregate figures keep the person, nothing names them
    assert kept() == before == walked()


def test_a_transaction_writing_many_people_takes_a_bounded_number_of_locks(lineage):
    """A sheet of many participants, then their trainer's lineage corrected, in one transaction. One lock per
    person would exhaust PostgreSQL's shared lock table when a cascade reached tens of thousands (seen at
    province scale: "out of shared memory" on moving a first-generation trainer); the locks are striped."""
    from reports.first_reach import LOCK_STRIPES
    from trainers.models.people import LINEAGE_LOCK

    _area, (_t1, _t2, t3, t4), (_s1, _s2, s3) = lineage
    people = UserFactory._meta.model.objects.bulk_create(
        UserFactory.build(email=f"many-{i}@example.org") for i in range(LOCK_STRIPES + 100)
    )
    SessionParticipant.objects.bulk_create(ParticipantFactory.build(session=s3, person=p) for p in people)
    with transaction.atomic():
        t3.trained_by = t4
        t3.save()
        with connection.cursor() as cursor:
            # The reach's stripes; the lineage's own lock (trainers 0022) is not one of them.
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
                " AND NOT (classid = %s AND objid = %s)",
                LINEAGE_LOCK,
            )
            held = cursor.fetchone()[0]
    assert held == LOCK_STRIPES  # every stripe, where there are more people than stripes
    assert kept() == walked()
