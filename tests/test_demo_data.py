import datetime
import json
import tomllib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from accounts.models import User
from areas.models import AdminScope, Area
from courses.blocks import stable_choice_id
from courses.demo import DATA_DIR, DemoDataError, load_curriculum, read_curriculum
from courses.models import CoursePage, LessonPage, ModulePage, QuizPage
from home.models import HomePage
from reports.figures import ReportFilters, certified_trainers_by_month, expiring_certificates
from reports.models import HEADLINE_YEARS, Target
from trainers.models import Certificate, Notification, Trainer
from training.models import TrainingSession

pytestmark = pytest.mark.django_db


def _counts():
    return {model.__name__: model.objects.count() for model in apps.get_models()}


def test_load_demo_data_is_idempotent(shared_demo, capsys):
    first = _counts()  # the demo, loaded once
    call_command("load_demo_data")
    output = capsys.readouterr().out
    assert _counts() == first
    assert "demo-2026-tot" in output and "province.admin@example.org" in output


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # it commits, and its messages go then
def test_the_demo_loading_ends_with_the_logins_not_with_mail(capsys, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"  # as under scripts/run.sh
    call_command("load_demo_data")
    output = capsys.readouterr().out
    # The demo's messages are in the outbox, not printed: the logins are the last lines, not under 800 of mail.
    assert "Subject:" not in output and len(output.splitlines()) < 15
    logins = output.rstrip().splitlines()
    assert logins[-3].strip() == "province.admin@example.org"
    # Then the phone-only learners (accounts/demo_data/phone_learners.json), each with their channel.
    assert [line.split()[0] for line in logins[-2:]] == ["+84905100201", "+84905100202"]
    assert Notification.objects.filter(status=Notification.SENT).exists()


@pytest.mark.parametrize("setting", [{"DEMO_DATA_ALLOWED": False}, {"DEBUG": False}])
def test_production_settings_refuse_the_demo_accounts_with_a_translated_message(settings, setting):
    if "DEBUG" in setting:
        del settings.DEMO_DATA_ALLOWED  # a settings module of its own with DEBUG off
    for name, value in setting.items():
        setattr(settings, name, value)
    with pytest.raises(CommandError, match="--curriculum-only") as refused:
        call_command("load_demo_data")
    assert "tài khoản mẫu" in str(refused.value)
    with translation.override("en"), pytest.raises(CommandError, match="demo accounts share a password"):
        call_command("load_demo_data")
    assert not User.objects.exists() and not Area.objects.exists()


def test_the_curriculum_alone_makes_no_account_even_under_production_settings(settings, capsys):
    settings.DEMO_DATA_ALLOWED = False
    call_command("load_demo_data", "--curriculum-only")
    assert not User.objects.exists() and not AdminScope.objects.exists() and not Trainer.objects.exists()
    assert CoursePage.objects.live().filter(is_tot=True).exists() and Area.objects.districts().exists()
    assert "demo-2026-tot" not in capsys.readouterr().out


def test_demo_content(shared_demo, client):
    assert Area.objects.districts().filter(code__startswith="5").count() == 18
    assert AdminScope.objects.get(user__email="district.admin@example.org").area.name == "Duy Xuyên"
    emails = {"learner", "trainer", "editor", "district.admin", "province.admin"}
    assert set(User.objects.values_list("email", flat=True)) >= {f"{e}@example.org" for e in emails}
    tot = CoursePage.objects.get(is_tot=True)
    assert tot.get_children().count() >= 6
    assert LessonPage.objects.descendant_of(tot).count() >= 20
    assert QuizPage.objects.descendant_of(tot).count() >= 6
    assert CoursePage.objects.filter(audiences__code="students").exists()
    assert CoursePage.objects.filter(audiences__code="women").exists()
    province_admin = User.objects.get(email="province.admin@example.org")
    # The province administrator works through their role and their scope on the province, not as a superuser.
    assert not province_admin.is_superuser
    assert AdminScope.objects.get(user=province_admin).area.kind == Area.PROVINCE
    response = client.post("/admin/login/", {"username": "province.admin@example.org", "password": "demo-2026-tot"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_demo_curriculum_comes_from_the_data_files(shared_demo):
    courses = list(CoursePage.objects.order_by("path"))
    assert [c.slug for c in courses] == [
        "tot-khoi-nghiep-doi-moi-sang-tao",
        "khoi-nghiep-cho-hoc-sinh-sinh-vien",
        "phu-nu-khoi-nghiep",
    ]
    assert (ModulePage.objects.count(), LessonPage.objects.count(), QuizPage.objects.count()) == (9, 27, 9)
    assert not Page.objects.filter(live=False, depth__gt=2).exists()
    tot = courses[0]
    assert QuizPage.objects.descendant_of(tot).count() == 7
    assert set(QuizPage.objects.descendant_of(tot).values_list("max_attempts", flat=True)) == {3}
    assert set(QuizPage.objects.not_descendant_of(tot).values_list("max_attempts", flat=True)) == {None}
    assert all(lesson.guide_plan and lesson.guide_notes for lesson in LessonPage.objects.all())
    assert {block.block_type for lesson in LessonPage.objects.all() for block in lesson.body} >= {
        "heading",
        "paragraph",
        "callout",
        "case_study",
        "exercise",
    }
    for quiz in QuizPage.objects.all():
        assert quiz.questions, quiz.slug
        for question in quiz.questions.raw_data:
            choices = question["value"]["choices"]
            # Stored ids are the stable ones, so a submitted answer matches the choice it is scored against.
            assert [c["id"] for c in choices] == [
                stable_choice_id(n, c["value"]["text"]) for n, c in enumerate(choices)
            ]
            correct = sum(c["value"]["correct"] for c in choices)
            assert correct >= 1 if question["value"]["kind"] == "multiple" else correct == 1, quiz.slug


def _copy_with(tmp_path, change) -> Path:
    source = sorted(DATA_DIR.glob("*.json"))[-1]
    data = json.loads(source.read_text(encoding="utf-8"))
    change(data)
    (tmp_path / source.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return tmp_path / source.name


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("title"), "title: missing"),
        (lambda d: d.update(hours="4"), "hours: expected int, found str"),
        (lambda d: d.update(audiences=["aliens"]), "audiences[0]: unknown value 'aliens'"),
        (
            lambda d: d["modules"][0]["lessons"][1]["body"].append({"type": "poem", "value": "x"}),
            "modules[0].lessons[1].body[6].type: unknown block type 'poem'",
        ),
        (
            lambda d: d["modules"][0]["lessons"][0]["body"][0].update(type="case_study", value={"area": "Hội An"}),
            "modules[0].lessons[0].body[0].value.name: This field is required.",
        ),
        (
            lambda d: d["modules"][0]["lessons"][0]["guide"]["steps"][0].update(minutes=0),
            "modules[0].lessons[0].guide.steps[0].minutes: Ensure this value is greater than or equal to 1.",
        ),
        (
            lambda d: d["modules"][0]["quiz"]["questions"][0]["choices"][0].update(right=True),
            "modules[0].quiz.questions[0].choices[0]: unknown key 'right'",
        ),
        (
            lambda d: [c.update(correct=True) for c in d["modules"][0]["quiz"]["questions"][0]["choices"]],
            "modules[0].quiz.questions[0]: Mark exactly one answer as correct.",
        ),
        (
            lambda d: d["modules"][0]["lessons"][1].update(slug=d["modules"][0]["lessons"][0]["slug"]),
            "modules[0]: slug 'bat-dau-tu-the-manh-va-nguon-ho-tro' is used twice",
        ),
    ],
)
def test_a_malformed_file_is_named_with_its_key_and_nothing_is_loaded(tmp_path, change, message):
    path = _copy_with(tmp_path, change)
    with pytest.raises(DemoDataError) as error:
        load_curriculum(HomePage.objects.get(), data_dir=tmp_path)
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)
    assert not Page.objects.filter(depth__gt=2).exists()


def test_a_file_that_is_not_json_is_named(tmp_path):
    (tmp_path / "01-broken.json").write_text('{"slug": ', encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"01-broken\.json: not valid JSON: .*line 1"):
        read_curriculum(tmp_path)


def test_every_demo_data_file_is_packaged():
    """An installed wheel has only the package data pyproject lists."""
    pyproject = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["courses"]
    courses_dir = DATA_DIR.parent
    packaged = {path for pattern in patterns for path in courses_dir.glob(pattern)}
    assert {path for path in DATA_DIR.rglob("*") if path.is_file()} <= packaged  # the kits' folder too
    assert len(read_curriculum()) == len(list(DATA_DIR.glob("*.json"))) == 3


def test_demo_history_and_targets_give_every_report_something_true(shared_demo):
    today = timezone.localdate()
    districts_2025 = (
        Area.objects.districts().filter(code__startswith="5").exclude(valid_to__lt=datetime.date(2025, 1, 1))
    )
    assert districts_2025.count() == 17  # Nông Sơn joined Quế Sơn at the end of 2024
    for year in HEADLINE_YEARS:
        assert set(Target.objects.filter(year=year).values_list("area", flat=True)) >= set(
            districts_2025.values_list("pk", flat=True)
        )
    # Growth: more certified trainers each year-end, sessions every year since 2021 in several districts.
    year_ends = [datetime.date(y, 12, 31) for y in range(2021, 2026)] + [today]
    certified = [Trainer.objects.certified(on=day).count() for day in year_ends]
    assert certified == sorted(certified) and certified[0] >= 2 and certified[-1] > certified[0] + 10
    for year in range(2021, 2027):
        sessions = TrainingSession.objects.filter(starts_on__year=year)
        assert sessions.values("area").distinct().count() >= 4, year
    # Some certificates lapsed, some expire within the expiry window.
    assert Certificate.objects.filter(kind=Certificate.TRAINER, expires_on__lt=today).exists()
    province = User.objects.get(email="province.admin@example.org")
    assert expiring_certificates(ReportFilters(), province).rows
    monthly = certified_trainers_by_month(ReportFilters(date_from=datetime.date(2021, 1, 1)), province)
    assert len([d for d in monthly.chart["datasets"] if any(d["data"])]) >= 8  # total and several districts
    # The Duy Hòa class the import demo sheet targets is unchanged.
    duy_hoa = TrainingSession.objects.get(title="Tập huấn khởi nghiệp cho đoàn viên thanh niên xã Duy Hòa")
    assert duy_hoa.participants.count() == 6


def test_a_demo_candidate_waits_for_a_retake(shared_demo, client):
    """Đỗ Thanh Tâm used every attempt at the ToT course's first quiz and sees when he may try again."""
    from courses.attempts import attempts_left

    candidate = User.objects.get(email="tam.do@example.org")
    quiz = QuizPage.objects.filter(max_attempts__isnull=False).order_by("path").first()
    assert quiz.retake_after_days == 7
    allowance = attempts_left(user=candidate, quiz=quiz)
    assert allowance.left == 0 and allowance.retake_on == timezone.localdate() + datetime.timedelta(days=5)
    client.force_login(candidate)
    html = client.get(quiz.url).content.decode()
    assert f"Bạn có thể làm lại từ ngày {allowance.retake_on:%d/%m/%Y}." in html
    # Filed in Duy Xuyên: the district administrator may grant him attempts.
    client.force_login(User.objects.get(email="district.admin@example.org"))
    assert candidate.full_name in client.get("/admin/courses/attempt-grants/new/").content.decode()


def test_a_demo_district_plan_waits_for_the_provinces_approval(shared_demo, client):
    waiting = Target.objects.get(status=Target.SUBMITTED)
    assert (waiting.area.name, waiting.year, waiting.submitted_by.email) == (
        "Duy Xuyên",
        2030,
        "district.admin@example.org",
    )
    assert Target.objects.exclude(pk=waiting.pk).exclude(status=Target.APPROVED).count() == 0
    client.post("/admin/login/", {"username": "province.admin@example.org", "password": "demo-2026-tot"})
    listing = client.get(reverse("target:index"), {"status": Target.SUBMITTED}).content.decode()
    assert reverse("target:review", args=[waiting.pk]) in listing
    assert client.post(reverse("target:review", args=[waiting.pk]), {"approve": ""}).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Target.APPROVED


def test_the_demo_certificates_name_a_sample_issuer(shared_demo, tmp_path, settings):
    """The demo fills the issuer in (so production would issue), and every line of it says it is sample data."""
    import shutil
    import subprocess

    from trainers.pdf import certificate_pdf_bytes

    settings.CERTIFICATE_ISSUER_REQUIRED = True
    certificate = Certificate.objects.filter(kind=Certificate.TRAINER, area__name="Duy Xuyên").first()
    elsewhere = Certificate.objects.filter(kind=Certificate.TRAINER).exclude(area__name="Duy Xuyên").first()
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    for found, body in (
        (certificate, "phòng văn hóa – xã hội huyện duy xuyên"),
        (elsewhere, "sở khoa học và công nghệ"),
    ):
        path = tmp_path / "demo.pdf"
        path.write_bytes(certificate_pdf_bytes(found))
        text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                       check=True).stdout.casefold().split())  # fmt: skip
        assert body in text and text.count("(dữ liệu mẫu)") >= 2 and found.number.casefold() in text


def test_the_demo_has_consents_and_one_withdrawn_from_statistics(shared_demo):
    """learner@ agreed to everything; Trần Thị Ngọc Lan withdrew from the statistics and is counted without her
    area, gender and groups; loading again changes nothing."""
    from accounts.models import Consent
    from reports.models import FirstReach

    call_command("load_demo_data")
    learner = User.objects.get(email="learner@example.org")
    assert set(Consent.objects.current().filter(person=learner).values_list("purpose", flat=True)) == {
        purpose for purpose, _label in Consent.PURPOSES
    }
    lan = User.objects.get(email="lan.tran@example.org")
    withdrawn = Consent.objects.filter(person=lan, purpose=Consent.STATISTICS)
    assert withdrawn.count() == 1 and withdrawn.get().withdrawn_at is not None
    row = FirstReach.objects.get(person=lan)  # she took part in Duy Xuyên's classes
    assert (row.area_id, row.gender, row.learner_groups) == (None, "", 0)
