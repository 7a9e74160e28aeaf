"""Showcase rows built through the models and Wagtail's page API."""

import datetime

import factory
from django.utils import timezone

from areas.models import Area
from courses.models import Audience
from showcase.models import Award, EventIndexPage, EventPage, ProjectMember, StartupProject, SupportOrganisation
from tests.trainers.factories import ProfileFactory, UserFactory


def district(name: str = "Duy Xuyên", code: str | None = None) -> Area:
    """A district-level area; the demo tree is not needed for most tests."""
    codes = {"Duy Xuyên": "508", "Tam Kỳ": "502", "Hội An": "503", "Núi Thành": "517"}
    province, _ = Area.objects.get_or_create(
        code="49", valid_from=None, defaults={"name": "Quảng Nam", "kind": "province"}
    )
    area, _ = Area.objects.get_or_create(
        code=code or codes.get(name, "599"),
        valid_from=None,
        defaults={"name": name, "kind": Area.DISTRICT, "parent": province},
    )
    return area


def commune(name: str, parent: Area, code: str) -> Area:
    area, _ = Area.objects.get_or_create(
        code=code, valid_from=None, defaults={"name": name, "kind": Area.COMMUNE, "parent": parent}
    )
    return area


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def event_index(home) -> EventIndexPage:
    existing = EventIndexPage.objects.child_of(home).first()
    return existing or publish(home, EventIndexPage(title="Sự kiện", slug="su-kien"))


_event_counter = iter(range(1, 10_000))


def make_event(home, *, capacity: int = 2, area: Area | None = None, days_ahead: int = 10, **extra) -> EventPage:
    n = next(_event_counter)
    starts = timezone.now() + datetime.timedelta(days=days_ahead)
    page = EventPage(
        title=extra.pop("title", f"Ngày hội khởi nghiệp {n}"),
        slug=f"ngay-hoi-{n}",
        kind=EventPage.STARTUP_DAY,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=8),
        place="Nhà văn hóa huyện, 1 Hùng Vương",
        area=area or district(),
        organiser="Tỉnh đoàn Quảng Nam",
        capacity=capacity,
        **extra,
    )
    return publish(event_index(home), page)


def person(*, gender: str = "female", groups: tuple[str, ...] = (), **user_fields):
    user = UserFactory(**user_fields)
    profile = ProfileFactory(user=user, gender=gender)
    if groups:
        profile.learner_groups.set(Audience.objects.filter(code__in=groups))
    return user


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StartupProject

    title = factory.Sequence(lambda n: f"Dự án khởi nghiệp {n}")
    pitch = "Sản phẩm sạch từ nông trại địa phương, bán trực tuyến cho khách du lịch."
    area = factory.LazyFunction(district)
    sector = "agriculture"
    stage = StartupProject.PROTOTYPE
    origin = StartupProject.OTHER
    status = StartupProject.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


def add_member(project: StartupProject, user, *, lead: bool = False) -> ProjectMember:
    return ProjectMember.objects.create(project=project, person=user, is_lead=lead)


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    project = factory.SubFactory(ProjectFactory)
    title = "Giải Nhất Ngày hội khởi nghiệp"
    rank = Award.FIRST
    year = 2024
    awarded_by = "UBND tỉnh Quảng Nam"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportOrganisation

    name = factory.Sequence(lambda n: f"Vườn ươm khởi nghiệp {n}")
    slug = factory.Sequence(lambda n: f"vuon-uom-{n}")
    kind = SupportOrganisation.INCUBATOR
    summary = "Hỗ trợ ươm tạo dự án khởi nghiệp của thanh niên."
    offers = "Không gian làm việc\nCố vấn"
    contact_email = "lienhe@vuonuom.example.org"
    contact_phone = "0235 3812 345"
