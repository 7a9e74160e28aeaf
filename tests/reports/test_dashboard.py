"""The reports dashboard in the Wagtail admin: who may see it, what a district admin sees, and the exports."""

import csv
import datetime
import io
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from openpyxl import load_workbook

from home.models import STATISTICS_CACHE_KEY
from reports.figures import REPORTS, ReportFilters, all_reports
from reports.models import Target
from tests.trainers.factories import district_admin

from . import test_figures as test_reports

pytestmark = pytest.mark.django_db
programme = test_reports.programme  # the hand-counted fixture
URL = "/admin/reports/"


def chart_data(html: str, key: str) -> dict:
    match = re.search(rf'<script id="chart-data-{key}" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_learners_are_refused(client, learner):
    client.force_login(learner)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert client.get(reverse("trainers_reports:export", args=["reach", "csv"])).status_code in (302, 403)


def refused(response) -> bool:
    """Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_staff_without_an_admin_scope_are_refused(client, trainer):
    client.force_login(trainer)
    assert refused(client.get(URL))
    assert refused(client.get(reverse("trainers_reports:export", args=["reach", "csv"])))


def test_province_admin_sees_every_district_with_charts_and_tables(client, programme):
    client.force_login(programme["province_admin"])
    response = client.get(URL, {"date_to": "2025-12-31"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<script src="/static/vendor/chart.js/chart.umd.js"' in html
    assert all(src.startswith("/") for src in re.findall(r'<script[^>]+src="([^"]+)"', html))  # no CDN
    for key in ("certified", "targets", "reach", "completion", "generations", "cascade"):
        assert f'id="chart-data-{key}"' in html
        assert f'data-report="{key}"' in html
    assert 'data-report="expiring"' not in html  # nothing expires in the fixture: no empty table
    reach = chart_data(html, "reach")
    female = reach["datasets"][0]  # female, male, other, not stated
    assert sum(female["data"]) == 1 + 2 + 1  # youth p1, students p1 p4, women p3
    assert "Hội An" in html and "Duy Xuyên" in html
    assert 'class="status status--green"' in html and 'class="status status--red"' in html
    assert 'href="/admin/reports/"' in html  # the menu item


def test_district_admin_sees_only_their_district(client, programme):
    admin = district_admin(programme["dx"])
    client.force_login(admin)
    response = client.get(URL, {"date_to": "2025-12-31"})
    assert response.status_code == 200
    html = response.content.decode()
    form = response.context["form"]
    choices = {str(a) for a in form.areas.values()}
    assert any("Duy Xuyên" in c for c in choices) and not any("Hội An" in c for c in choices)
    certified = chart_data(html, "certified")
    assert {d["label"] for d in certified["datasets"]} <= {"Tổng cộng", "Duy Xuyên", "Total"}
    assert "Hội An" not in html
    # Asking for another district through the URL is ignored by the form (not a choice).
    other = client.get(URL, {"area": programme["ha"].pk})
    assert other.status_code == 200 and "Hội An" not in other.content.decode()


def test_narrowing_to_a_district_shows_every_report_as_its_administrator_sees_it(client, programme):
    """The reports' area filter is one rule (what the viewer may see, within the chosen area rolled up)."""

    def reports(params: dict) -> dict:
        response = client.get(URL, {"date_to": "2025-12-31", **params})
        return {s["report"].key: s["report"].rows for s in response.context["sections"]}

    client.force_login(programme["province_admin"])
    narrowed = reports({"area": programme["dx"].pk})
    client.force_login(district_admin(programme["dx"]))
    own = reports({})
    assert narrowed == own
    assert own["certified"][0][0] == "Duy Xuyên" and own.keys() == REPORTS.keys()  # every report, narrowed alike


def test_invalid_date_range_shows_an_error(client, programme):
    client.force_login(programme["province_admin"])
    response = client.get(URL, {"date_from": "2025-01-01", "date_to": "2024-01-01"})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_filter_by_todays_unit_through_the_page(client, programme):
    client.force_login(programme["province_admin"])
    response = client.get(URL, {"area": programme["thu_bon"].pk})
    rows = {r[0]: r for r in next(s["report"] for s in response.context["sections"] if s["report"].key == "reach").rows}
    assert rows[list(rows)[-1]][1:] == [2, 0, 0, 0, 2]  # p1 (Duy Hòa) and p4 (Xã Thu Bồn)


@pytest.mark.parametrize(
    "key",
    [
        "certified",
        "targets",
        "reach",
        "completion",
        "generations",
        "generation_areas",
        "cascade",
        "projects",
        "pipeline",
        "events",
    ],
)
def test_csv_and_xlsx_exports_hold_the_numbers_on_screen(client, programme, key):
    admin = programme["province_admin"]
    client.force_login(admin)
    query = {"date_from": "2024-01-01", "date_to": "2025-12-31", "area": programme["dx"].pk}
    page = client.get(URL, query)
    screen = next(s["report"] for s in page.context["sections"] if s["report"].key == key)

    response = client.get(reverse("trainers_reports:export", args=[key, "csv"]), query)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    text = response.content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == [screen.title]
    heading_at = lines.index([str(h) for h in screen.headings])
    body = lines[heading_at + 1 :]
    expected = [["" if c is None else str(c) for c in r] for r in screen.rows]
    assert body == expected

    response = client.get(reverse("trainers_reports:export", args=[key, "xlsx"]), query)
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    heading_at = next(
        i
        for i, r in enumerate(values)
        if r[: len(screen.headings)] == tuple(screen.headings)
        or list(r[: len(screen.headings)]) == [str(h) for h in screen.headings]
    )
    body = [[v for v in r[: len(screen.headings)]] for r in values[heading_at + 1 :]]
    assert body == [
        [None if c is None else (c if isinstance(c, int | float) else str(c)) for c in r] for r in screen.rows
    ]


def test_expiring_export_for_a_district_admin(client, programme):
    today = datetime.date.today()
    t1, t2, *_ = programme["trainers"]
    mine = test_reports.certify(
        t1, today - datetime.timedelta(days=500), programme["dx"], expires=today + datetime.timedelta(5)
    )
    test_reports.certify(
        t2, today - datetime.timedelta(days=500), programme["ha"], expires=today + datetime.timedelta(5)
    )
    client.force_login(district_admin(programme["dx"]))
    text = client.get(reverse("trainers_reports:export", args=["expiring", "csv"])).content.decode("utf-8-sig")
    assert mine.number in text and "Hội An" not in text


def test_export_of_unknown_report_is_404(client, programme):
    client.force_login(programme["province_admin"])
    assert client.get(reverse("trainers_reports:export", args=["nope", "csv"])).status_code == 404
    assert client.get(reverse("trainers_reports:export", args=["reach", "pdf"])).status_code == 404


def test_screen_and_report_functions_agree(client, programme):
    client.force_login(programme["province_admin"])
    page = client.get(URL)
    reports = all_reports(ReportFilters(), programme["province_admin"])
    assert [s["report"].rows for s in page.context["sections"]] == [r.rows for r in reports]


def test_chart_js_is_vendored_without_a_missing_source_map():
    path = finders.find("vendor/chart.js/chart.umd.js")
    assert path
    with open(path, encoding="utf-8") as f:
        content = f.read()
    assert "Chart.js v4" in content[:200] and "sourceMappingURL" not in content


# --- Targets admin -------------------------------------------------------------------------------


def test_district_admin_views_own_targets_but_cannot_edit_approved_ones(client, programme):
    admin = district_admin(programme["dx"])
    client.force_login(admin)
    listing = client.get(reverse("target:index"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Duy Xuyên" in html and "Hội An" not in html
    own = Target.objects.get(area=programme["dx"], year=2025)
    other = Target.objects.get(area=programme["ha"], year=2025)
    assert client.get(reverse("target:edit", args=[own.pk])).status_code in (302, 403)
    assert client.get(reverse("target:edit", args=[other.pk])).status_code in (302, 403, 404)
    assert client.get(reverse("target:inspect", args=[other.pk])).status_code == 404
    assert client.get(reverse("target:add")).status_code == 200  # their own plan: tests/reports/test_plans.py


def test_province_admin_enters_a_target(client, programme):
    client.force_login(programme["province_admin"])
    response = client.post(
        reverse("target:add"),
        {
            "area": programme["areas"]["Tam Kỳ"].pk,
            "year": 2030,
            "certified_trainers": 12,
            "people_trained": 800,
            "women_reached": 400,
            "students_reached": 300,
            "startup_projects": 10,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entered = Target.objects.get(area=programme["areas"]["Tam Kỳ"], year=2030)
    assert (entered.people_trained, entered.status) == (800, Target.APPROVED)  # the province's own: no review
    duplicate = client.post(
        reverse("target:add"),
        {
            "area": programme["areas"]["Tam Kỳ"].pk,
            "year": 2030,
            "certified_trainers": 1,
            "people_trained": 1,
            "women_reached": 1,
            "students_reached": 1,
            "startup_projects": 1,
        },
    )
    assert duplicate.status_code == 200  # the unique (area, year) constraint as a form error


# --- Home page strip -----------------------------------------------------------------------------


def test_home_page_statistics_strip_is_cached(client, programme, django_assert_max_num_queries):
    from django.core.cache import cache

    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert cache.get(STATISTICS_CACHE_KEY) == {
        "certified_trainers": 3,
        "people_trained": 5,
        "districts_covered": 2,
        "projects_published": 0,
        "events_held": 0,
        "awards": 0,
    }
    assert "stats-strip" in html
    Target.objects.all().delete()
    with django_assert_max_num_queries(30) as captured:
        client.get("/")
    assert not any("trainers_certificate" in q["sql"] for q in captured.captured_queries)


# --- Queries -------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewer", ["province_admin", "district_admin"])
def test_the_whole_dashboard_runs_few_queries_and_loads_the_area_tree_once(
    client, programme, viewer, django_assert_max_num_queries
):
    admin = programme["province_admin"] if viewer == "province_admin" else district_admin(programme["dx"])
    client.force_login(admin)
    client.get(URL)  # warm per-process caches (content types, site)
    # Ten reports in ten queries (the two cascade reports share one statement), the filter form's
    # courses, the viewer's scope and the area tree (once), and Wagtail's own (permissions, profile,
    # locale, menu): 50 before the tree was shared, 21 before the cascade reports shared theirs; one more
    # since the cascade shows which trainers were active (`Trainer.objects.certification_active`); two more
    # for certified trainers by district and generation (reports/generations.py).
    with django_assert_max_num_queries(23) as captured:
        response = client.get(URL, {"date_to": "2025-12-31"})
    assert response.status_code == 200
    area_loads = [q for q in captured.captured_queries if 'FROM "trainers_area" ' in q["sql"] + " "]
    assert len(area_loads) == 1, [q["sql"][:120] for q in area_loads]
