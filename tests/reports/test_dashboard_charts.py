"""The dashboard's charts and tables: percent axes marked, wide tables reachable by keyboard, no inline script."""

import re

import pytest
from django.contrib.staticfiles import finders

from . import test_figures as test_reports

pytestmark = pytest.mark.django_db
programme = test_reports.programme


def test_tables_are_labelled_focusable_regions_and_completion_is_a_percentage(client, programme):
    client.force_login(programme["province_admin"])
    html = client.get("/admin/reports/").content.decode()
    regions = re.findall(r'<div class="report__table" tabindex="0" role="region" aria-label="([^"]+)">', html)
    assert len(regions) == html.count('<table class="listing"') and regions
    assert all(label.strip() for label in regions)
    completion = re.search(r'<canvas id="chart-completion"[^>]*>', html).group(0)
    assert 'data-unit="percent"' in completion and "data-others-label=" in completion
    assert 'data-unit="percent"' not in re.search(r'<canvas id="chart-certified"[^>]*>', html).group(0)


def test_the_chart_script_uses_whole_number_ticks_and_groups_the_smaller_districts():
    script = open(finders.find("trainers/js/dashboard.js"), encoding="utf-8").read()
    assert "precision: 0" in script  # no "0,5 người"
    assert "min: 0, max: 100" in script  # completion rates on a 0–100 % axis
    assert "TOP_LINES = 5" in script and "othersLabel" in script
