"""Every picture a guide shows is in static/guides/, and the browser test takes each of them.

An ordinary test run writes its screenshots to test-artifacts/ (tests/browser/test_guides.py), so the
committed pictures are the only ones the guides have: this checks they are all there.
"""

import re
from pathlib import Path

import pytest
from django.test import Client

from home.guides import ROLES

ROOT = Path(__file__).resolve().parents[1]
FIGURE = re.compile(r'_figure\.html" with name="([^"]+)"')
SHOT = re.compile(r'shot\(page, "([^"]+)"\)')


def shown() -> set[str]:
    return {
        name for role in ROLES for name in FIGURE.findall((ROOT / f"templates/home/guides/{role}.html").read_text())
    }


def test_every_picture_a_guide_shows_is_committed_and_retaken_by_the_browser_test():
    names = shown()
    assert len(names) >= len(ROLES)
    assert {name for name in names if not (ROOT / "static" / "guides" / f"{name}.png").is_file()} == set()
    assert names <= set(SHOT.findall((ROOT / "tests" / "browser" / "test_guides.py").read_text()))


@pytest.mark.django_db
def test_the_guides_link_the_pictures():
    client = Client()
    pages = "".join(client.get(f"/guides/{role}/").content.decode() for role in ROLES)
    assert {name for name in shown() if f"guides/{name}.png" not in pages} == set()
