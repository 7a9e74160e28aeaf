from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils.translation import gettext as _

from accounts.demo import load_consents, load_data_requests, load_phone_learners
from accounts.models import User
from areas.loader import load_areas
from areas.models import AdminScope, Area
from courses.demo import load_curriculum
from home.models import HomePage
from lms import roles
from reports.demo import load_targets
from showcase.demo import load_showcase
from trainers.demo import load_trainer_programme
from training.demo import load_sessions

DEMO_PASSWORD = "demo-2026-tot"

HOME_LEAD = (
    "Đào tạo, bồi dưỡng đội ngũ giảng viên nguồn về khởi nghiệp đổi mới sáng tạo, "
    "để kiến thức về hệ sinh thái khởi nghiệp đến với cán bộ, thanh niên, phụ nữ, "
    "học sinh, sinh viên ở mọi địa phương."
)
HOME_BODY = (
    "<h2>Chương trình dành cho ai?</h2>"
    "<ul><li>Cán bộ, công chức, viên chức, đoàn viên, hội viên muốn hiểu và hỗ trợ khởi nghiệp.</li>"
    "<li>Thanh niên, học sinh, sinh viên, phụ nữ có ý tưởng kinh doanh.</li>"
    "<li>Giảng viên nguồn (ToT) được tỉnh chứng nhận để giảng dạy lại tại địa phương.</li></ul>"
    "<h2>Học như thế nào?</h2>"
    "<p>Chọn khóa học, học từng bài trên điện thoại, làm bài kiểm tra và nhận chứng nhận "
    "có thể xác minh trực tuyến.</p>"
)


# The demo's people are invented (…@example.org): what the loading sends them (certificates, enrolments)
# is recorded in the outbox as usual but goes to memory, never to a real mailbox nor to the terminal,
# where the console backend printed some 800 lines above the logins.
DEMO_MAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def today_province() -> Area:
    """The province as it is today (the shipped tree's Đà Nẵng, which Quảng Nam merged into in 2025)."""
    return Area.objects.get(kind=Area.PROVINCE, valid_to__isnull=True)


def demo_accounts_allowed() -> bool:
    """Production settings (`DEMO_DATA_ALLOWED = False`), or DEBUG off, refuse the demo's public-password accounts."""
    return getattr(settings, "DEMO_DATA_ALLOWED", settings.DEBUG)


class Command(BaseCommand):
    help = (
        "Load the demo areas, accounts and Vietnamese curriculum. Running it again changes nothing. "
        "--curriculum-only loads the areas and the shipped curriculum without any account (for a real site)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--curriculum-only",
            action="store_true",
            help="Only the areas, the home page text and the curriculum: no demo account, no demo records.",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the demo accounts (public password) even under production settings: a throwaway site only.",
        )

    def handle(self, *args, curriculum_only=False, allow_production=False, **options):
        if not (curriculum_only or allow_production or demo_accounts_allowed()):
            raise CommandError(
                _(
                    "These are production settings: the demo accounts share a password that is published in "
                    "the README, so they are not loaded here. To start a real site from the shipped curriculum, "
                    "run: manage.py load_demo_data --curriculum-only. Only for a throwaway test site, "
                    "add --allow-production."
                )
            )
        with override_settings(EMAIL_BACKEND=DEMO_MAIL_BACKEND), transaction.atomic():
            self.load(curriculum_only=curriculum_only)

    def load(self, *, curriculum_only: bool) -> None:
        roles.roles_apply()  # the groups exactly as declared, even where someone changed them by hand
        districts = load_areas()
        home = HomePage.objects.get()
        if not home.lead:
            home.lead = HOME_LEAD
            home.body = HOME_BODY
            home.save_revision().publish()
        load_curriculum(home)
        if curriculum_only:
            self.stdout.write(self.style.SUCCESS(_("The areas and the curriculum are ready; no account was made.")))
            return

        accounts = [
            ("learner@example.org", "Nguyễn Thị Lan", [], None),
            ("trainer@example.org", "Trần Văn Minh", [roles.TRAINERS], None),
            ("editor@example.org", "Lê Thị Hoa", [roles.EDITORS], None),
            ("district.admin@example.org", "Phạm Văn Hùng", [roles.DISTRICT_ADMINISTRATORS], districts["Duy Xuyên"]),
            ("province.admin@example.org", "Võ Thị Mai", [roles.PROVINCE_ADMINISTRATORS], today_province()),
        ]
        for email, name, groups, scope in accounts:
            user = User.objects.filter(email__iexact=email).first()
            if user is None:
                user = User.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=name)
            elif user.is_superuser:  # earlier demos made the province administrator a superuser
                user.is_superuser = False
                user.save(update_fields=["is_superuser"])
            user.groups.add(*(roles.role_group(role) for role in groups))
            if scope is not None:  # an administrator's role applies within their area only (areas.AdminScope)
                AdminScope.objects.get_or_create(user=user, defaults={"area": scope})
        trainers = load_trainer_programme(districts)
        load_consents()  # after the programme's people, some of whom answered the privacy notice
        phone_learners = load_phone_learners(password=DEMO_PASSWORD)
        load_data_requests()  # one near its deadline for province.admin@ to answer, one answered
        load_sessions(districts, trainers)
        load_targets(districts)
        load_showcase(home)  # after the programme: trainer@ mentors a Duy Xuyên project

        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for email, *_rest in accounts:
            self.stdout.write(f"  {email}")
        for person in phone_learners:  # phone only: their messages are in the stand-in's inbox (/dev/stand-in/)
            self.stdout.write(f"  {person.phone} ({person.get_notification_channel_display()})")
