"""deploy/README.vi.md, step by step, as far as a test machine allows: the steps the guide gives, in its order,
against the test database. nginx and gunicorn for real are tests/test_real_proxy.py's, and so is
`systemd-analyze verify` of every unit in deploy/systemd/ (test_the_systemd_units_are_valid_and_keep_the_app_…).

1. Areas: the shipped files pass `load_areas --check` and `load_areas` loads them (as `migrate` does).
2. The first province administrator: `create_staff --role province_admin`, a one-time link, a password.
   Not a superuser.
3. The province administrator creates a district administrator on the *Staff accounts* screen; the district
   administrator signs in and sees their district's staff screen.
4. The scheduled backup: the timer unit the guide installs is shipped and starts the backup service.
5. /health/ answers with its JSON report.
"""

import json
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import User
from areas.models import AdminScope, Area
from tests.test_staff_accounts import PASSWORD, choose_password, link_in, signs_in

from .conftest import DEPLOY

pytestmark = pytest.mark.django_db
GUIDE = (DEPLOY / "README.vi.md").read_text()


def commands_of(guide: str) -> list[str]:
    """Every line of the guide's shell blocks, in order."""
    return [line.strip() for block in re.findall(r"```bash\n(.*?)```", guide, re.DOTALL) for line in block.splitlines()]


def position(lines: list[str], pattern: str) -> int:
    found = [n for n, line in enumerate(lines) if re.search(pattern, line)]
    assert found, f"the guide gives no command matching {pattern!r}"
    return found[0]


def test_the_guide_gives_the_steps_in_this_order():
    lines = commands_of(GUIDE)
    order = [
        position(lines, r"manage\.py migrate|lms-manage migrate|upgrade\.sh"),
        position(lines, r"create_staff --role province_admin"),
        position(lines, r"systemctl enable --now lms-backup\.timer"),
    ]
    assert order == sorted(order), order
    assert "/health/" in GUIDE and "Tài khoản cán bộ" in GUIDE


def test_following_the_guide_gives_areas_a_province_administrator_a_district_administrator_a_backup_and_health(
    capsys,
):
    # 1. Areas: `migrate` loads the shipped tree (areas/migrations/0003; tests start without it, see
    # tests/conftest.py), and `load_areas` is the guide's command for an install without them.
    call_command("load_areas", "--check")
    call_command("load_areas")
    assert Area.objects.districts().exists() and Area.objects.filter(kind=Area.PROVINCE).exists()

    # 2. The first province administrator, from the guide's own command line.
    (command,) = [line for line in commands_of(GUIDE) if "create_staff --role province_admin" in line]
    args = re.findall(r'"[^"]*"|\S+', command.split("lms-manage ", 1)[1])
    call_command(*(arg.strip('"') for arg in args))
    link = link_in(capsys.readouterr().out)
    phone = re.search(r"--phone (\S+)", command).group(1)
    province_admin = User.objects.get(phone__endswith=phone[1:])
    assert not province_admin.is_superuser and AdminScope.objects.get(user=province_admin).area.kind == Area.PROVINCE
    choose_password(link)
    assert signs_in(phone)

    # 3. They create a district administrator on the Staff accounts screen, in the admin.
    browser = Client()
    assert browser.post(reverse("accounts:login"), {"username": phone, "password": PASSWORD}).status_code == 302
    assert reverse("lms_staff:index") in browser.get(reverse("wagtailadmin_home")).content.decode()
    duy_xuyen = Area.objects.districts().get(name="Duy Xuyên")
    made = browser.post(
        reverse("lms_staff:create"),
        {"role": "district_admin", "full_name": "Phạm Văn Hùng", "email": "hung@example.org", "area": duy_xuyen.pk},
    )
    assert made.status_code == 200
    choose_password(link_in(made.content.decode()))
    assert signs_in("hung@example.org")
    district = Client()
    assert (
        district.post(reverse("accounts:login"), {"username": "hung@example.org", "password": PASSWORD}).status_code
        == 302
    )
    assert district.get(reverse("lms_staff:index")).status_code == 200

    # 4. A scheduled backup: the timer the guide enables starts the shipped backup service.
    timer = (DEPLOY / "systemd" / "lms-backup.timer").read_text()
    assert re.search(r"^OnCalendar=\S+", timer, re.MULTILINE) and "Persistent=true" in timer
    unit = re.search(r"^Unit=(\S+)$", timer, re.MULTILINE)
    assert (DEPLOY / "systemd" / (unit.group(1) if unit else "lms-backup.service")).exists()

    # 5. /health/ answers (503 here: no worker or beat has beaten in this test), with every check named.
    health = Client().get("/health/")
    assert health.status_code in (200, 503)
    assert {"database", "cache"} <= set(json.loads(health.content)["checks"])
