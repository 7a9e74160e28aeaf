"""Read a site's database from outside: do the demo accounts log in, and what do the reports say?

Run in a child process against the database in DATABASE_URL (tests/deploy):
    python tests/deploy/site_probe.py        # prints one JSON object
Logins go through the login page over Django's test client (the real form, axes and all); the figures
are every dashboard report for the province administrator and the home page's public strip.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from accounts.models import User  # noqa: E402
from home.management.commands.load_demo_data import DEMO_PASSWORD  # noqa: E402
from reports.figures import ReportFilters, all_reports, public_statistics  # noqa: E402

DEMO_ACCOUNTS = [
    "learner@example.org",
    "trainer@example.org",
    "editor@example.org",
    "district.admin@example.org",
    "province.admin@example.org",
]


def logs_in(email: str) -> bool:
    client = Client(HTTP_HOST="localhost")
    client.post("/accounts/login/", {"username": email, "password": DEMO_PASSWORD})
    return "_auth_user_id" in client.session


def figures() -> dict:
    viewer = User.objects.get(email="province.admin@example.org")
    reports = {
        report.key: {"headings": [str(h) for h in report.headings], "rows": report.rows}
        for report in all_reports(ReportFilters(), viewer)
    }
    return {"reports": reports, "public": public_statistics()}


if __name__ == "__main__":
    result = {"logins": {email: logs_in(email) for email in DEMO_ACCOUNTS}, **figures()}
    print(json.dumps(result, default=str, ensure_ascii=False, sort_keys=True))
