"""Demo data for the in-person side: the province's ToT class, classes the trainers ran in their districts,
and one class a year in eight districts from 2021 (after `trainers.demo`, whose people they name).

Trainers' own classes (`load_field_sessions`) stand in each state of their review: drafts, one waiting for
the Duy Xuyên administrator, approved ones, one returned with a comment, one whose class report waits.

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
    _certify_once,
    _history_name,
    _person,
    _profile,
    _trainer,
)
from trainers.models import Profile, SessionReport, Trainer

from .demo_rollcall import load_rollcall_demo
from .models import Attendance, SessionParticipant, SessionReview, SessionStatus, TrainingSession
from .services import teaching_areas


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
    load_field_sessions(trainers, learners)
    load_rollcall_demo()
    load_renewals(districts, province_admin)
    load_session_batch(district_admin)


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


# --- Trainers' own classes, in each state of their review -------------------------------------------
FOURTH_GENERATION = ("thao.pham@example.org", "Phạm Thị Thanh Thảo", "female", 1998, "hoa.ngo@example.org")
FOURTH_ISSUED = D(2026, 6, 15)
# (trainer, title, first day, days, which of today's units under the trainer's home area, audience,
#  state, report state, comment of the last review)
FIELD_SESSIONS = [
    (
        "trainer@example.org",
        "Khởi nghiệp từ sản phẩm OCOP cho hội viên phụ nữ",
        D(2027, 3, 16),
        2,
        1,
        "women",
        SessionStatus.DRAFT,
        SessionReport.NOT_RECORDED,
        "",
    ),
    (
        "hoa.ngo@example.org",
        "Ý tưởng khởi nghiệp cho học sinh THPT Nguyễn Hiền",
        D(2027, 2, 24),
        1,
        0,
        "students",
        SessionStatus.SUBMITTED,
        SessionReport.NOT_RECORDED,
        "",
    ),
    (
        "khoa.truong@example.org",
        "Marketing số cho hộ kinh doanh thị trấn Nam Phước",
        D(2026, 11, 20),
        1,
        0,
        "entrepreneurs",
        SessionStatus.APPROVED,
        SessionReport.SUBMITTED,
        "",
    ),
    (
        "an.nguyen@example.org",
        "Khởi nghiệp đổi mới sáng tạo cho sinh viên – đợt 2",
        D(2027, 1, 12),
        2,
        0,
        "students",
        SessionStatus.APPROVED,
        SessionReport.NOT_RECORDED,
        "Đồng ý. Nhớ gửi danh sách học viên trước ngày khai giảng.",
    ),
    (
        "thuy.phan@example.org",
        "Du lịch cộng đồng và khởi nghiệp cho phụ nữ",
        D(2027, 2, 3),
        1,
        0,
        "women",
        SessionStatus.RETURNED,
        SessionReport.NOT_RECORDED,
        "Đề nghị ghi rõ địa điểm tổ chức và số học viên dự kiến.",
    ),
    (
        "ngoc.ha@example.org",
        "Gọi vốn cho dự án khởi nghiệp trẻ",
        D(2027, 4, 8),
        1,
        0,
        "youth",
        SessionStatus.DRAFT,
        SessionReport.NOT_RECORDED,
        "",
    ),
    (
        "thao.pham@example.org",
        "Khởi nghiệp cho đoàn viên thanh niên xã Thu Bồn",
        D(2027, 1, 20),
        1,
        0,
        "youth",
        SessionStatus.APPROVED,
        SessionReport.NOT_RECORDED,
        "",
    ),
]
# The steps that lead to each state, as SessionReview rows: (stage, action, by the administrator?).
SUBMIT, APPROVE = ("session", "submitted", False), ("session", "approved", True)
STEPS = {
    (SessionStatus.DRAFT, SessionReport.NOT_RECORDED): [],
    (SessionStatus.SUBMITTED, SessionReport.NOT_RECORDED): [SUBMIT],
    (SessionStatus.APPROVED, SessionReport.NOT_RECORDED): [SUBMIT, APPROVE],
    (SessionStatus.RETURNED, SessionReport.NOT_RECORDED): [SUBMIT, ("session", "returned", True)],
    (SessionStatus.APPROVED, SessionReport.SUBMITTED): [
        SUBMIT,
        ("session", "approved", True),
        ("report", "submitted", False),
    ],
}


def _today_unit(trainer: Trainer, index: int) -> Area:
    """One of today's units the trainer may hold a session in (what their form offers), by code."""
    units = sorted(teaching_areas(trainer), key=lambda a: a.code)
    return Area.objects.get(pk=units[min(index, len(units) - 1)].pk)


def load_field_sessions(trainers: dict[str, Trainer], learners: list) -> None:
    """Sessions trainers of generations 2 to 4 planned themselves, in each state of their review."""
    from accounts.models import User
    from courses.models import Audience

    province_admin = User.objects.filter(email="province.admin@example.org").first()
    district_admin = User.objects.get(email="district.admin@example.org")
    email, name, gender, born, trained_by = FOURTH_GENERATION
    hoa = trainers[trained_by]
    user = _person(email, name)
    _profile(user, gender, born, hoa.home_area, ["youth"])
    trainers[email] = fourth = _trainer(
        user, Trainer.CORE, _today_unit(hoa, 0), hoa, ["Khởi nghiệp sinh viên"], "Bí thư Đoàn xã Thu Bồn."
    )
    _certify_once(fourth, FOURTH_ISSUED, province_admin)

    for email, title, starts_on, days, unit, audience, status, report, comment in FIELD_SESSIONS:
        trainer = trainers[email]
        area = _today_unit(trainer, unit)
        session, created = TrainingSession.objects.get_or_create(
            title=title,
            starts_on=starts_on,
            defaults={
                "ends_on": starts_on + datetime.timedelta(days=days - 1),
                "area": area,
                "venue": f"Hội trường {area.display_name}" if status != SessionStatus.RETURNED else "",
                "audience": Audience.objects.filter(code=audience).first(),
                "expected_size": 30 if status != SessionStatus.RETURNED else None,
                "created_by": trainer.person,
                "review_status": status,
                "report_status": report,
            },
        )
        session.trainers.set([trainer])
        if not created:
            continue
        # Who reviews: the Duy Xuyên administrator for their district, the province's elsewhere.
        reviewer = district_admin if area.former_district() and area.former_district().name == "Duy Xuyên" else None
        steps = STEPS[(status, report)]
        for n, (stage, action, by_admin) in enumerate(steps):
            last = n == len(steps) - 1
            SessionReview.objects.create(
                session=session,
                stage=stage,
                action=action,
                by=(reviewer or province_admin) if by_admin else trainer.person,
                comment=comment if last and by_admin else "",
            )
        if report == SessionReport.SUBMITTED:
            for learner in learners[:3]:
                _participate(session, learner, result=SessionParticipant.PASSED, assessed_by=trainer)


# --- Renewal of the December 2023 certificates (trainers/renewal.py) ---------------------------------
# The trainers certified in December 2023 (trainers.demo.load_history) expire in mid-December 2026. They co-led
# the later yearly classes of their district: Duy Xuyên's and Núi Thành's two (rules met: the first asked for
# renewal and waits for the district administrator, the second was renewed by the province), Hội An's one (not
# met), Quế Sơn's none. Renewal opens 90 days before expiry: loaded earlier, they only show their evidence.
RENEWAL_DEMO = {"Duy Xuyên": ((2025, 2026), "request"), "Núi Thành": ((2025, 2026), "renew"), "Hội An": ((2026,), "")}


def load_renewals(districts: dict[str, Area], province_admin) -> None:
    """Evidence for renewal of three December 2023 certificates; one renewal asked for, one approved."""
    from trainers.models import Certificate
    from trainers.renewal import renewal_check
    from trainers.services import certificate_renew, certificate_renewal_request

    for district_name, (years, step) in RENEWAL_DEMO.items():
        district = districts[district_name]
        trainer = Trainer.objects.filter(person__email=f"gv.{district.code}.2023@example.org").first()
        if trainer is None:
            continue
        for year in years:
            title = f"Khởi nghiệp cho người dân {district_name} {year}"
            for session in TrainingSession.objects.filter(title=title):
                session.trainers.add(trainer)
        certificate = (
            Certificate.objects.filter(person=trainer.person, kind=Certificate.TRAINER, renews=None)
            .order_by("issued_on")
            .first()
        )
        if certificate is None or not step or not renewal_check(certificate).renewable:
            continue
        if step == "request" and certificate.renewal_requested_at is None:
            certificate_renewal_request(certificate=certificate, by=trainer.person)
        elif step == "renew":
            certificate_renew(certificate=certificate, issued_by=province_admin)


# --- A class's certificates issued in one batch (training/certificates.py) ------------------------------
# Duy Xuyên's yearly class of 2026 (load_history_sessions): its report is approved and everyone attended and
# passed, so the district administrator (district.admin@) issued every participant's certificate in one action;
# the class's certificates page shows them and the print files for the ceremony. Its trainer is the December
# 2023 trainer who asked for renewal (load_renewals): the class is part of their evidence.
BATCH_DEMO_TITLE = "Khởi nghiệp cho người dân Duy Xuyên 2026"


def load_session_batch(district_admin) -> None:
    """The batch of one approved class; a second load issues nothing (the batch itself is idempotent)."""
    from .certificates import session_certificates_issue

    session = TrainingSession.objects.filter(title=BATCH_DEMO_TITLE, report_status=SessionReport.APPROVED).first()
    if session is not None:
        session_certificates_issue(session=session, by=district_admin)
