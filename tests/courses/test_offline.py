"""Offline learning: the installable site, saved courses, the sync of what was done with no signal."""

import json

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def _csp(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


def test_the_manifest_is_vietnamese_and_served_as_a_manifest(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["lang"] == "vi" and data["name"] == "Giảng viên khởi nghiệp"
    assert data["display"] == "standalone" and data["start_url"] == "/"
    for icon in data["icons"]:
        assert finders.find(icon["src"].removeprefix(settings.STATIC_URL))


def test_the_service_worker_is_served_for_the_whole_site_with_the_content_version(client):
    from core.page_cache import content_version

    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    assert f'const VERSION = "{content_version()}";' in response.content.decode()
    assert len(response.content) < 5_000  # a few KB, no framework
    # The policy stays strict: scripts only from this site's files, workers and manifests too.
    policy = _csp(response)
    assert policy["script-src"] == "script-src 'self'" and policy["default-src"] == "default-src 'self'"
    assert "worker-src" not in policy and "manifest-src" not in policy  # default-src 'self' covers both


def test_every_page_links_the_manifest_and_loads_the_offline_script_deferred(client, home):
    html = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<script src="/static/js/offline.js" defer></script>' in html
    assert "<script>" not in html  # no inline script: the policy would refuse it


def test_logging_out_clears_what_the_site_saved_on_the_phone(client, learner):
    client.force_login(learner)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
