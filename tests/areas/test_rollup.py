"""The one rule of what counts under an area (areas.rollup), and every scoped table following it.

Rule, stated once: a former district covers its communes, every later unit formed from them and the
districts merged into it; any other unit covers the units below it and its predecessors; a unit
formed from two districts' communes counts under the district whose commune's code it kept.
A district administrator sees exactly what the reports count under their district.
"""

import datetime

import pytest
from django.urls import reverse

from areas.models import Area
from areas.rollup import AreaTree
from reports.figures import ReportFilters, report_scope
from reports.models import FirstReach
from tests.areas.reform import REFORM, reform_tree
from tests.trainers.factories import (
    ParticipantFactory,
    ProfileFactory,
    TrainerFactory,
    TrainingSessionFactory,
    UserFactory,
    district_admin,
    province_admin,
)
from trainers.models import Certificate, Profile, Trainer
from trainers.services import certification_issue
from training.models import TrainingSession

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def tree():
    found = reform_tree()
    # A today's unit formed from a Duy Xuyên commune and a Hội An unit, keeping Duy Vinh's code.
    found["Hội An commune"] = Area.objects.create(
        code="20999", name="Cẩm Kim", kind=Area.COMMUNE, parent=found["Hội An"], valid_to=D(2025, 6, 30)
    )
    found["Xã Cross"] = Area.objects.create(
        code="20632",
        name="Xã Liên Kết",
        kind=Area.COMMUNE,
        parent=found["province"].successors.get(),
        valid_from=REFORM,
    )
    duy_vinh = Area.objects.get(code="20632", valid_from=None)
    duy_vinh.successors.set([found["Xã Cross"]])
    found["Hội An commune"].successors.add(found["Xã Cross"])
    return found


def test_former_district_covers_communes_and_units_formed_from_them(tree):
    members = AreaTree().members(tree["Duy Xuyên"])
    assert {tree["Duy Hòa"].pk, tree["Duy Thu"].pk, tree["Xã Thu Bồn"].pk} <= members
    assert tree["Hội An"].pk not in members


def test_a_merged_district_counts_under_the_district_that_took_it_over(tree):
    assert tree["Nông Sơn"].pk in AreaTree().members(tree["Quế Sơn"])
    assert tree["Quế Sơn"].pk not in AreaTree().members(tree["Nông Sơn"])


def test_todays_unit_covers_its_predecessors_not_the_split_district(tree):
    members = AreaTree().members(tree["Xã Thu Bồn"])
    assert {tree["Duy Hòa"].pk, tree["Duy Thu"].pk} <= members  # Duy Thu through Duy Tân
    assert tree["Duy Xuyên"].pk not in members  # split into four units: its own records stay district-level


def test_unit_from_two_districts_counts_once_under_the_kept_code(tree):
    index = AreaTree()
    assert index.district_of[tree["Xã Cross"].pk] == tree["Duy Xuyên"].pk
    assert tree["Xã Cross"].pk in index.members(tree["Duy Xuyên"])
    assert tree["Xã Cross"].pk not in index.members(tree["Hội An"])
    # Its own predecessors' records still count under it.
    assert tree["Hội An commune"].pk in index.members(tree["Xã Cross"])


@pytest.mark.parametrize("district", ["Duy Xuyên", "Quế Sơn", "Xã Thu Bồn", "Hội An"])
def test_district_admin_sees_exactly_what_reports_count_under_their_area(tree, district):
    """For every area-scoped table: visible_to(admin) == rows whose area the reports count under it."""
    places = [tree[name] for name in ("Duy Xuyên", "Duy Hòa", "Duy Thu", "Xã Thu Bồn", "Nông Sơn", "Hội An")]
    places += [tree["Xã Cross"], tree["Hội An commune"]]
    for place in places:
        session = TrainingSessionFactory(area=place, starts_on=D(2024, 5, 1), ends_on=D(2024, 5, 2))
        trainer = TrainerFactory(home_area=place)
        ProfileFactory(user=trainer.person, area=place)
        ParticipantFactory(session=session, person=trainer.person)
        certification_issue(person=trainer.person, kind=Certificate.TRAINER, trainer_level=Trainer.CORE, area=place)
    # A person whose former commune (Duy Hòa, Duy Xuyên) and stored place (Hội An) disagree: filed under the commune.
    moved = ProfileFactory(commune=tree["Duy Hòa"], area=tree["Hội An"]).user
    ParticipantFactory(session=session, person=moved)
    admin = district_admin(tree[district], email=f"admin-{tree[district].pk}@example.org")
    counted = report_scope(ReportFilters(), admin).area_ids
    assert counted == AreaTree().members(tree[district])
    for model, field in [
        (TrainingSession, "area"),
        (Trainer, "home_area"),
        (Certificate, "area"),
    ]:
        visible = set(model.objects.visible_to(admin).values_list("pk", flat=True))
        reported = set(model.objects.filter(**{f"{field}__in": counted}).values_list("pk", flat=True))
        assert visible == reported, model.__name__
        assert visible, model.__name__
    # People: the profiles an administrator sees are those of the people the reports count under the area.
    visible = set(Profile.objects.visible_to(admin).exclude(user=admin).values_list("pk", flat=True))
    reported = set(FirstReach.objects.filter(area__in=counted).values_list("profile_id", flat=True))
    assert visible == reported and visible
    assert (moved.profile.pk in visible) == (district in ("Duy Xuyên", "Xã Thu Bồn"))
    # And the province filtered to the area counts the same set.
    everyone = province_admin(tree["province"], email="p@example.org")
    assert report_scope(ReportFilters(area=tree[district]), everyone).area_ids == counted


@pytest.mark.parametrize("district", ["Duy Xuyên", "Quế Sơn", "Xã Thu Bồn"])
def test_showcase_records_follow_the_same_rule(tree, district, home):
    """Projects, events and registrations: visible_to(admin) == what the reports count under the area."""
    import itertools

    from reports.figures import progress_against_targets
    from reports.models import HEADLINE_YEARS, Target
    from showcase.models import EventPage, Registration, StartupProject
    from tests.showcase.factories import ProjectFactory, make_event

    phones = itertools.count(901000000)
    places = [tree[name] for name in ("Duy Xuyên", "Duy Hòa", "Duy Thu", "Xã Thu Bồn", "Nông Sơn", "Hội An")]
    places += [tree["Xã Cross"], tree["Hội An commune"]]
    for place in places:
        ProjectFactory(area=place)
        event = make_event(home, area=place)
        Registration.objects.create(event=event, full_name="Khách", phone=f"0{next(phones)}")
    admin = district_admin(tree[district], email=f"admin-{tree[district].pk}@example.org")
    counted = report_scope(ReportFilters(), admin).area_ids
    assert counted == AreaTree().members(tree[district])
    for model, field in [(StartupProject, "area"), (EventPage, "area"), (Registration, "event__area")]:
        visible = set(model.objects.visible_to(admin).values_list("pk", flat=True))
        reported = set(model.objects.filter(**{f"{field}__in": counted}).values_list("pk", flat=True))
        assert visible == reported, model.__name__
        assert visible, model.__name__
    # The targets report's "startup projects" for the area counts the projects its administrator sees.
    Target.objects.create(status=Target.APPROVED, area=tree[district], year=HEADLINE_YEARS[-1], startup_projects=9)
    everyone = province_admin(tree["province"], email="p@example.org")
    label = str(dict(Target.INDICATORS)["startup_projects"])
    report = progress_against_targets(ReportFilters(), everyone)
    (value,) = [row[2 + 4 * (len(HEADLINE_YEARS) - 1)] for row in report.rows if row[1] == label]
    assert value == StartupProject.objects.visible_to(admin).count()


def test_district_admins_are_reminded_of_certificates_filed_under_todays_units_and_merged_districts(
    tree, django_capture_on_commit_callbacks
):
    """Who answers for a record (reverse roll-up): Duy Xuyên for Xã Thu Bồn, Quế Sơn for Nông Sơn."""
    from django.core import mail
    from django.utils import timezone

    from trainers import tasks

    dx_admin = district_admin(tree["Duy Xuyên"], email="dx@example.org")
    qs_admin = district_admin(tree["Quế Sơn"], email="qs@example.org")
    district_admin(tree["Hội An"], email="hoian@example.org")
    today = timezone.localdate()
    for place in ("Xã Thu Bồn", "Nông Sơn"):
        trainer = TrainerFactory(home_area=tree[place], person__email=f"gv-{tree[place].pk}@example.org")
        certificate = certification_issue(
            person=trainer.person, kind=Certificate.TRAINER, trainer_level=Trainer.CORE, area=tree[place]
        )
        Certificate.objects.filter(pk=certificate.pk).update(expires_on=today + datetime.timedelta(days=10))
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.queue_expiry_reminders.delay().get()
    admin_mail = sorted(
        m.to[0] for m in mail.outbox if m.to[0] in {dx_admin.email, qs_admin.email, "hoian@example.org"}
    )
    assert admin_mail == ["dx@example.org", "qs@example.org"]


def test_an_import_for_a_todays_commune_files_people_under_its_former_district(tree):
    from training.attendance_import.match import home_district

    assert home_district(tree["Xã Thu Bồn"]) == tree["Duy Xuyên"]
    assert home_district(tree["Duy Hòa"]) == tree["Duy Xuyên"]
    assert home_district(tree["Xã Cross"]) == tree["Duy Xuyên"]  # kept Duy Vinh's code
    assert home_district(tree["province"]) == tree["province"]


def test_duy_xuyen_admin_sees_records_filed_under_todays_communes(tree, client):
    session = TrainingSessionFactory(area=tree["Xã Thu Bồn"], starts_on=D(2025, 8, 1), ends_on=D(2025, 8, 2))
    other = TrainingSessionFactory(area=tree["Hội An"], starts_on=D(2025, 8, 1), ends_on=D(2025, 8, 2))
    client.force_login(district_admin(tree["Duy Xuyên"]))
    assert client.get(reverse("training_session:edit", args=[session.pk])).status_code == 200
    assert client.get(reverse("training_session:edit", args=[other.pk])).status_code in (302, 403, 404)


def test_directory_filter_uses_the_same_rule(tree, client):
    person = UserFactory(full_name="Người Thu Bồn")
    TrainerFactory(person=person, home_area=tree["Xã Thu Bồn"])
    certification_issue(person=person, kind=Certificate.TRAINER, trainer_level=Trainer.CORE, area=tree["Xã Thu Bồn"])
    listed = client.get(reverse("trainers:directory"), {"district": tree["Duy Xuyên"].pk})
    assert "Người Thu Bồn" in listed.content.decode()
    assert (
        "Người Thu Bồn"
        not in client.get(reverse("trainers:directory"), {"district": tree["Hội An"].pk}).content.decode()
    )


def test_home_strip_directory_and_dashboard_agree_on_certified_trainers(tree, client):
    """One rule (Trainer.objects.certified): an expired, a revoked and a candidate's certificate count nowhere."""
    from django.core.cache import cache
    from django.utils import timezone

    from reports.figures import certified_trainers_by_month, progress_against_targets, public_statistics
    from trainers.services import certificate_revoke

    today = timezone.localdate()
    dx = tree["Duy Xuyên"]
    for name, level, issued_on in [
        ("Đang hiệu lực", Trainer.CORE, today - datetime.timedelta(days=30)),
        ("Đã hết hạn", Trainer.CORE, today - datetime.timedelta(days=4 * 365)),
        ("Bị thu hồi", Trainer.MASTER, today - datetime.timedelta(days=30)),
        ("Ứng viên", Trainer.CANDIDATE, today - datetime.timedelta(days=30)),
    ]:
        person = UserFactory(full_name=name)
        TrainerFactory(person=person, home_area=tree["Duy Hòa"], level=level)
        certificate = certification_issue(
            person=person, kind=Certificate.TRAINER, trainer_level=Trainer.CORE, area=dx, issued_on=issued_on
        )
        if name == "Bị thu hồi":
            certificate_revoke(certificate=certificate, reason="Cấp nhầm", by=None)
    cache.clear()
    admin = province_admin(tree["province"], email="p@example.org")

    strip = public_statistics()["certified_trainers"]
    directory = client.get(reverse("trainers:directory")).context["page_obj"].paginator.count
    series = certified_trainers_by_month(ReportFilters(), admin)
    dashboard_today = series.rows[-1][-1]
    from reports.models import Target

    Target.objects.create(status=Target.APPROVED, area=dx, year=2030, certified_trainers=5)
    targets = progress_against_targets(ReportFilters(), admin)
    label = str(dict(Target.INDICATORS)["certified_trainers"])
    target_value = next(r for r in targets.rows if r[0] == dx.name and r[1] == label)[6]
    assert strip == directory == dashboard_today == target_value == Trainer.objects.certified().count() == 1
    # The district admin's dashboard equals the province's row for the district.
    mine = certified_trainers_by_month(ReportFilters(), district_admin(dx, email="dx@example.org"))
    assert next(r for r in series.rows if r[0] == dx.name) == mine.rows[0]


def test_a_trainer_certified_in_nong_son_in_2024_counts_under_que_son_in_every_figure(tree, client):
    """Nông Sơn was merged into Quế Sơn on 2025-01-01: the monthly series, the targets row and the directory
    all count its trainers under Quế Sơn, in every month, and show no Nông Sơn row."""
    from reports.figures import certified_trainers_by_month, progress_against_targets
    from reports.models import Target

    ninh_phuoc = Area.objects.get(code="20668", valid_from=None)  # a Nông Sơn commune until 2024-12-31
    assert AreaTree().district(ninh_phuoc) == tree["Nông Sơn"]
    person = UserFactory(full_name="Người Nông Sơn")
    TrainerFactory(person=person, home_area=ninh_phuoc, level=Trainer.CORE)
    issued = D(2024, 5, 10)
    certification_issue(
        person=person, kind=Certificate.TRAINER, trainer_level=Trainer.CORE, area=ninh_phuoc, issued_on=issued
    )
    Target.objects.create(area=tree["Quế Sơn"], year=2030, certified_trainers=3, status=Target.APPROVED)
    province = province_admin(tree["province"], email="p@example.org")
    filters = ReportFilters(date_from=D(2024, 1, 1), date_to=D(2025, 3, 31))

    series = certified_trainers_by_month(filters, province)
    rows = {r[0]: r[1:] for r in series.rows}
    assert "Nông Sơn" not in rows
    assert rows["Quế Sơn"] == [0] * 4 + [1] * 11  # from May 2024, before and after the merger alike
    assert series.rows[-1][1:] == rows["Quế Sơn"]
    label = str(dict(Target.INDICATORS)["certified_trainers"])
    targets = progress_against_targets(filters, province)
    assert next(r for r in targets.rows if r[0] == "Quế Sơn" and r[1] == label)[6] == rows["Quế Sơn"][-1] == 1
    listed = client.get(reverse("trainers:directory"), {"district": tree["Quế Sơn"].pk})
    assert "Người Nông Sơn" in listed.content.decode()
    # Quế Sơn's administrator sees the same row.
    mine = certified_trainers_by_month(filters, district_admin(tree["Quế Sơn"], email="qs@example.org"))
    assert mine.rows[0] == ["Quế Sơn", *rows["Quế Sơn"]]
