"""Certified trainers by district and generation: a hand count, the district administrator's share of it."""

import datetime

import pytest
from django.urls import reverse

from reports.figures import ReportFilters
from reports.generations import certified_by_generation
from tests.trainers.factories import district_admin

from . import test_figures

pytestmark = pytest.mark.django_db
programme = test_figures.programme  # the hand-counted fixture
END_2025 = ReportFilters(date_to=datetime.date(2025, 12, 31))


def by_label(report) -> dict:
    return {row[0]: row[1:] for row in report.rows}


def test_certified_trainers_by_district_and_generation_by_hand(programme):
    # On 31/12/2025: Trainer One (Duy Xuyên, generation 1, master since 2024), Trainer Two (Hội An, generation 2)
    # and Trainer Three (Duy Hòa, a commune of the former Duy Xuyên, generation 3, certified 10/01/2025 and
    # leading a session in August 2025: the only one active in 2025). Trainer Five's certificate was revoked;
    # Four is a candidate.
    report = certified_by_generation(END_2025, programme["province_admin"])
    assert report.headings[1:4] == ["Thế hệ 1", "Thế hệ 2", "Thế hệ 3"]
    rows = by_label(report)
    assert rows["Duy Xuyên"] == [1, 0, 1, 2, 1]
    assert rows["Hội An"] == [0, 1, 0, 1, 0]
    assert rows["Tổng cộng"] == [1, 1, 1, 3, 1]


def test_a_district_admin_sees_only_their_district(client, programme):
    client.force_login(district_admin(programme["dx"]))
    page = client.get("/admin/reports/", {"date_to": "2025-12-31"})
    report = next(s["report"] for s in page.context["sections"] if s["report"].key == "generation_areas")
    rows = by_label(report)
    assert set(rows) == {"Duy Xuyên", "Tổng cộng"}
    assert rows["Tổng cộng"][-2:] == [2, 1]
    text = client.get(reverse("trainers_reports:export", args=["generation_areas", "csv"]), {"date_to": "2025-12-31"})
    assert "Hội An" not in text.content.decode("utf-8-sig")
