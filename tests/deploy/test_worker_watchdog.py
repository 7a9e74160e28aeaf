"""The worker as lms-worker.service runs it: Type=notify and a watchdog (core.systemd, lms.celery.SystemdNotify).

A real worker on Redis is started with the variables systemd gives a notify service (NOTIFY_SOCKET,
WATCHDOG_USEC) and a socket of the test's in place of systemd's: it must say READY=1 once it consumes,
then keep pinging WATCHDOG=1 (a Python stand-in for systemd reads them). Runs when CELERY_BROKER_URL points at Redis.
"""

import os
import socket
import subprocess
import sys

import pytest

from .conftest import ROOT

BROKER = os.environ.get("CELERY_BROKER_URL", "")
pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not BROKER.startswith("redis://"), reason="needs Redis: run under scripts/services.sh"),
]


def test_the_worker_reports_ready_and_feeds_its_watchdog(tmp_path):
    address = str(tmp_path / "notify.sock")
    systemd = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    systemd.bind(address)
    systemd.settimeout(60)  # generous: a loaded CI machine starts a worker slowly
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        "NOTIFY_SOCKET": address,
        "WATCHDOG_USEC": "1000000",  # WatchdogSec=1: a ping every half second
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "-l",
            "warning",
            "-Q",
            "watchdog-test",
            "-n",
            "watchdog-test@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        received = []
        while sum(message == "WATCHDOG=1" for message in received) < 3:
            data, sender = systemd.recvfrom(4096)
            received.append(data.decode())
        assert received[0].startswith("READY=1"), received
        assert received.count("READY=1\nSTATUS=Consuming from the broker") == 1
    finally:
        worker.terminate()
        output = worker.communicate(timeout=30)[0]
        systemd.close()
    assert "Traceback" not in output, output


def test_without_systemd_the_notifications_are_a_no_op(monkeypatch):
    from core.systemd import notify, watchdog_interval

    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    monkeypatch.setenv("WATCHDOG_USEC", "120000000")
    monkeypatch.setenv("WATCHDOG_PID", "1")  # another process is the one watched
    assert notify("READY=1") is False
    assert watchdog_interval() is None
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    assert watchdog_interval() == 60.0
