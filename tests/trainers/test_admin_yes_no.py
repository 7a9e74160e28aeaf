"""Booleans in the admin read "Có"/"Không", never Python's True/False (listing cells, filters, inspect views)."""

import re

import pytest

from .factories import TrainingSessionFactory, areas, province_admin

pytestmark = pytest.mark.django_db
BOOLEAN = re.compile(r"\b(True|False)\b")


@pytest.fixture
def admin_with_sessions(db):
    a = areas()
    TrainingSessionFactory(area=a["Duy Xuyên"], is_tot=True, title="Lớp ToT Duy Xuyên")
    session = TrainingSessionFactory(area=a["Hội An"], is_tot=False, title="Lớp Hội An")
    return province_admin(a["province"]), session


def test_the_sessions_listing_and_its_filter_say_yes_or_no(client, admin_with_sessions):
    admin, _session = admin_with_sessions
    client.force_login(admin)
    listing = client.get("/admin/training/sessions/").content.decode()
    assert not BOOLEAN.search(re.sub(r"<script.*?</script>", "", listing, flags=re.S))
    said = re.findall(r'<span class="w-sr-only">\s*(\S+)\s*</span>', listing)
    assert "Có" in said and "Không" in said
    filtered = client.get("/admin/training/sessions/", {"is_tot": "true"}).content.decode()
    assert re.search(r"Lớp ToT\s*:\s*Có", re.sub(r"<[^>]+>", " ", filtered))


def test_the_inspect_view_says_no(client, admin_with_sessions):
    admin, session = admin_with_sessions
    client.force_login(admin)
    page = client.get(f"/admin/training/sessions/inspect/{session.pk}/").content.decode()
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", page, flags=re.S))
    assert "Không" in text and not BOOLEAN.search(text)
