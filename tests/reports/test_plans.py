"""District plans in the admin: a district drafts and submits its targets, the province approves or returns them,
and only approved targets count in the targets report; a finished year reads met or not met."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from reports.figures import ReportFilters, progress_against_targets
from reports.models import Target
from reports.plans import target_status
from tests.trainers.factories import district_admin

from . import test_figures

pytestmark = pytest.mark.django_db
programme = test_figures.programme  # the hand-counted fixture

PLAN = {
    "year": 2030,
    "certified_trainers": 7,
    "people_trained": 90,
    "women_reached": 40,
    "students_reached": 30,
    "startup_projects": 3,
}


def refused(response) -> bool:
    """Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard and a message."""
    return response.status_code in (403, 404) or (response.status_code == 302 and response["Location"] == "/admin/")


def target_2030_in_report(client, area) -> int:
    """The 2030 certified-trainers target the targets report shows for the area (its CSV export)."""
    response = client.get(reverse("trainers_reports:export", args=["targets", "csv"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    heading = next(i for i, row in enumerate(rows) if len(row) > 2)
    first = next(row for row in rows[heading + 1 :] if row[0] == area.name)  # certified trainers come first
    return int(first[rows[heading].index("Chỉ tiêu 2030")])


def test_district_plan_submitted_then_approved_counts_in_the_targets_report(client, programme):
    dx = programme["dx"]
    Target.objects.filter(area=dx, year=2030).delete()
    admin = district_admin(dx)
    province = programme["province_admin"]

    client.force_login(admin)
    response = client.post(reverse("target:add"), {"area": dx.pk, **PLAN})
    assert response.status_code == 302, response.content.decode()[:2000]
    plan = Target.objects.get(area=dx, year=2030)
    assert plan.status == Target.DRAFT and plan.certified_trainers == 7
    # Still a draft: the district may correct it.
    response = client.post(reverse("target:edit", args=[plan.pk]), {"area": dx.pk, **PLAN, "certified_trainers": 8})
    assert response.status_code == 302
    response = client.post(reverse("target:submit", args=[plan.pk]))
    assert response["Location"] == reverse("target:inspect", args=[plan.pk])
    assert "Đã nộp kế hoạch" in client.get(response["Location"]).content.decode()  # and its messages are read
    plan.refresh_from_db()
    assert (plan.status, plan.submitted_by, plan.certified_trainers) == (Target.SUBMITTED, admin, 8)
    # Submitted: no more edits, and the district cannot approve its own plan.
    assert refused(client.get(reverse("target:edit", args=[plan.pk])))
    assert refused(client.post(reverse("target:edit", args=[plan.pk]), {"area": dx.pk, **PLAN}))
    assert refused(client.post(reverse("target:review", args=[plan.pk]), {"approve": ""}))
    plan.refresh_from_db()
    assert (plan.status, plan.certified_trainers) == (Target.SUBMITTED, 8)

    listing = client.get(reverse("target:index")).content.decode()
    assert reverse("target:inspect", args=[plan.pk]) in listing
    assert reverse("target:edit", args=[plan.pk]) not in listing

    client.force_login(province)
    assert "1 kế hoạch của huyện đang chờ bạn phê duyệt." in client.get("/admin/").content.decode()
    assert target_2030_in_report(client, dx) == 0  # not approved yet: not counted
    assert client.post(reverse("target:review", args=[plan.pk]), {"approve": ""}).status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.reviewed_by) == (Target.APPROVED, province)
    assert target_2030_in_report(client, dx) == 8
    history = client.get(reverse("target:history", args=[plan.pk])).content.decode()
    assert "Đã nộp kế hoạch" in history and "Đã phê duyệt kế hoạch" in history


def test_province_returns_a_plan_with_a_comment_and_the_district_edits_it_again(client, programme):
    dx = programme["dx"]
    admin = district_admin(dx)
    plan = Target.objects.create(area=dx, year=2027, status=Target.SUBMITTED, submitted_by=admin)
    client.force_login(programme["province_admin"])
    response = client.post(reverse("target:review", args=[plan.pk]), {"return": "", "comment": " "})
    assert response.status_code == 200
    assert "Hãy nói rõ huyện cần sửa gì." in response.content.decode()
    response = client.post(reverse("target:review", args=[plan.pk]), {"return": "", "comment": "Quá thấp"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.review_comment) == (Target.RETURNED, "Quá thấp")

    client.force_login(admin)
    assert "1 kế hoạch đã bị trả lại cho bạn." in client.get("/admin/").content.decode()
    assert "Quá thấp" in client.get(reverse("target:inspect", args=[plan.pk])).content.decode()
    response = client.post(reverse("target:edit", args=[plan.pk]), {"area": dx.pk, **PLAN, "year": 2027})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.certified_trainers) == (Target.DRAFT, 7)


def test_another_districts_plan_is_refused(client, programme):
    dx, ha = programme["dx"], programme["ha"]
    theirs = Target.objects.create(area=ha, year=2027, certified_trainers=3)  # a draft
    client.force_login(district_admin(dx))
    assert refused(client.get(reverse("target:edit", args=[theirs.pk])))
    assert refused(client.post(reverse("target:edit", args=[theirs.pk]), {"area": dx.pk, **PLAN}))
    assert refused(client.post(reverse("target:submit", args=[theirs.pk])))
    theirs.refresh_from_db()
    assert (theirs.area, theirs.status, theirs.certified_trainers) == (ha, Target.DRAFT, 3)
    # Nor may they file a plan under another district.
    response = client.post(reverse("target:add"), {"area": ha.pk, **PLAN, "year": 2028})
    assert response.status_code == 200
    assert not Target.objects.filter(year=2028).exists()
    # A year outside the plan (2021–2030) is refused with a message.
    response = client.post(reverse("target:add"), {"area": dx.pk, **PLAN, "year": 2035})
    assert response.status_code == 200
    assert not Target.objects.filter(year=2035).exists()


def test_a_finished_year_behind_its_target_reads_not_met(programme):
    # Duy Xuyên's 2025 target: 4 certified trainers; 2 reached (Trainer One, and Three from Duy Hòa).
    finished = progress_against_targets(ReportFilters(date_to=datetime.date(2026, 3, 1)), programme["province_admin"])
    row = next(r for r in finished.rows if r[0] == programme["dx"].name)
    assert (row[2], row[3], row[5]) == (2, 4, "Không đạt")
    running = progress_against_targets(ReportFilters(date_to=datetime.date(2025, 6, 30)), programme["province_admin"])
    row = next(r for r in running.rows if r[0] == programme["dx"].name)
    assert row[5] in ("Đúng tiến độ", "Chậm tiến độ nhẹ", "Chậm tiến độ")


def test_the_status_rule():
    on = datetime.date(2026, 1, 1)
    assert target_status(3, 4, 2025, on) == ("Không đạt", "red")
    assert target_status(4, 4, 2025, on) == ("Đạt", "green")
    assert target_status(0, 4, 2025, datetime.date(2025, 12, 31))[0] == "Chậm tiến độ"  # the last day still runs
    assert target_status(3, 0, 2025, on)[0] == "Chưa có chỉ tiêu"
