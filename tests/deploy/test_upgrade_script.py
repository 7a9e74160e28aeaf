"""deploy/upgrade.sh on a stand-in server: the order of its steps, the record it leaves, its failure.

The server's commands (systemctl, lms-manage, the virtualenv's pip and python, id) are stand-ins on
PATH that write each call to a log; the code is a small git repository with two release tags whose
origin has the newer one. What is checked is what an operator relies on: the backup is taken before
anything changes, migrations run while no worker or beat runs, the web processes reload before the
worker and beat start again, and a failure names the commit and the backup to go back to.
"""

import os
import stat
import subprocess
from pathlib import Path

import pytest

from .conftest import DEPLOY

UPGRADE = DEPLOY / "upgrade.sh"

STAND_INS = {
    # Each call is logged with the release the checkout is at (the version line of pyproject.toml).
    "systemctl": """
echo "systemctl $* @$(release)" >> "$CALLS"
if [ "$*" = "start lms-backup.service" ]; then mkdir -p "$LMS_BACKUP_DIR/lms-$(date -u +%Y%m%dT%H%M%SZ)"; fi
""",
    "lms-manage": """
echo "lms-manage $* @$(release)" >> "$CALLS"
if [ "$1" = migrate ] && [ -n "${FAIL_MIGRATE:-}" ]; then echo "migration failed" >&2; exit 1; fi
""",
    "id": "echo 0",
}
VENV = {
    "pip": 'echo "pip $* @$(release)" >> "$CALLS"',
    "python": """
case "$*" in
  *core.version*) release ;;
  *) echo "python $* @$(release)" >> "$CALLS" ;;
esac
""",
}
PRELUDE = """#!/usr/bin/env bash
set -eu
release() { sed -nE 's/^version = "([^"]+)"/\\1/p' pyproject.toml; }
"""


def write_executable(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PRELUDE + body)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


@pytest.fixture
def server(tmp_path):
    """An app checkout at v0.1.0 whose origin has v0.2.0, and the server's commands as stand-ins."""
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    for version in ("0.1.0", "0.2.0"):
        (origin / "pyproject.toml").write_text(f'[project]\nname = "tot-lms"\nversion = "{version}"\n')
        git(origin, "add", "-A")
        git(origin, "commit", "-q", "-m", version)
        git(origin, "tag", f"v{version}")
    app = tmp_path / "app"
    git(tmp_path, "clone", "-q", str(origin), str(app))
    git(app, "checkout", "-q", "--detach", "v0.1.0")
    bin_dir = tmp_path / "bin"
    for name, body in STAND_INS.items():
        write_executable(bin_dir / name, body)
    for name, body in VENV.items():
        write_executable(app / ".venv" / "bin" / name, body)
    (app / ".git" / "info" / "exclude").write_text(".venv/\n")
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "CALLS": str(tmp_path / "calls.log"),
        "LMS_APP_DIR": str(app),
        "LMS_BACKUP_DIR": str(tmp_path / "backups"),
    }
    return app, env, tmp_path


def upgrade(env, *args):
    return subprocess.run(["bash", str(UPGRADE), *args], env=env, capture_output=True, text=True)


def calls(tmp_path: Path) -> list[str]:
    return (tmp_path / "calls.log").read_text().splitlines()


def test_the_upgrade_backs_up_first_and_restarts_in_order(server):
    app, env, tmp_path = server
    previous = git(app, "rev-parse", "HEAD")
    result = upgrade(env)  # no argument: the newest release tag
    assert result.returncode == 0, result.stderr
    assert calls(tmp_path) == [
        "systemctl start lms-backup.service @0.1.0",
        "pip install --quiet --disable-pip-version-check -e . @0.2.0",
        "python manage.py compilemessages -v0 --ignore=.venv @0.2.0",
        "systemctl stop lms-beat.service @0.2.0",
        "systemctl stop lms-worker.service @0.2.0",
        "lms-manage migrate --no-input @0.2.0",
        "lms-manage collectstatic --no-input -v0 @0.2.0",
        "lms-manage check --deploy --fail-level ERROR @0.2.0",
        "systemctl reload-or-restart lms-web.service @0.2.0",
        "systemctl start lms-worker.service @0.2.0",
        "systemctl start lms-beat.service @0.2.0",
    ]
    assert git(app, "rev-parse", "HEAD") == git(app, "rev-parse", "v0.2.0^{commit}")
    assert "done: 0.1.0 -> 0.2.0 (v0.2.0)" in result.stdout
    (backup,) = (tmp_path / "backups").glob("lms-*Z")
    record = (tmp_path / "backups" / "upgrades.log").read_text()
    assert f"from {previous} (0.1.0) to " in record and f"backup {backup}" in record

    again = upgrade(env, "v0.2.0")
    assert again.returncode == 0 and "already at v0.2.0" in again.stdout


def test_a_failed_migration_stops_before_any_restart_and_names_the_way_back(server):
    app, env, tmp_path = server
    previous = git(app, "rev-parse", "HEAD")
    result = upgrade({**env, "FAIL_MIGRATE": "1"}, "v0.2.0")
    assert result.returncode != 0
    assert not [call for call in calls(tmp_path) if "reload" in call or call.startswith("systemctl start lms-w")]
    (backup,) = (tmp_path / "backups").glob("lms-*Z")
    assert f"checkout --detach {previous}" in result.stderr and str(backup) in result.stderr


def test_local_changes_stop_the_upgrade_before_the_backup(server):
    app, env, tmp_path = server
    (app / "pyproject.toml").write_text("edited on the server\n")
    result = upgrade(env)
    assert result.returncode != 0 and "local changes" in result.stderr
    assert not (tmp_path / "calls.log").exists()
