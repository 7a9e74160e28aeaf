"""Demo data for the in-person side: the province's ToT class, classes the trainers ran in their districts,
and one class a year in eight districts from 2021 (after `trainers.demo`, whose people they name).

Everything is looked up by a natural key before it is created, so loading twice changes nothing.
"""

import datetime

from django.utils import timezone

from areas.models import Area
from trainers.demo import (
    CANDIDATE,
    HISTORY_DISTRICTS,
    HISTORY_GROUPS,
    HISTORY_PEOPLE_PER_SESSION,
    HISTORY_YEARS,
    LEARNERS,
    MASTERS,
    SECOND_GENERATION,
    D,
    _history_name,
    _person,
    _profile,
)
from trainers.models import Profile, Trainer

from .demo_rollcall import load_rollcall_demo
from .models import Attendance, SessionParticipant, TrainingSession


def _session(title, starts_on, ends_on, area, *, venue, is_tot=False, audience=None, courses=(), trainers=(), by=None):
    session, _created = TrainingSession.objects.get_or_create(
        title=title,
        starts_on=starts_on,
        defaults={
            "ends_on": ends_on,
            "area": area,
            "venue": venue,
            "is_tot": is_tot,
            "audience": audience,
            "created_by": by,
        },
    )
    session.courses.set(courses)
    session.trainers.set(trainers)
    return session


def _participate(session, user, *, result=SessionParticipant.PENDING, assessed_by=None, note="", days=None):
    participant, _created = SessionParticipant.objects.update_or_create(
        session=session,
        person=user,
        defaults={"result": result, "assessed_by": assessed_by, "result_note": note},
    )
    day = session.starts_on
    for _i in range(days if days is not None else (session.ends_on - session.starts_on).days + 1):
        Attendance.objects.get_or_create(participant=participant, day=day)
        day += datetime.timedelta(days=1)
    return participant


def load_sessions(districts: dict[str, Area], trainers: dict[str, Trainer]) -> None:
    """Sessions with attendance and results, led by the demo trainers (`trainers.demo.load_trainer_programme`)."""
    from accounts.models import User
    from courses.models import Audience, CoursePage

    province = Area.objects.get(code="49", valid_from=None)
    province_admin = User.objects.filter(email="province.admin@example.org").first()
    district_admin = User.objects.get(email="district.admin@example.org")
    learner = User.objects.get(email="learner@example.org")
    learners = [User.objects.get(email=row[0]) for row in LEARNERS]
    candidate_user = User.objects.get(email=CANDIDATE[0])

    # Sessions: the province's ToT class, then classes the new trainers ran in their districts.
    tot_courses = list(CoursePage.objects.filter(is_tot=True))
    masters = [trainers[m[0]] for m in MASTERS]
    tot = _session(
        "Lớp tập huấn giảng viên nguồn khởi nghiệp đổi mới sáng tạo – khóa 1",
        D(2024, 4, 22),
        D(2024, 4, 26),
        province,
        venue="Hội trường Sở Khoa học và Công nghệ, Tam Kỳ",
        is_tot=True,
        audience=Audience.objects.filter(code="cadres").first(),
        courses=tot_courses,
        trainers=masters,
        by=province_admin,
    )
    for email, *_rest in SECOND_GENERATION:
        trainer = trainers[email]
        _participate(
            tot,
            trainer.person,
            result=SessionParticipant.PASSED,
            assessed_by=trainer.trained_by,
            note="Giảng thử tốt, phân bổ thời gian hợp lý.",
        )
    _participate(
        tot,
        candidate_user,
        result=SessionParticipant.PASSED,
        assessed_by=masters[0],
        note="Đạt phần giảng thử; cần hoàn thành các khóa học trực tuyến.",
    )
    _participate(tot, learners[3], result=SessionParticipant.FAILED, assessed_by=masters[1], days=2)

    duy_hoa = _session(
        "Tập huấn khởi nghiệp cho đoàn viên thanh niên xã Duy Hòa",
        D(2024, 9, 10),
        D(2024, 9, 11),
        Area.objects.get(code="20611", valid_from=None),
        venue="Nhà văn hóa xã Duy Hòa",
        audience=Audience.objects.filter(code="youth").first(),
        courses=[c for c in CoursePage.objects.filter(audiences__code="youth").distinct()[:1]],
        trainers=[trainers["trainer@example.org"]],
        by=district_admin,
    )
    for user in [
        learner,
        *learners[:3],
        trainers["hoa.ngo@example.org"].person,
        trainers["yen.luong@example.org"].person,
    ]:
        _participate(duy_hoa, user)
    tam_ky = _session(
        "Khởi nghiệp đổi mới sáng tạo cho sinh viên Tam Kỳ",
        D(2025, 3, 4),
        D(2025, 3, 5),
        districts["Tam Kỳ"],
        venue="Trường Đại học Quảng Nam",
        audience=Audience.objects.filter(code="students").first(),
        trainers=[trainers["an.nguyen@example.org"]],
        by=province_admin,
    )
    _participate(tam_ky, trainers["ngoc.ha@example.org"].person)
    load_history_sessions(districts, masters, province_admin)
    load_rollcall_demo()


def load_history_sessions(districts: dict[str, Area], masters: list[Trainer], issued_by) -> None:
    """One class a year in eight districts from 2021, led by that year's new trainer or a master trainer."""
    today = timezone.localdate()
    for d, district_name in enumerate(HISTORY_DISTRICTS):
        district = districts[district_name]
        for year in HISTORY_YEARS:
            seed = d * 100 + (year - 2020) * 10
            trainer = None
            if (d + year) % 2 == 0:  # the year's new trainer (trainers.demo.load_history)
                trainer = Trainer.objects.filter(person__email=f"gv.{district.code}.{year}@example.org").first()
            starts_on = D(year, 3 + (d % 8), 5 + d)
            if starts_on > today:
                continue
            session = _session(
                f"Khởi nghiệp cho người dân {district_name} {year}",
                starts_on,
                starts_on,
                district,
                venue=f"Trung tâm Văn hóa {district_name}",
                trainers=[trainer or masters[d % len(masters)]],
                by=issued_by,
            )
            # More people each year as the programme grows.
            for n in range(HISTORY_PEOPLE_PER_SESSION + (year - 2021)):
                gender, name = _history_name(seed + n + 1)
                user = _person(f"hv.{district.code}.{year}.{n}@example.org", name)
                groups = HISTORY_GROUPS[(seed + n) % len(HISTORY_GROUPS)]
                if gender == Profile.MALE and groups == ["women"]:
                    groups = ["youth"]
                _profile(user, gender, 1980 + (seed + n) % 25, district, groups)
                _participate(session, user, result=SessionParticipant.PASSED)
