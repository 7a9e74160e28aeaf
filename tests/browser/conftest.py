import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser; no network beyond loopback."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A cheap phone: small screen, touch."""
    return {
        **browser_context_args,
        "viewport": {"width": 360, "height": 740},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
        "locale": "vi-VN",
        "accept_downloads": True,
    }


@pytest.fixture
def shoot(page, request):
    """Save a screenshot as a test artefact: shoot("step-name")."""
    ARTIFACTS.mkdir(exist_ok=True)

    test_name = re.sub(r"[^\w.-]+", "_", request.node.name)

    def take(name: str):
        page.screenshot(path=str(ARTIFACTS / f"{test_name}-{name}.png"), full_page=True)

    return take
