"""Every report's figures against a small programme counted by hand.

The fixture (see `programme`):
  sessions  s1 Duy Xuyên 2024-05-06 led by t1: p1, p2
            s2 Hội An    2024-09-10 led by t2: p2, p5
            s3 Xã Thu Bồn 2025-08-01 led by t3: p4
  people    p1 F, commune Duy Hòa (Duy Xuyên), students + youth; enrolled 2024-05-10, completed
            p2 M, Duy Xuyên (district level), cadres
            p3 F, Hội An, women; enrolled 2024-10-01, completed
            p4 F, commune Xã Thu Bồn (today's unit), students
            p5 gender not stated, Hội An, no group; enrolled 2025-02-01, not completed
  trainers  t1 master, Duy Xuyên, gen 1, certified 2024-03-15
            t2 core, Hội An, trained by t1, gen 2, certified 2024-06-20 (and again 2024-11-01: counted once)
            t3 core, Duy Hòa, trained by t2, gen 3, certified 2025-01-10
            t4 candidate, Hội An, trained by t1, gen 2
            t5 core, Duy Xuyên, gen 1, only a revoked certificate (not counted)
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from areas.rollup import AreaTree
from courses.models import Audience, Enrollment
from reports.figures import (
    ReportFilters,
    certified_trainers_by_month,
    course_completion,
    expiring_certificates,
    people_reached,
    progress_against_targets,
    public_statistics,
    trainer_cascade,
    trainer_reach,
)
from reports.models import Target
from tests.areas.reform import reform_tree
from tests.trainers.factories import (
    ParticipantFactory,
    ProfileFactory,
    TrainerFactory,
    TrainingSessionFactory,
    UserFactory,
    district_admin,
    province_admin,
)
from trainers.models import Certificate, Trainer

pytestmark = pytest.mark.django_db
D = datetime.date


def aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def person(gender, area, commune=None, groups=(), name=None):
    user = UserFactory(full_name=name) if name else UserFactory()
    profile = ProfileFactory(user=user, gender=gender, area=area, commune=commune)
    profile.learner_groups.set(Audience.objects.filter(code__in=groups))
    return user


def certify(trainer, day, area, status=Certificate.VALID, level=Trainer.CORE, expires=None):
    number = f"T-{Certificate.objects.count() + 1:05d}"
    return Certificate.objects.create(
        kind=Certificate.TRAINER,
        number=number,
        person=trainer.person,
        holder_name=trainer.person.full_name,
        trainer_level=level,
        area=area,
        issued_on=day,
        expires_on=expires or day.replace(year=day.year + 3),
        status=status,
        revoked_reason="Sai thông tin" if status == Certificate.REVOKED else "",
    )


def enrol(user, course, day, completed=False):
    enrollment = Enrollment.objects.create(user=user, course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=aware(day), completed_at=aware(day + datetime.timedelta(days=20)) if completed else None
    )
    return enrollment


@pytest.fixture
def programme(course_tree):
    for code, _label in Audience.CODES:
        Audience.objects.get_or_create(code=code)
    a = reform_tree()
    dx, ha, duy_hoa, thu_bon = a["Duy Xuyên"], a["Hội An"], a["Duy Hòa"], a["Xã Thu Bồn"]

    t1 = TrainerFactory(level=Trainer.MASTER, home_area=dx, generation=1, person__full_name="Trainer One")
    t2 = TrainerFactory(home_area=ha, trained_by=t1, generation=2, person__full_name="Trainer Two")
    t3 = TrainerFactory(home_area=duy_hoa, trained_by=t2, generation=3, person__full_name="Trainer Three")
    t4 = TrainerFactory(level=Trainer.CANDIDATE, home_area=ha, trained_by=t1, generation=2)
    t5 = TrainerFactory(home_area=dx, generation=1)
    certify(t1, D(2024, 3, 15), dx, level=Trainer.MASTER)
    certify(t2, D(2024, 6, 20), ha)
    certify(t2, D(2024, 11, 1), ha, level=Trainer.MASTER)
    certify(t3, D(2025, 1, 10), duy_hoa)
    certify(t5, D(2024, 4, 1), dx, status=Certificate.REVOKED)

    p1 = person("female", dx, duy_hoa, ["students", "youth"], name="P1")
    p2 = person("male", dx, None, ["cadres"], name="P2")
    p3 = person("female", ha, None, ["women"], name="P3")
    p4 = person("female", None, thu_bon, ["students"], name="P4")
    p5 = person("", ha, None, [], name="P5")

    s1 = TrainingSessionFactory(area=dx, starts_on=D(2024, 5, 6), ends_on=D(2024, 5, 8))
    s2 = TrainingSessionFactory(area=ha, starts_on=D(2024, 9, 10), ends_on=D(2024, 9, 11))
    s3 = TrainingSessionFactory(area=thu_bon, starts_on=D(2025, 8, 1), ends_on=D(2025, 8, 2))
    s1.trainers.add(t1)
    s2.trainers.add(t2)
    s3.trainers.add(t3)
    for session, people in ((s1, [p1, p2]), (s2, [p2, p5]), (s3, [p4])):
        for user in people:
            ParticipantFactory(session=session, person=user)

    course = course_tree.course
    enrol(p1, course, D(2024, 5, 10), completed=True)
    enrol(p3, course, D(2024, 10, 1), completed=True)
    enrol(p5, course, D(2025, 2, 1))

    Target.objects.create(
        status=Target.APPROVED,
        area=dx,
        year=2025,
        certified_trainers=4,
        people_trained=10,
        women_reached=5,
        students_reached=4,
    )
    Target.objects.create(status=Target.APPROVED, area=dx, year=2030, certified_trainers=10, people_trained=100)
    Target.objects.create(status=Target.APPROVED, area=ha, year=2025, certified_trainers=1)
    Target.objects.create(status=Target.APPROVED, area=ha, year=2030, certified_trainers=2)
    return {
        "areas": a,
        "dx": dx,
        "ha": ha,
        "duy_hoa": duy_hoa,
        "thu_bon": thu_bon,
        "course": course,
        "trainers": [t1, t2, t3, t4, t5],
        "province_admin": province_admin(a["province"]),
    }


def row(report, label):
    return next(r for r in report.rows if r[0] == label)


# --- Areas ---------------------------------------------------------------------------------------


def test_area_index_rolls_duy_hoa_up_to_duy_xuyen_and_thu_bon(programme):
    index = AreaTree()
    assert programme["duy_hoa"].pk in index.members(programme["dx"])
    assert programme["duy_hoa"].pk in index.members(programme["thu_bon"])
    assert programme["thu_bon"].pk in index.members(programme["dx"])
    # A district split between four new communes is not attributed to one of them.
    assert programme["dx"].pk not in index.members(programme["thu_bon"])
    assert index.district_of[programme["thu_bon"].pk] == programme["dx"].pk


# --- People reached ------------------------------------------------------------------------------


def test_people_reached_by_gender_and_group(programme):
    report = people_reached(ReportFilters(), programme["province_admin"])
    # columns: group, female, male, other, not stated, total
    by_label = {r[0]: r[1:] for r in report.rows}
    labels = dict(Audience.CODES)
    assert by_label[str(labels["students"])] == [2, 0, 0, 0, 2]
    assert by_label[str(labels["youth"])] == [1, 0, 0, 0, 1]
    assert by_label[str(labels["cadres"])] == [0, 1, 0, 0, 1]
    assert by_label[str(labels["women"])] == [1, 0, 0, 0, 1]
    assert by_label[str(labels["entrepreneurs"])] == [0, 0, 0, 0, 0]
    assert report.rows[-2][1:] == [0, 0, 0, 1, 1]  # no group stated: p5
    assert report.rows[-1][1:] == [3, 1, 0, 1, 5]  # everyone once


def test_people_reached_rolls_up_former_district_and_todays_unit(programme):
    admin = programme["province_admin"]
    assert people_reached(ReportFilters(area=programme["dx"]), admin).rows[-1][1:] == [2, 1, 0, 0, 3]  # p1 p2 p4
    assert people_reached(ReportFilters(area=programme["thu_bon"]), admin).rows[-1][1:] == [2, 0, 0, 0, 2]  # p1 p4


def test_people_reached_date_filter(programme):
    filters = ReportFilters(date_from=D(2024, 1, 1), date_to=D(2024, 12, 31))
    # s1, s2 and the 2024 enrolments: p1 p2 p3 p5 (p4's session is in 2025).
    assert people_reached(filters, programme["province_admin"]).rows[-1][1:] == [2, 1, 0, 1, 4]


def test_people_reached_for_a_district_admin_is_their_district_only(programme):
    admin = district_admin(programme["dx"])
    # AdminScope covers what counts under Duy Xuyên: p1 (Duy Hòa), p2, and p4 (Xã Thu Bồn, formed from its communes).
    assert people_reached(ReportFilters(), admin).rows[-1][1:] == [2, 1, 0, 0, 3]
    # Exactly what the province counts under the district.
    province = people_reached(ReportFilters(area=programme["dx"]), programme["province_admin"])
    assert province.rows == people_reached(ReportFilters(), admin).rows
    # Asking for Hội An gives nothing outside the scope.
    assert people_reached(ReportFilters(area=programme["ha"]), admin).rows[-1][1:] == [0, 0, 0, 0, 0]


# --- Certified trainers --------------------------------------------------------------------------


def test_certified_trainers_cumulative_by_district_and_month(programme):
    filters = ReportFilters(date_from=D(2024, 1, 1), date_to=D(2025, 2, 28))
    report = certified_trainers_by_month(filters, programme["province_admin"])
    assert report.headings[1] == "01/2024" and report.headings[-1] == "02/2025"
    dx = row(report, "Duy Xuyên")[1:]
    ha = row(report, "Hội An")[1:]
    assert dx == [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2]  # t1 in March, t3 (Duy Hòa) in January 2025
    assert ha == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]  # t2 once, although certified twice
    assert report.rows[-1][1:] == [0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3]
    assert len(report.rows) == 18  # 17 former districts (Nông Sơn counts under Quế Sơn) and the total


def test_certified_trainers_date_range_keeps_the_earlier_baseline(programme):
    filters = ReportFilters(date_from=D(2024, 6, 1), date_to=D(2024, 12, 31))
    report = certified_trainers_by_month(filters, programme["province_admin"])
    assert row(report, "Duy Xuyên")[1:] == [1] * 7
    assert row(report, "Hội An")[1:] == [1] * 7
    assert report.rows[-1][1:] == [2] * 7


def test_certified_trainers_for_a_district_admin(programme):
    admin = district_admin(programme["dx"])
    report = certified_trainers_by_month(ReportFilters(date_from=D(2025, 1, 1), date_to=D(2025, 1, 31)), admin)
    assert [r[0] for r in report.rows[:-1]] == ["Duy Xuyên"]
    assert report.rows[-1][1:] == [2]


# --- Targets -------------------------------------------------------------------------------------


def test_progress_against_targets(programme):
    report = progress_against_targets(ReportFilters(date_to=D(2025, 12, 31)), programme["province_admin"])
    rows = {(r[0], r[1]): r[2:] for r in report.rows}
    labels = dict(Target.INDICATORS)
    # value, target, gap, status for 2025, then for 2030
    dx_certified = rows[("Duy Xuyên", str(labels["certified_trainers"]))]
    assert dx_certified[:3] == [2, 4, 2] and dx_certified[3].colour == "red"
    assert dx_certified[4:7] == [2, 10, 8] and dx_certified[7].colour == "red"
    assert rows[("Duy Xuyên", str(labels["people_trained"]))][:3] == [3, 10, 7]  # p1 p2 p4
    assert rows[("Duy Xuyên", str(labels["women_reached"]))][:3] == [2, 5, 3]  # p1 p4
    assert rows[("Duy Xuyên", str(labels["students_reached"]))][:3] == [2, 4, 2]  # p1 p4
    assert rows[("Duy Xuyên", str(labels["startup_projects"]))][:3] == [0, 0, 0]
    ha_certified = rows[("Hội An", str(labels["certified_trainers"]))]
    assert ha_certified[:3] == [1, 1, 0] and ha_certified[3].colour == "green"  # met
    assert ha_certified[4:7] == [1, 2, 1] and ha_certified[7].colour == "green"  # on track to 2030
    assert len(report.rows) == 10  # two areas × five indicators


def test_targets_2025_values_stop_at_the_end_of_2024_when_asked_then(programme):
    report = progress_against_targets(ReportFilters(date_to=D(2024, 12, 31)), programme["province_admin"])
    labels = dict(Target.INDICATORS)
    dx = next(r for r in report.rows if r[0] == "Duy Xuyên" and r[1] == str(labels["people_trained"]))
    assert dx[2] == 2  # p4 took part in 2025
    assert dx[6] == 2  # and the 2030 value is counted on the same day


def test_targets_count_a_day_both_target_years_stop_at_once(programme):
    """Cut at 31/12/2024, the 2025 and 2030 values are the same count: one set of selects, not two."""
    with CaptureQueriesContext(connection) as captured:
        report = progress_against_targets(
            ReportFilters(date_from=D(2024, 1, 1), date_to=D(2024, 12, 31)), programme["province_admin"]
        )
    union = next(q["sql"] for q in captured.captured_queries if "UNION ALL" in q["sql"])
    assert union.count("UNION ALL") == 2  # certified trainers, people reached, startup projects
    labels = dict(Target.INDICATORS)
    dx = next(r for r in report.rows if r[0] == "Duy Xuyên" and r[1] == str(labels["people_trained"]))
    assert dx[2] == dx[6] == 2


def test_targets_for_a_district_admin(programme):
    report = progress_against_targets(ReportFilters(date_to=D(2025, 12, 31)), district_admin(programme["dx"]))
    assert {r[0] for r in report.rows} == {"Duy Xuyên"}
    labels = dict(Target.INDICATORS)
    people = next(r for r in report.rows if r[1] == str(labels["people_trained"]))
    assert people[2] == 3  # p1, p2 and p4 (filed under Xã Thu Bồn, which counts under Duy Xuyên)
    province = progress_against_targets(ReportFilters(date_to=D(2025, 12, 31)), programme["province_admin"])
    assert [r for r in province.rows if r[0] == "Duy Xuyên"] == report.rows


# --- Completion ----------------------------------------------------------------------------------


def test_course_completion(programme):
    admin = programme["province_admin"]
    title = programme["course"].title
    report = course_completion(ReportFilters(), admin)
    assert row(report, title)[1:] == [3, 2, 66.7]
    assert report.rows[-1][1:] == [3, 2, 66.7]
    dated = course_completion(ReportFilters(date_from=D(2024, 1, 1), date_to=D(2024, 12, 31)), admin)
    assert row(dated, title)[1:] == [2, 2, 100.0]
    assert row(course_completion(ReportFilters(), district_admin(programme["dx"])), title)[1:] == [1, 1, 100.0]


# --- Cascade -------------------------------------------------------------------------------------


def test_trainer_cascade(programme):
    generations, reach = trainer_cascade(ReportFilters(), programme["province_admin"])
    # Certified today: t5 is a core trainer whose certificate was revoked, so not certified.
    assert generations.rows[:-1] == [[1, 2, 1, 1], [2, 2, 1, 0], [3, 1, 1, 0]]
    assert generations.rows[-1][1:] == [5, 3, 1]
    # The home strip and the cascade report count the same certified trainers.
    assert generations.rows[-1][2] == public_statistics()["certified_trainers"]
    by_name = {r[0]: r for r in reach.rows}
    # name, level, generation, district, trained directly, trainers below, people they trained, downstream, activity
    assert by_name["Trainer One"][2:-1] == [1, "Duy Xuyên", 2, 3, 2, 4]
    assert by_name["Trainer Two"][2:-1] == [2, "Hội An", 1, 1, 2, 3]
    assert by_name["Trainer Three"][2:-1] == [3, "Duy Xuyên", 0, 0, 1, 1]
    assert reach.rows[0][0] == "Trainer One"
    assert len(reach.rows) == 5


def test_trainer_cascade_date_filter_and_scope(programme):
    _generations, reach = trainer_cascade(
        ReportFilters(date_from=D(2024, 1, 1), date_to=D(2024, 12, 31)), programme["province_admin"]
    )
    by_name = {r[0]: r for r in reach.rows}
    assert by_name["Trainer One"][6:8] == [2, 3]  # s1: p1 p2; s2: p2 p5
    assert by_name["Trainer Three"][6:8] == [0, 0]
    generations, reach = trainer_cascade(ReportFilters(), district_admin(programme["dx"]))
    assert {r[0] for r in reach.rows} >= {"Trainer One", "Trainer Three"}
    assert "Trainer Two" not in {r[0] for r in reach.rows}
    assert generations.rows[-1][1:] == [3, 2, 1]  # t1, t3, t5 (not certified: revoked)


@pytest.mark.parametrize(
    "filters",
    [
        ReportFilters(),
        ReportFilters(date_to=D(2024, 12, 31)),
        ReportFilters(date_from=D(2024, 6, 1)),
        ReportFilters(date_from=D(2024, 1, 1), date_to=D(2024, 12, 31)),
    ],
    ids=["all time", "up to a day", "since a day", "a range"],
)
def test_cascade_reach_is_one_rule_whether_kept_or_counted_live(programme, filters, monkeypatch):
    """The same figures on SQLite (counted live) and PostgreSQL (kept days where they answer, live otherwise)."""
    from reports import cascade_reach

    admin = programme["province_admin"]
    answered = trainer_reach(filters, admin).rows
    monkeypatch.setattr(cascade_reach, "in_use", lambda using=None: False)
    assert trainer_reach(filters, admin).rows == answered
    if filters == ReportFilters():
        by_name = {r[0]: r[6:8] for r in answered}  # people they trained, downstream reach
        assert (by_name["Trainer One"], by_name["Trainer Two"], by_name["Trainer Three"]) == ([2, 4], [2, 3], [1, 1])


# --- Expiring ------------------------------------------------------------------------------------


def test_expiring_certificates(programme):
    today = timezone.localdate()
    t1, t2, _t3, t4, _t5 = programme["trainers"]
    soon = certify(t4, today - datetime.timedelta(days=400), programme["ha"], expires=today + datetime.timedelta(10))
    certify(t1, today - datetime.timedelta(days=400), programme["dx"], expires=today + datetime.timedelta(days=91))
    certify(t2, today - datetime.timedelta(days=400), programme["ha"], expires=today - datetime.timedelta(days=1))
    report = expiring_certificates(ReportFilters(), programme["province_admin"])
    assert [r[0] for r in report.rows] == [soon.number]
    assert report.rows[0][3:] == ["Hội An", soon.expires_on, 10]
    assert expiring_certificates(ReportFilters(), district_admin(programme["dx"])).rows == []


# --- Public strip --------------------------------------------------------------------------------


def test_public_statistics(programme):
    stats = public_statistics()
    # Trainer.certified(): t1, t2, t3 (t5's certificate is revoked); people p1..p5; Duy Xuyên and Hội An.
    assert stats == {"certified_trainers": 3, "people_trained": 5, "districts_covered": 2}


# --- Constant query counts -----------------------------------------------------------------------


def more_data(programme, n: int) -> None:
    """n more people, sessions, trainers and certificates spread over two districts."""
    dx, ha, course = programme["dx"], programme["ha"], programme["course"]
    parent = programme["trainers"][0]
    for i in range(n):
        area = dx if i % 2 else ha
        trainer = TrainerFactory(home_area=area, trained_by=parent, generation=parent.generation + 1)
        certify(trainer, D(2024, 1 + i % 12, 1), area)
        session = TrainingSessionFactory(area=area, starts_on=D(2024, 1 + i % 12, 3), ends_on=D(2024, 1 + i % 12, 4))
        session.trainers.add(trainer)
        for _j in range(2):
            ParticipantFactory(session=session, person=person("female", area, None, ["youth"]))
        enrol(person("male", area, None, ["students"]), course, D(2024, 2, 1), completed=bool(i % 2))
        Target.objects.get_or_create(area=programme["areas"][list(programme["areas"])[i % 18]], year=2025)
        parent = trainer


REPORT_FUNCTIONS = [
    certified_trainers_by_month,
    progress_against_targets,
    people_reached,
    course_completion,
    trainer_cascade,
    expiring_certificates,
]


@pytest.mark.parametrize("report", REPORT_FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("who", ["province", "district"])
def test_query_count_is_constant(programme, report, who, django_assert_num_queries):
    user = programme["province_admin"] if who == "province" else district_admin(programme["dx"])
    filters = ReportFilters(area=programme["dx"] if who == "province" else None, date_to=D(2025, 12, 31))

    def run():
        if hasattr(user, "_trainers_area_scope"):
            del user._trainers_area_scope
        report(filters, user)

    with CaptureQueriesContext(connection) as small:
        run()
    more_data(programme, 12)
    with django_assert_num_queries(len(small)):
        run()
