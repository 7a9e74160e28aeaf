"""A Redis restart while the worker holds unacknowledged tasks: the worker reconnects and keeps working.

Runs its own redis-server (append-only file on, as the production broker must be: deploy notes) and a
real prefork worker; it needs only `redis-server` on the PATH, not the database.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery import Celery

ROOT = Path(__file__).resolve().parent.parent
PORT = 63811

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
]


def _redis_start(directory: Path) -> None:
    subprocess.run(
        ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", str(PORT), "--dir", str(directory),
         "--save", "", "--appendonly", "yes", "--appendfsync", "always",
         "--pidfile", str(directory / "redis.pid"), "--logfile", str(directory / "redis.log")],
        check=True,
    )  # fmt: skip
    _wait(lambda: _redis_cli("ping") == "PONG", seconds=10)


def _redis_cli(*args: str) -> str:
    done = subprocess.run(["redis-cli", "-p", str(PORT), *args], capture_output=True, text=True)
    return done.stdout.strip()


def _redis_stop() -> None:
    _redis_cli("shutdown", "nosave")
    _wait(lambda: not _port_open(), seconds=10)


def _port_open() -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", PORT)) == 0


def _wait(condition, seconds: float, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if process is not None and process.poll() is not None:
            pytest.fail(f"the worker died:\n{process.stdout.read()}")
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def _marks(path: Path) -> int:
    return len(path.read_text().splitlines()) if path.exists() else 0


@pytest.fixture
def redis_dir(tmp_path):
    if _port_open():
        pytest.skip(f"port {PORT} is taken")
    _redis_start(tmp_path)
    yield tmp_path
    _redis_cli("shutdown", "nosave")


@pytest.fixture
def worker(redis_dir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:{PORT}/0",
    }
    env.pop("CELERY_RESULT_BACKEND", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lms", "worker", "--include", "tests.worker_tasks",
         "--pool=prefork", "--concurrency=4", "--prefetch-multiplier=1", "-l", "info", "-n", f"restart-{PORT}@%h"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def test_the_worker_survives_a_redis_restart_while_holding_tasks(worker, redis_dir, monkeypatch):
    # Celery prefers a CELERY_BROKER_URL from the environment (set in CI's PostgreSQL + Redis phase)
    # over the broker it is given: without this the probe would publish to the suite's Redis.
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    client = Celery("probe", broker=f"redis://127.0.0.1:{PORT}/0")
    held, fresh = redis_dir / "held", redis_dir / "fresh"
    for _ in range(2):
        client.send_task("tests.nap", args=(15, str(held)))
    # Both tasks are running (unacknowledged: acks_late) when the broker goes away.
    _wait(lambda: _redis_cli("hlen", "unacked") == "2", seconds=90, process=worker)
    _redis_stop()
    time.sleep(3)
    _redis_start(redis_dir)

    # The held tasks finish (and are acknowledged, or come back and run again): the worker lives on.
    _wait(lambda: _marks(held) >= 2, seconds=60, process=worker)
    client.send_task("tests.nap", args=(0, str(fresh)))
    _wait(lambda: _marks(fresh) == 1, seconds=60, process=worker)
    time.sleep(2)
    assert worker.poll() is None, worker.stdout.read()
    # The old connection could not acknowledge the held tasks: Redis keeps them, to be redelivered after the
    # visibility timeout (and run again: every task may run twice) rather than lost.
    assert _redis_cli("hlen", "unacked") == "2"


def test_the_guarded_kombu_is_the_pinned_release_and_the_guard_is_installed():
    """The guard in lms/celery.py is written for one kombu release: an upgrade must come with a look at it."""
    from importlib.metadata import version

    from kombu.transport import redis as kombu_redis

    import lms.celery

    pinned = next(line for line in (ROOT / "pyproject.toml").read_text().splitlines() if '"kombu==' in line)
    assert pinned.strip().strip('",') == f"kombu=={version('kombu')}"
    assert kombu_redis.Channel.conn_or_acquire is lms.celery._conn_or_acquire_while_open
