"""Demo data for the trainer programme (after the area tree, `areas.loader.load_areas`):
trainers over three generations, profiles and certificates, and five years of history in eight
districts (the sessions they ran: `training.demo`; the targets: `reports.demo`). The named people are in
`demo_data/people.json`, read when this module is imported.

Everything is looked up by a natural key before it is created, so loading twice changes nothing.
"""

import datetime
from pathlib import Path

from django.utils import timezone

from areas.models import AdminScope, Area
from core.demo_data import DemoDataError, at, check_choice, check_keys, check_unique, read_json

from .models import Certificate, Profile, Trainer

D = datetime.date
REFORM_2025 = D(2025, 7, 1)  # districts abolished; Quảng Nam merged into Đà Nẵng
DATA_DIR = Path(__file__).resolve().parent / "demo_data"

# The keys of the people in `demo_data/people.json` (format: `demo_data/README.md`), in the order of the
# tuples the loaders below unpack: key -> (type, required).
PERSON_KEYS = {
    "email": (str, True),
    "name": (str, True),
    "gender": (str, True),
    "birth_year": (int, True),
    "area": (str, True),  # "province", "thu-bon", a commune code or a former district's name
}
MASTER_KEYS = {**PERSON_KEYS, "specialities": (list, True), "bio": (str, True)}
TRAINED_KEYS = {**PERSON_KEYS, "trained_by": (str, True), "specialities": (list, True), "bio": (str, True)}
LEARNER_KEYS = {**PERSON_KEYS, "groups": (list, True)}
PEOPLE_KEYS = {
    "masters": (list, True),
    "second_generation": (list, True),
    "third_generation": (list, True),
    "candidate": (dict, True),
    "expired": (dict, True),
    "learners": (list, True),
}


def read_people(path: Path = DATA_DIR / "people.json") -> dict[str, list[tuple] | tuple]:
    """The demo people as tuples in the order of their keys, checked; a mistake names the file and key."""

    def person(where: str, row: object, keys: dict) -> tuple:
        check_keys(where, row, keys)
        check_choice(at(where, "gender"), row["gender"], [code for code, _label in Profile.GENDERS])
        return tuple(row[key] for key in keys)

    try:
        data = check_keys("", read_json(path), PEOPLE_KEYS)
        people = {"masters": [person(at("masters", n), r, MASTER_KEYS) for n, r in enumerate(data["masters"])]}
        trainers = {row[0] for row in people["masters"]}
        for generation in ("second_generation", "third_generation"):
            people[generation] = []
            for n, row in enumerate(data[generation]):
                people[generation].append(person(at(generation, n), row, TRAINED_KEYS))
                check_choice(at(at(generation, n), "trained_by"), row["trained_by"], trainers)  # an earlier one
            trainers |= {row[0] for row in people[generation]}
        people["candidate"] = person("candidate", data["candidate"], PERSON_KEYS)
        people["expired"] = person("expired", data["expired"], PERSON_KEYS)
        people["learners"] = [person(at("learners", n), r, LEARNER_KEYS) for n, r in enumerate(data["learners"])]
        everyone = [*people["masters"], *people["second_generation"], *people["third_generation"]]
        everyone += [people["candidate"], people["expired"], *people["learners"]]
        check_unique("", [{"email": row[0]} for row in everyone], "email")
    except DemoDataError as error:
        message = str(error)
        raise DemoDataError(message if message.startswith(str(path)) else f"{path}: {message}") from None
    return people


_PEOPLE = read_people()
MASTERS = _PEOPLE["masters"]
SECOND_GENERATION = _PEOPLE["second_generation"]
THIRD_GENERATION = _PEOPLE["third_generation"]
CANDIDATE = _PEOPLE["candidate"]
EXPIRED = _PEOPLE["expired"]
LEARNERS = _PEOPLE["learners"]
MASTER_ISSUED = D(2024, 1, 15)
SECOND_ISSUED = D(2024, 5, 10)
THIRD_ISSUED = D(2025, 3, 20)
THU_BON_ISSUED = D(2025, 10, 15)


def _person(email: str, name: str):
    from accounts.models import User

    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        # Demo people other than the five demo accounts cannot sign in.
        user = User.objects.create_user(email=email, password=None, full_name=name)
    return user


def _profile(user, gender, birth_year, area: Area, groups=(), organisation=""):
    from courses.models import Audience

    commune = area if area.kind in (Area.COMMUNE, Area.WARD, Area.TOWNSHIP) else None
    district = area.parent if commune and area.parent and area.parent.is_district else area
    profile, _created = Profile.objects.update_or_create(
        user=user,
        defaults={
            "gender": gender,
            "birth_year": birth_year,
            "area": district,
            "commune": commune,
            "organisation": organisation,
        },
    )
    profile.learner_groups.set(Audience.objects.filter(code__in=groups))
    return profile


def _trainer(user, level, area: Area, trained_by: Trainer | None, specialities, bio) -> Trainer:
    trainer, _created = Trainer.objects.update_or_create(
        person=user,
        defaults={
            "level": level,
            "home_area": area,
            "trained_by": trained_by,
            "generation": trained_by.generation + 1 if trained_by else 1,
            "bio": bio,
        },
    )
    trainer.specialities.set(specialities)
    return trainer


def _certify_once(trainer: Trainer, issued_on: datetime.date, issued_by) -> None:
    from .services import certification_issue

    if not Certificate.objects.filter(person=trainer.person, kind=Certificate.TRAINER).exists():
        certification_issue(
            person=trainer.person,
            kind=Certificate.TRAINER,
            trainer_level=trainer.level,
            trained_by=trainer.trained_by,
            area=trainer.home_area,
            issued_by=issued_by,
            issued_on=issued_on,
        )


def _wait_for_a_retake(user) -> None:
    """The candidate failed the ToT course's first quiz with every attempt, the last two days before the load,
    and waits for the retake (`QuizPage.retake_after_days`); a district administrator may grant more."""
    from courses.models import QuizAttempt, QuizPage
    from courses.services import quiz_attempt_submit

    quiz = QuizPage.objects.live().filter(max_attempts__isnull=False).order_by("path").first()
    if quiz is None or QuizAttempt.objects.filter(enrollment__user=user, quiz=quiz).exists():
        return
    for _ in range(quiz.max_attempts):
        quiz_attempt_submit(user=user, quiz=quiz, answers={})  # nothing chosen: a failed attempt
    now = timezone.now()
    for attempt in QuizAttempt.objects.filter(enrollment__user=user, quiz=quiz):
        # Four, three and two days ago: the wait counts from the last.
        days = quiz.max_attempts - attempt.number + 2
        QuizAttempt.objects.filter(pk=attempt.pk).update(submitted_at=now - datetime.timedelta(days=days))


# The issuer printed on the demo's certificates: plausible, and marked as sample data on every line a reader
# might take for real (the body, the signatory, the seal).
DEMO_MARK = "(DỮ LIỆU MẪU)"
DEMO_ISSUER = {
    "issuing_body": f"Sở Khoa học và Công nghệ thành phố Đà Nẵng {DEMO_MARK}",
    "signatory_name": f"Nguyễn Văn Mẫu {DEMO_MARK}",
    "signatory_title": "KT. Giám đốc – Phó Giám đốc",
}
DEMO_DISTRICT_ISSUER = {
    "issuing_body": f"Phòng Văn hóa – Xã hội huyện Duy Xuyên {DEMO_MARK}",
    "signatory_name": f"Trần Thị Mẫu {DEMO_MARK}",
    "signatory_title": "Trưởng phòng",
}
SEAL_TITLE = "Con dấu MẪU (dữ liệu mẫu, không có giá trị pháp lý)"


def _demo_seal():
    """A round red stamp that reads MẪU ("sample"), drawn here so that no real seal is ever shipped."""
    import io

    from django.conf import settings
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont
    from wagtail.images import get_image_model

    Image = get_image_model()
    if seal := Image.objects.filter(title=SEAL_TITLE).first():
        return seal
    size, red = 400, (200, 30, 30, 235)
    picture = PILImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((8, 8, size - 8, size - 8), outline=red, width=14)
    draw.ellipse((48, 48, size - 48, size - 48), outline=red, width=5)
    fonts = Path(settings.BASE_DIR) / "static" / "fonts"
    big = ImageFont.truetype(str(fonts / "DejaVuSans-Bold.ttf"), 96)
    small = ImageFont.truetype(str(fonts / "DejaVuSans-Bold.ttf"), 26)
    draw.text((size / 2, size / 2), "MẪU", fill=red, font=big, anchor="mm")
    draw.text((size / 2, size / 2 + 80), "DỮ LIỆU MẪU", fill=red, font=small, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(title=SEAL_TITLE, file=ImageFile(buffer, name="con-dau-mau.png"))


def load_demo_issuers(district: Area) -> None:
    """The province's issuer (Settings → Certificate settings) and one district that issues its own, as samples."""
    from wagtail.models import Site

    from .models import CertificateSettings, Issuer

    seal = _demo_seal()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        settings_ = CertificateSettings.for_site(site)
        if not settings_.issuing_body:  # an issuer someone set is never overwritten
            for field, value in DEMO_ISSUER.items():
                setattr(settings_, field, value)
            settings_.seal = seal
            settings_.save()
    Issuer.objects.get_or_create(area=district, defaults={**DEMO_DISTRICT_ISSUER, "seal": seal})


def load_trainer_programme(districts: dict[str, Area]) -> dict[str, Trainer]:
    """Profiles, three generations of trainers and their certificates (their sessions: `training.demo`)."""
    from accounts.models import User
    from courses.models import CoursePage, Enrollment

    from .credential_keys import current_kid, key_create
    from .services import certificate_revoke, certification_issue

    load_demo_issuers(districts["Duy Xuyên"])  # before any certificate: production refuses one without
    if not current_kid():  # so that the demo's holders can download their Open Badges credentials
        key_create()
    province = Area.objects.get(code="49", valid_from=None)
    thu_bon = Area.objects.get(code="20611", valid_from=REFORM_2025)

    def area_for(key: str) -> Area:
        if key == "province":
            return province
        if key == "thu-bon":
            return thu_bon
        if key.isdigit():
            return Area.objects.get(code=key, valid_from=None)
        return districts[key]

    province_admin = User.objects.filter(email="province.admin@example.org").first()
    AdminScope.objects.get_or_create(user=province_admin, defaults={"area": province})
    # The demo accounts' profiles.
    learner = User.objects.get(email="learner@example.org")
    _profile(learner, Profile.FEMALE, 2003, districts["Duy Xuyên"], ["youth", "students"], "Trường Đại học Quảng Nam")
    _profile(province_admin, Profile.FEMALE, 1979, province, ["cadres"], "Sở Khoa học và Công nghệ")
    district_admin = User.objects.get(email="district.admin@example.org")
    _profile(district_admin, Profile.MALE, 1983, districts["Duy Xuyên"], ["cadres"], "UBND huyện Duy Xuyên")
    _profile(User.objects.get(email="editor@example.org"), Profile.FEMALE, 1990, province, ["cadres"], "Sở KH&CN")

    trainers: dict[str, Trainer] = {}
    for email, name, gender, born, area_key, specialities, bio in MASTERS:
        user = _person(email, name)
        _profile(user, gender, born, area_for(area_key), ["cadres"])
        trainers[email] = _trainer(user, Trainer.MASTER, area_for(area_key), None, specialities, bio)
    for generation in (SECOND_GENERATION, THIRD_GENERATION):
        for email, name, gender, born, area_key, trained_by, specialities, bio in generation:
            user = _person(email, name)
            _profile(user, gender, born, area_for(area_key), ["cadres", "youth"] if born > 1990 else ["cadres"])
            trainers[email] = _trainer(user, Trainer.CORE, area_for(area_key), trainers[trained_by], specialities, bio)
    email, name, gender, born, area_key = CANDIDATE
    candidate_user = _person(email, name)
    _profile(candidate_user, gender, born, area_for(area_key), ["youth"])
    _trainer(candidate_user, Trainer.CANDIDATE, area_for(area_key), None, ["Khởi nghiệp sinh viên"], "")
    _wait_for_a_retake(candidate_user)
    email, name, gender, born, area_key = EXPIRED
    expired_user = _person(email, name)
    _profile(expired_user, gender, born, area_for(area_key), ["cadres"])
    expired = _trainer(expired_user, Trainer.CORE, area_for(area_key), trainers["vinh.le@example.org"], ["OCOP"], "")

    learners = []
    for email, name, gender, born, area_key, groups in LEARNERS:
        user = _person(email, name)
        _profile(user, gender, born, area_for(area_key), groups)
        learners.append(user)

    # Certificates: every certified trainer, one expired, one revoked course certificate, one valid.
    for email, *_rest in MASTERS:
        _certify_once(trainers[email], MASTER_ISSUED, province_admin)
    for email, *_rest in SECOND_GENERATION:
        _certify_once(trainers[email], SECOND_ISSUED, province_admin)
    for email, *_rest in THIRD_GENERATION:
        issued_on = THU_BON_ISSUED if email == "yen.luong@example.org" else THIRD_ISSUED
        _certify_once(trainers[email], issued_on, province_admin)
    _certify_once(expired, D(2021, 3, 10), province_admin)

    course = CoursePage.objects.filter(is_tot=False).order_by("path").first()
    if course is not None:
        for user in learners[:2]:
            Enrollment.objects.update_or_create(
                user=user, course=course, defaults={"completed_at": timezone.make_aware(datetime.datetime(2025, 2, 14))}
            )
            if not Certificate.objects.filter(person=user, course=course).exists():
                certification_issue(person=user, kind=Certificate.COURSE, course=course, issued_on=D(2025, 2, 14))
        wrong = Certificate.objects.filter(person=learners[1], course=course, kind=Certificate.COURSE).first()
        if wrong and wrong.status == Certificate.VALID:
            certificate_revoke(
                certificate=wrong,
                reason="Cấp nhầm: học viên dùng chung tài khoản với người khác.",
                by=province_admin,
            )
    load_history(districts, [trainers[m[0]] for m in MASTERS], province_admin)
    return trainers


# --- Five years of history -------------------------------------------------
# The programme as it grew from 2021: each year some districts certify trainers and run a one-day class,
# so the monthly chart, the targets table and the cascade have a past. Trainers certified up to 2022 were
# renewed when their three years ran out, except in odd-numbered districts, whose certificates lapsed;
# the December 2023 certificates expire in the coming months. Names and e-mails are generated, stable.
HISTORY_YEARS = range(2021, 2027)
HISTORY_DISTRICTS = ["Tam Kỳ", "Hội An", "Điện Bàn", "Duy Xuyên", "Thăng Bình", "Núi Thành", "Đại Lộc", "Quế Sơn"]
HISTORY_PEOPLE_PER_SESSION = 6
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi"]
MIDDLE = {Profile.FEMALE: ["Thị", "Thị Thu", "Ngọc", "Thị Kim"], Profile.MALE: ["Văn", "Minh", "Đức", "Quang"]}
GIVEN = {
    Profile.FEMALE: ["Lan", "Hương", "Trang", "Nhung", "Thảo", "Vy", "Hạnh", "Mỹ"],
    Profile.MALE: ["Hùng", "Nam", "Phúc", "Tài", "Khoa", "Bảo", "Tín", "Lộc"],
}
HISTORY_GROUPS = [["youth"], ["students", "youth"], ["women"], ["cadres"], ["entrepreneurs"], ["students"]]


def _history_name(seed: int) -> tuple[str, str]:
    gender = Profile.FEMALE if seed % 2 == 0 else Profile.MALE
    name = " ".join(
        [
            SURNAMES[seed % len(SURNAMES)],
            MIDDLE[gender][(seed // 2) % len(MIDDLE[gender])],
            GIVEN[gender][(seed // 3) % len(GIVEN[gender])],
        ]
    )
    return gender, name


def load_history(districts: dict[str, Area], masters: list[Trainer], issued_by) -> None:
    """Trainers certified in eight districts each year from 2021 to 2026 (their classes: `training.demo`)."""
    from .services import TRAINER_CERTIFICATE_YEARS, add_years, certification_issue

    today = timezone.localdate()
    for d, district_name in enumerate(HISTORY_DISTRICTS):
        district = districts[district_name]
        for year in HISTORY_YEARS:
            seed = d * 100 + (year - 2020) * 10
            if (d + year) % 2 == 0:  # every other year, the district certifies one more trainer
                gender, name = _history_name(seed)
                user = _person(f"gv.{district.code}.{year}@example.org", name)
                _profile(user, gender, 1975 + seed % 20, district, ["cadres"])
                mentor = masters[d % len(masters)]
                _trainer(user, Trainer.CORE, district, mentor, [], "")
                issued_on = D(2023, 12, 10 + d) if year == 2023 else D(year, 2 + d, 15)
                certified = Certificate.objects.filter(person=user, kind=Certificate.TRAINER).exists()
                if issued_on <= today and not certified:
                    certificate = certification_issue(
                        person=user,
                        kind=Certificate.TRAINER,
                        trainer_level=Trainer.CORE,
                        trained_by=mentor,
                        area=district,
                        issued_by=issued_by,
                        issued_on=issued_on,
                    )
                    renewed_on = add_years(issued_on, TRAINER_CERTIFICATE_YEARS)
                    if year <= 2022 and d % 2 == 0 and renewed_on <= today:
                        certification_issue(
                            person=user,
                            kind=Certificate.TRAINER,
                            trainer_level=Trainer.CORE,
                            trained_by=mentor,
                            area=district,
                            issued_by=issued_by,
                            issued_on=certificate.expires_on,
                        )
