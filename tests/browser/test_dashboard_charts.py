"""The dashboard's charts as Chart.js draws them on the demo data: legible lines, whole-number and 0–100 % axes."""

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

READ_CHARTS = """
() => {
  const chart = (key) => window.Chart.getChart(document.getElementById("chart-" + key));
  const certified = chart("certified"), completion = chart("completion"), reach = chart("reach");
  return {
    others: document.getElementById("chart-certified").dataset.othersLabel,
    lines: certified.data.datasets.map((d) => d.label),
    certifiedPrecision: certified.options.scales.y.ticks.precision,
    reachPrecision: reach.options.scales.y.ticks.precision,
    completionMin: completion.options.scales.x.min,
    completionMax: completion.options.scales.x.max,
  };
}
"""


def test_the_dashboard_charts_are_legible(page, live_server, shoot, committed_demo):
    from accounts.models import User

    User.objects.create_superuser(email="root@example.org", password="pass-word-123", full_name="Quản trị")
    crashes: list[str] = []
    page.on("pageerror", lambda e: crashes.append(str(e)))
    page.goto(live_server.url + "/admin/login/")
    page.fill("[name=username]", "root@example.org")
    page.fill("[name=password]", "pass-word-123")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state("networkidle")
    page.goto(live_server.url + "/admin/reports/?date_from=2021-01-01")
    expect(page.locator("#chart-certified")).to_be_visible()
    charts = page.evaluate(READ_CHARTS)
    page.locator("#report-certified").scroll_into_view_if_needed()
    shoot("dashboard")
    page.locator("#report-certified .report__chart").screenshot(path=str(ARTIFACTS / "dashboard-certified-chart.png"))
    assert not crashes
    # Eighteen district lines would be unreadable: the total, the five largest districts, the others.
    assert len(charts["lines"]) == 7 and charts["lines"][-1] == charts["others"], charts["lines"]
    assert charts["certifiedPrecision"] == 0 and charts["reachPrecision"] == 0
    assert (charts["completionMin"], charts["completionMax"]) == (0, 100)
    table = page.locator(".report__table").first
    table.focus()
    expect(table).to_be_focused()
