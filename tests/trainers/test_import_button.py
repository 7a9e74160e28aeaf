"""The participant-list upload button: a labelled button with a small icon, not a 300×150 px picture."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from .factories import areas, district_admin

pytestmark = pytest.mark.django_db


def test_the_upload_button_has_a_label_and_a_small_icon(client):
    client.force_login(district_admin(areas()["Duy Xuyên"]))
    html = client.get("/admin/participant-lists/").content.decode()
    button = re.search(r'<button type="submit" class="button[^"]*import-button".*?</button>', html, re.S).group(0)
    label = re.sub(r"<[^>]+>", "", button).strip()
    assert label and label in ("Upload and check", "Tải lên và kiểm tra")
    icon = re.search(r"<svg[^>]*>", button).group(0)
    assert 'width="16"' in icon and 'height="16"' in icon and 'aria-hidden="true"' in icon
    assert '<link rel="stylesheet" href="/static/trainers/css/import.css">' in html
    css = (Path(settings.BASE_DIR) / "static" / "trainers" / "css" / "import.css").read_text()
    assert re.search(r"\.import-button \.icon \{[^}]*width: 1rem", css)
