"""Demo showcase: a past Startup Day with registrations, check-ins and awards; projects; the support network.

`load_showcase(home)` is idempotent: rows are found by natural keys (page slug, email, project title,
organisation slug) and left alone on a second run.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from areas.models import Area
from trainers.models import Profile, Trainer

from .models import (
    Award,
    EventIndexPage,
    EventPage,
    ProjectMember,
    Registration,
    StartupProject,
    SupportOrganisation,
    new_check_in_code,
)

TZ = zoneinfo.ZoneInfo(settings.TIME_ZONE)
STARTUP_DAY_SLUG = "ngay-hoi-khoi-nghiep-2024"
UPCOMING_SLUG = "ngay-hoi-khoi-nghiep-duy-xuyen"
AWARDED_BY = "Ban Tổ chức Ngày hội Khởi nghiệp đổi mới sáng tạo tỉnh Quảng Nam"

S = StartupProject
# (title, district, commune code, sector, stage, origin, OCOP stars, status, pitch, team [(name, gender, student?)])
PROJECTS = [
    (
        "Trà thảo mộc Duy Trinh",
        "Duy Xuyên",
        "20617",
        "food",
        S.EARLY_REVENUE,
        S.OCOP,
        4,
        S.PUBLISHED,
        "Trà túi lọc từ lá vối, gừng và sả trồng hữu cơ ở Duy Trinh, đạt OCOP 4 sao.",
        [("Phan Thị Thu Hà", "female", False), ("Phan Văn Lộc", "male", False)],
    ),
    (
        "Bánh tráng Nam Phước",
        "Duy Xuyên",
        "20599",
        "food",
        S.GROWING,
        S.OCOP,
        3,
        S.PUBLISHED,
        "Bánh tráng nhúng và bánh tráng mè truyền thống, đóng gói hút chân không cho siêu thị.",
        [("Đỗ Thị Nga", "female", False), ("Đỗ Thị Kiều", "female", False)],
    ),
    (
        "Tơ lụa Mã Châu",
        "Duy Xuyên",
        "20626",
        "handicrafts",
        S.GROWING,
        S.OCOP,
        4,
        S.PUBLISHED,
        "Khăn và áo dài dệt thủ công từ làng lụa Mã Châu hơn 400 năm tuổi.",
        [("Nguyễn Thị Lụa", "female", False)],
    ),
    (
        "Nước mắm Duy Hải",
        "Duy Xuyên",
        "20638",
        "food",
        S.EARLY_REVENUE,
        S.OCOP,
        3,
        S.PUBLISHED,
        "Nước mắm cá cơm ủ chượp chum sành theo cách của làng biển Duy Hải.",
        [("Trương Văn Biển", "male", False), ("Trương Thị Sương", "female", False)],
    ),
    (
        "Rau mầm Duy Sơn",
        "Duy Xuyên",
        "20620",
        "agriculture",
        S.PROTOTYPE,
        S.OCOP,
        None,
        S.SUBMITTED,
        "Rau mầm sạch trồng trong nhà lưới, giao trong ngày cho quán ăn Hội An.",
        [("Lê Thị Mầm", "female", False)],
    ),
    (
        "Ứng dụng Chợ Quê Duy Xuyên",
        "Duy Xuyên",
        None,
        "digital",
        S.PROTOTYPE,
        S.STUDENT,
        None,
        S.PUBLISHED,
        "Ứng dụng đặt hàng nông sản từ các hợp tác xã, do nhóm sinh viên quê Duy Xuyên phát triển.",
        [("Trần Minh Khoa", "male", True), ("Nguyễn Thị Bảo Ngọc", "female", True), ("Võ Thị Yến", "female", True)],
    ),
    (
        "Du lịch cộng đồng Mỹ Sơn xanh",
        "Duy Xuyên",
        None,
        "tourism",
        S.IDEA,
        S.STUDENT,
        None,
        S.DRAFT,
        "Tour xe đạp và homestay quanh khu đền tháp Mỹ Sơn do thanh niên địa phương dẫn.",
        [("Hồ Văn Tài", "male", True)],
    ),
    (
        "Đèn lồng tái chế Hội An",
        "Hội An",
        None,
        "handicrafts",
        S.EARLY_REVENUE,
        S.OTHER,
        None,
        S.PUBLISHED,
        "Đèn lồng làm từ vải vụn và tre tái chế, bán cho khách du lịch và khách sạn.",
        [("Lê Thị Hoài An", "female", False), ("Huỳnh Văn Phố", "male", False)],
    ),
    (
        "Tour ẩm thực đêm Hội An",
        "Hội An",
        None,
        "tourism",
        S.GROWING,
        S.OTHER,
        None,
        S.PUBLISHED,
        "Tour đi bộ nếm món ăn đường phố do hướng dẫn viên là sinh viên ngành du lịch dẫn.",
        [("Phạm Thị Mỹ Duyên", "female", True), ("Lý Văn Đức", "male", True)],
    ),
    (
        "Gốm Thanh Hà trực tuyến",
        "Hội An",
        None,
        "handicrafts",
        S.PROTOTYPE,
        S.OTHER,
        None,
        S.RETURNED,
        "Cửa hàng trực tuyến và xưởng trải nghiệm nặn gốm cho khách nước ngoài.",
        [("Nguyễn Văn Gốm", "male", False)],
    ),
    (
        "Cảm biến độ mặn cho ruộng lúa",
        "Tam Kỳ",
        None,
        "agriculture",
        S.PROTOTYPE,
        S.RESEARCH,
        None,
        S.PUBLISHED,
        "Thiết bị đo độ mặn giá rẻ, gửi cảnh báo qua tin nhắn, từ đề tài của Trường Đại học Quảng Nam.",
        [("TS. Nguyễn Quang Huy", "male", False), ("Đặng Thị Thanh Tâm", "female", True)],
    ),
    (
        "Phân bón hữu cơ từ bã mía",
        "Tam Kỳ",
        None,
        "environment",
        S.EARLY_REVENUE,
        S.RESEARCH,
        None,
        S.PUBLISHED,
        "Quy trình ủ vi sinh biến bã mía thành phân bón hữu cơ, chuyển giao từ đề tài cấp tỉnh.",
        [("ThS. Lê Văn Thạnh", "male", False), ("Võ Thị Hồng", "female", False)],
    ),
    (
        "Sổ tay học tập số cho học sinh",
        "Tam Kỳ",
        None,
        "education",
        S.IDEA,
        S.STUDENT,
        None,
        S.SUBMITTED,
        "Ứng dụng nhắc lịch học và chia sẻ tài liệu cho học sinh trung học vùng nông thôn.",
        [("Trần Thị Học", "female", True), ("Lê Minh Trí", "male", True)],
    ),
    (
        "Nấm linh chi Tiên Phước",
        "Tiên Phước",
        None,
        "agriculture",
        S.EARLY_REVENUE,
        S.OTHER,
        None,
        S.PUBLISHED,
        "Nấm linh chi trồng trên mùn cưa cây keo, sấy khô và đóng hộp làm quà biếu.",
        [("Nguyễn Thị Linh", "female", False)],
    ),
    (
        "Tiêu Tiên Phước sạch",
        "Tiên Phước",
        None,
        "agriculture",
        S.GROWING,
        S.OTHER,
        None,
        S.PUBLISHED,
        "Hạt tiêu trồng theo tiêu chuẩn VietGAP, bán trực tiếp cho nhà hàng ở Đà Nẵng.",
        [("Huỳnh Văn Tiêu", "male", False), ("Huỳnh Thị Mai", "female", False)],
    ),
    (
        "Sâm Ngọc Linh nuôi cấy mô",
        "Nam Trà My",
        None,
        "health",
        S.PROTOTYPE,
        S.RESEARCH,
        None,
        S.PUBLISHED,
        "Nhân giống sâm Ngọc Linh bằng nuôi cấy mô, hợp tác với viện nghiên cứu.",
        [("Hồ Văn Sâm", "male", False), ("Hồ Thị Ngọc", "female", False)],
    ),
    (
        "Quế Trà My tinh dầu",
        "Bắc Trà My",
        None,
        "health",
        S.EARLY_REVENUE,
        S.OTHER,
        None,
        S.PUBLISHED,
        "Tinh dầu quế chưng cất từ vỏ quế Trà My, chai nhỏ cho khách du lịch.",
        [("Đinh Thị Quế", "female", False)],
    ),
    (
        "Homestay Cơ Tu Tây Giang",
        "Tây Giang",
        None,
        "tourism",
        S.EARLY_REVENUE,
        S.OTHER,
        None,
        S.PUBLISHED,
        "Nhà sàn đón khách trải nghiệm văn hóa Cơ Tu, dệt thổ cẩm và ẩm thực núi rừng.",
        [("Bríu Thị Pố", "female", False), ("A Lăng Văn Hiên", "male", False)],
    ),
    (
        "Thổ cẩm Đông Giang",
        "Đông Giang",
        None,
        "handicrafts",
        S.PROTOTYPE,
        S.OTHER,
        None,
        S.PUBLISHED,
        "Túi, ví và khăn thổ cẩm của phụ nữ Cơ Tu, bán qua mạng xã hội.",
        [("Alăng Thị Hoa", "female", False)],
    ),
    (
        "Máy sấy nông sản năng lượng mặt trời",
        "Điện Bàn",
        None,
        "environment",
        S.PROTOTYPE,
        S.RESEARCH,
        None,
        S.PUBLISHED,
        "Máy sấy dùng năng lượng mặt trời cho hộ trồng rau, giảm một nửa thời gian sấy.",
        [("KS. Trần Văn Nhiệt", "male", False), ("Trần Thị Nắng", "female", True)],
    ),
    (
        "Rau thủy canh Điện Bàn",
        "Điện Bàn",
        None,
        "agriculture",
        S.GROWING,
        S.OTHER,
        None,
        S.PUBLISHED,
        "Trang trại rau thủy canh cung cấp cho bếp ăn trường học trong thị xã.",
        [("Lê Văn Thủy", "male", False)],
    ),
    (
        "Hải sản khô Núi Thành",
        "Núi Thành",
        None,
        "food",
        S.EARLY_REVENUE,
        S.OTHER,
        None,
        S.PUBLISHED,
        "Mực và cá khô phơi sạch, đóng gói có truy xuất nguồn gốc.",
        [("Nguyễn Thị Biển", "female", False), ("Nguyễn Văn Khơi", "male", False)],
    ),
    (
        "Robot hướng dẫn thư viện",
        "Thăng Bình",
        None,
        "education",
        S.IDEA,
        S.STUDENT,
        None,
        S.PUBLISHED,
        "Robot nhỏ giúp học sinh tìm sách trong thư viện trường, sản phẩm câu lạc bộ STEM.",
        [("Phan Văn Rô", "male", True), ("Phan Thị Bốt", "female", True)],
    ),
    (
        "Bún Phú Ninh đóng gói",
        "Phú Ninh",
        None,
        "food",
        S.PROTOTYPE,
        S.OTHER,
        None,
        S.SUBMITTED,
        "Bún tươi đóng gói bảo quản lạnh, giao cho các bếp ăn tập thể.",
        [("Võ Thị Bún", "female", False)],
    ),
]

# (title, rank, project title)
AWARDS = [
    ("Giải Nhất", Award.FIRST, "Cảm biến độ mặn cho ruộng lúa"),
    ("Giải Nhì", Award.SECOND, "Ứng dụng Chợ Quê Duy Xuyên"),
    ("Giải Ba", Award.THIRD, "Trà thảo mộc Duy Trinh"),
    ("Giải Khuyến khích", Award.CONSOLATION, "Homestay Cơ Tu Tây Giang"),
    ("Giải Khuyến khích", Award.CONSOLATION, "Robot hướng dẫn thư viện"),
    ("Giải Dự án phụ nữ khởi nghiệp tiêu biểu", Award.SPECIAL, "Tơ lụa Mã Châu"),
]

# (slug, name, kind, district, summary, offers, website, contact (name, email, phone, address), publish, supports)
ORGANISATIONS = [
    (
        "vuon-uom-dai-hoc-quang-nam",
        "Vườn ươm khởi nghiệp Trường Đại học Quảng Nam",
        SupportOrganisation.INCUBATOR,
        "Tam Kỳ",
        "Ươm tạo dự án khởi nghiệp của sinh viên và giảng viên, từ ý tưởng đến sản phẩm mẫu.",
        "Không gian làm việc chung miễn phí 12 tháng\nCố vấn chuyên môn hằng tuần\n"
        "Phòng thí nghiệm để làm sản phẩm mẫu",
        "https://vuonuom.example.org",
        ("ThS. Nguyễn Thị Ươm", "vuonuom@example.org", "0235 3812 001", "102 Hùng Vương, Tam Kỳ"),
        True,
        ["Cảm biến độ mặn cho ruộng lúa", "Ứng dụng Chợ Quê Duy Xuyên", "Sổ tay học tập số cho học sinh"],
    ),
    (
        "dai-hoc-quang-nam",
        "Trường Đại học Quảng Nam",
        SupportOrganisation.SCHOOL,
        "Tam Kỳ",
        "Trường đại học công lập của tỉnh, đào tạo giáo viên, kỹ sư và cử nhân kinh tế.",
        "Học phần khởi nghiệp cho sinh viên\nChuyển giao kết quả nghiên cứu\nCuộc thi ý tưởng khởi nghiệp hằng năm",
        "https://qnamuni.example.org",
        ("Phòng Khoa học và Hợp tác", "khcn@qnamuni.example.org", "", ""),
        True,
        ["Cảm biến độ mặn cho ruộng lúa", "Máy sấy nông sản năng lượng mặt trời"],
    ),
    (
        "trung-tam-ung-dung-khcn",
        "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
        SupportOrganisation.RESEARCH,
        "Tam Kỳ",
        "Đơn vị sự nghiệp của Sở Khoa học và Công nghệ, thử nghiệm và chuyển giao công nghệ cho nông dân.",
        "Kiểm nghiệm chất lượng sản phẩm\nHỗ trợ xây dựng tiêu chuẩn cơ sở\nChuyển giao quy trình sản xuất",
        "",
        ("Phòng Chuyển giao công nghệ", "chuyengiao@example.org", "0235 3812 002", ""),
        False,
        ["Phân bón hữu cơ từ bã mía", "Sâm Ngọc Linh nuôi cấy mô"],
    ),
    (
        "quy-phat-trien-khcn",
        "Quỹ Phát triển khoa học và công nghệ tỉnh",
        SupportOrganisation.FUND,
        None,
        "Tài trợ và cho vay ưu đãi đề tài nghiên cứu, dự án đổi mới công nghệ của doanh nghiệp nhỏ.",
        "Tài trợ đến 300 triệu đồng cho dự án đổi mới sáng tạo\nCho vay lãi suất ưu đãi",
        "",
        ("Văn phòng Quỹ", "quy.khcn@example.org", "0235 3812 003", "Tam Kỳ"),
        True,
        ["Phân bón hữu cơ từ bã mía"],
    ),
    (
        "mang-luoi-nha-dau-tu-mien-trung",
        "Mạng lưới nhà đầu tư thiên thần miền Trung",
        SupportOrganisation.INVESTOR,
        None,
        "Nhóm doanh nhân đầu tư giai đoạn đầu vào dự án khởi nghiệp ở các tỉnh miền Trung.",
        "Đầu tư thiên thần 200 triệu – 2 tỷ đồng\nCố vấn gọi vốn\nKết nối khách hàng doanh nghiệp",
        "https://angels.example.org",
        ("", "", "", ""),
        False,
        ["Tiêu Tiên Phước sạch"],
    ),
    (
        "hoi-doanh-nhan-tre",
        "Hội Doanh nhân trẻ tỉnh Quảng Nam",
        SupportOrganisation.ASSOCIATION,
        "Tam Kỳ",
        "Kết nối doanh nhân trẻ, hỗ trợ thanh niên khởi nghiệp bằng cố vấn và thị trường.",
        "Chương trình doanh nhân cố vấn\nGian hàng tại hội chợ xúc tiến thương mại",
        "",
        ("Văn phòng Hội", "dntre@example.org", "0235 3812 004", ""),
        True,
        ["Đèn lồng tái chế Hội An", "Tour ẩm thực đêm Hội An", "Homestay Cơ Tu Tây Giang"],
    ),
    (
        "chuong-trinh-tang-toc-ocop",
        "Chương trình tăng tốc sản phẩm OCOP",
        SupportOrganisation.ACCELERATOR,
        None,
        "Chương trình 6 tháng giúp chủ thể OCOP nâng hạng sao, làm bao bì và bán hàng trực tuyến.",
        "Đào tạo thiết kế bao bì\nHỗ trợ hồ sơ đánh giá sao OCOP\nBán hàng trên sàn thương mại điện tử",
        "",
        ("", "ocop@example.org", "", ""),
        False,
        ["Trà thảo mộc Duy Trinh", "Bánh tráng Nam Phước", "Nước mắm Duy Hải"],
    ),
]


def _aware(year, month, day, hour=0, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=TZ)


def _publish(parent, page):
    """Add a page under its parent once; a second run finds it by slug and leaves it alone."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _agenda(items) -> list[tuple[str, dict]]:
    return [
        ("item", {"starts_at": datetime.time(*t), "title": title, "speaker": speaker, "description": ""})
        for t, title, speaker in items
    ]


def _member(name: str, gender: str, student: bool, district: Area, n: int):
    """A team member's account (who cannot sign in) and profile, found again by email on a second run."""
    from accounts.models import User
    from courses.models import Audience

    email = f"doi.{n:02d}@example.org"
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=None, full_name=name)
    profile, _created = Profile.objects.get_or_create(user=user, defaults={"gender": gender, "area": district})
    if student:
        profile.learner_groups.add(*Audience.objects.filter(code=Audience.STUDENTS))
    return user


def _events(home) -> tuple[EventPage, EventPage]:
    index = _publish(
        home,
        EventIndexPage(
            title="Sự kiện khởi nghiệp",
            slug="su-kien",
            intro="<p>Ngày hội khởi nghiệp, cuộc thi gọi vốn, hội thảo và hội chợ đào tạo trong tỉnh.</p>",
        ),
    )
    districts = {a.name: a for a in Area.objects.districts()}
    past = _publish(
        index,
        EventPage(
            title="Ngày hội Khởi nghiệp đổi mới sáng tạo tỉnh Quảng Nam 2024",
            slug=STARTUP_DAY_SLUG,
            kind=EventPage.STARTUP_DAY,
            starts_at=_aware(2024, 11, 23, 7, 30),
            ends_at=_aware(2024, 11, 23, 17, 0),
            place="Trung tâm Hội nghị tỉnh, 62 Hùng Vương, Tam Kỳ",
            area=districts["Tam Kỳ"],
            organiser="Sở Khoa học và Công nghệ tỉnh Quảng Nam",
            summary="Trưng bày sản phẩm khởi nghiệp, thi gọi vốn và tôn vinh dự án tiêu biểu của các huyện.",
            capacity=60,
            registration_open=False,
            programme=_agenda(
                [
                    ((7, 30), "Đón khách, tham quan gian hàng trưng bày", "Ban tổ chức"),
                    ((8, 30), "Khai mạc Ngày hội", "Lãnh đạo UBND tỉnh"),
                    ((9, 15), "Vòng chung kết thi gọi vốn: 8 dự án", "Hội đồng giám khảo"),
                    ((14, 0), "Tọa đàm: khởi nghiệp từ sản phẩm OCOP", "Chương trình tăng tốc OCOP"),
                    ((16, 0), "Trao giải và bế mạc", "Ban tổ chức"),
                ]
            ),
        ),
    )
    # Relative to the first run, so the demo always has an event to register for.
    starts = timezone.localtime(timezone.now()).replace(hour=8, minute=0, second=0, microsecond=0)
    starts += datetime.timedelta(days=30)
    upcoming = _publish(
        index,
        EventPage(
            title="Ngày hội Khởi nghiệp thanh niên Duy Xuyên",
            slug=UPCOMING_SLUG,
            kind=EventPage.STARTUP_DAY,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=9),
            place="Nhà văn hóa Nam Phước, Duy Xuyên",
            area=districts["Duy Xuyên"],
            organiser="Huyện đoàn Duy Xuyên",
            summary="Gian hàng sản phẩm OCOP, chia sẻ kinh nghiệm khởi nghiệp và gặp gỡ nhà đầu tư.",
            capacity=80,
            programme=_agenda(
                [
                    ((8, 0), "Khai mạc và giới thiệu dự án của thanh niên", "Huyện đoàn Duy Xuyên"),
                    ((9, 30), "Hội thảo: làm sản phẩm OCOP từ đặc sản quê hương", "Giảng viên nguồn"),
                    ((14, 0), "Gặp gỡ nhà đầu tư và vườn ươm", "Mạng lưới nhà đầu tư thiên thần miền Trung"),
                ]
            ),
        ),
    )
    return past, upcoming


def _projects(districts: dict[str, Area]) -> dict[str, StartupProject]:
    mentor = Trainer.objects.filter(person__email="trainer@example.org").first()
    reviewed_at = _aware(2024, 10, 30, 9)
    projects, n = {}, 0
    for title, district_name, commune_code, sector, stage, origin, stars, status, pitch, team in PROJECTS:
        district = districts[district_name]
        project = StartupProject.objects.filter(title=title).first()
        if project is None:
            project = StartupProject.objects.create(
                title=title,
                pitch=pitch,
                area=district,
                commune=Area.objects.get(code=commune_code, valid_from=None) if commune_code else None,
                sector=sector,
                stage=stage,
                origin=origin,
                ocop_stars=stars,
                status=status,
                mentor=mentor if district_name == "Duy Xuyên" else None,
                submitted_at=reviewed_at if status != S.DRAFT else None,
                reviewed_at=reviewed_at if status in (S.PUBLISHED, S.RETURNED) else None,
                published_at=reviewed_at if status == S.PUBLISHED else None,
                review_comment="Bổ sung ảnh sản phẩm và mô tả khách hàng mục tiêu." if status == S.RETURNED else "",
            )
        for position, (name, gender, student) in enumerate(team):
            n += 1
            person = _member(name, gender, student, district, n)
            ProjectMember.objects.get_or_create(project=project, person=person, defaults={"is_lead": position == 0})
        projects[title] = project
    return projects


def _registrations(event: EventPage, projects: dict[str, StartupProject]) -> None:
    if event.registrations.exists():
        return
    checked_at = _aware(2024, 11, 23, 7, 40)
    rows = []
    # Team members of the finalists came with an account; others registered by phone at the gate.
    members = ProjectMember.objects.filter(project__in=[projects[t] for _a, _r, t in AWARDS]).select_related("person")
    for i, member in enumerate(members):
        rows.append(
            Registration(
                event=event,
                person=member.person,
                full_name=member.person.full_name,
                email=member.person.email,
                status=Registration.CONFIRMED,
                code=new_check_in_code(),
                checked_in_at=checked_at + datetime.timedelta(minutes=i),
            )
        )
    given = ["An", "Bình", "Chi", "Dũng", "Giang", "Hạnh", "Khánh", "Linh", "Minh", "Nhung", "Phúc", "Quyên"]
    families = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ"]
    for i in range(36):
        middle = "Thị" if i % 2 else "Văn"
        if i % 11 == 10:
            status = Registration.CANCELLED
        elif len(rows) < event.capacity:
            status = Registration.CONFIRMED
        else:
            status = Registration.WAITING
        # Most confirmed visitors came; every fourth did not.
        came = status == Registration.CONFIRMED and i % 4 != 0
        rows.append(
            Registration(
                event=event,
                full_name=f"{families[i % 6]} {middle} {given[i % 12]}",
                phone=f"+8490555{i:04d}",
                status=status,
                code=new_check_in_code(),
                checked_in_at=checked_at + datetime.timedelta(minutes=20 + i) if came else None,
            )
        )
    Registration.objects.bulk_create(rows)


def _awards(event: EventPage, projects: dict[str, StartupProject]) -> None:
    for title, rank, project_title in AWARDS:
        Award.objects.get_or_create(
            project=projects[project_title],
            title=title,
            year=2024,
            defaults={"rank": rank, "event": event, "awarded_by": AWARDED_BY},
        )


def _organisations(districts: dict[str, Area], projects: dict[str, StartupProject]) -> None:
    for slug, name, kind, district, summary, offers, website, contact, publish, supports in ORGANISATIONS:
        contact_name, email, phone, address = contact
        organisation, created = SupportOrganisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "area": districts.get(district) if district else None,
                "summary": summary,
                "offers": offers,
                "website": website,
                "contact_name": contact_name,
                "contact_email": email,
                "contact_phone": phone,
                "address": address,
                "publish_contact": publish,
            },
        )
        if created:
            organisation.supported_projects.set([projects[t] for t in supports])


@transaction.atomic
def load_showcase(home) -> dict[str, int]:
    """Create the demo events, projects, awards and support organisations once; returns what exists."""
    from areas.loader import load_areas

    districts = load_areas()
    past, _upcoming = _events(home)
    projects = _projects(districts)
    _registrations(past, projects)
    _awards(past, projects)
    _organisations(districts, projects)
    return {
        "events": EventPage.objects.count(),
        "projects": StartupProject.objects.count(),
        "registrations": Registration.objects.count(),
        "awards": Award.objects.count(),
        "organisations": SupportOrganisation.objects.count(),
    }
