"""The shipped systemd units' sandbox, the worker's watchdog and gunicorn's control socket.

`systemd-analyze security` scores how much a service could reach if it were taken over (0 closed,
10 open); every unit must stay below 5.0 ("OK"). Validity (`systemd-analyze verify`) is checked with
the other deploy files in tests/test_real_proxy.py.
"""

import re
import shutil
import subprocess

import pytest

from .conftest import DEPLOY

SERVICES = sorted((DEPLOY / "systemd").glob("*.service"))


def directives(unit) -> dict[str, list[str]]:
    found = {}
    for line in unit.read_text().replace("\\\n", " ").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            found.setdefault(key, []).append(value)
    return found


@pytest.mark.parametrize("unit", SERVICES, ids=lambda unit: unit.name)
def test_every_service_is_sandboxed_below_exposure_5(unit):
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed")
    result = subprocess.run(
        ["systemd-analyze", "security", "--offline=yes", "--no-pager", str(unit)], capture_output=True, text=True
    )
    if "--offline" in result.stderr:
        pytest.skip("this systemd-analyze cannot score unit files offline (systemd < 250)")
    score = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout)
    assert score, result.stdout + result.stderr
    assert float(score.group(1)) < 5.0, result.stdout


def test_the_worker_restarts_always_and_feeds_a_watchdog():
    worker = directives(DEPLOY / "systemd" / "lms-worker.service")
    assert worker["Type"] == ["notify"] and worker["NotifyAccess"] == ["main"]
    assert worker["Restart"] == ["always"]
    # The worker's start may wait for the broker; the watchdog must outlast the longest pause of its loop.
    assert int(worker["WatchdogSec"][0]) >= 60


def test_gunicorn_keeps_its_control_socket_in_its_own_runtime_folder():
    web = directives(DEPLOY / "systemd" / "lms-web.service")
    (runtime,) = web["RuntimeDirectory"]
    assert web["ProtectSystem"] == ["strict"]  # everywhere else is read-only, /srv/lms (its home) included
    assert re.search(rf"--control-socket /run/{runtime}/\S+", web["ExecStart"][0])
