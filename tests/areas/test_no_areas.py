"""Without areas, registration and the reports say what to run instead of working half."""

import pytest

from areas.loader import load_area_tree

pytestmark = pytest.mark.django_db
COMMAND = "lms-manage load_areas"


@pytest.fixture
def areas_required(settings):
    settings.AREAS_REQUIRED = True  # as in every settings module but the tests'
    return settings


@pytest.mark.parametrize(
    "url", ["/accounts/register/", "/en/accounts/register/", "/admin/reports/", "/admin/reports/learning-gain/"]
)
def test_registration_and_reports_refuse_with_the_command_to_run(areas_required, client, superuser, url):
    if url.startswith("/admin/"):
        client.force_login(superuser)
    response = client.get(url)
    assert response.status_code == 503
    html = response.content.decode()
    assert COMMAND in html and "--units" in html
    if not url.startswith("/en/"):
        assert "Chưa có đơn vị hành chính" in html


def test_an_export_is_refused_too(areas_required, client, superuser):
    client.force_login(superuser)
    assert client.get("/admin/reports/export/trainers.csv").status_code == 503


def test_with_areas_registration_and_reports_work(areas_required, client, superuser, django_assert_max_num_queries):
    load_area_tree()
    response = client.get("/accounts/register/")
    assert response.status_code == 200 and COMMAND not in response.content.decode()
    client.force_login(superuser)
    assert client.get("/admin/reports/").status_code == 200


def test_other_pages_are_not_held_up(areas_required, client, home):
    assert client.get("/").status_code == 200
    assert client.get("/accounts/login/").status_code == 200
