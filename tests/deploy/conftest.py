"""What the deploy tests share: manage.py in a child process, and throw-away PostgreSQL databases.

The scripts under test (deploy/backup.sh, deploy/restore.sh) and the commands they stand beside run
as an operator runs them: child processes with their own environment, never this test process's
database connection or settings.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
DEPLOY = ROOT / "deploy"
PROBE = Path(__file__).resolve().parent / "site_probe.py"


def postgres_url() -> str | None:
    """The PostgreSQL server of the suite's second run (.ci/run: scripts/services.sh), if any."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def database_url(name: str) -> str:
    """The suite's PostgreSQL address with another database name."""
    parts = urlsplit(postgres_url())
    return urlunsplit(parts._replace(path=f"/{name}"))


def child_env(**values: str) -> dict[str, str]:
    """A clean environment for manage.py and the scripts: dev settings (tasks run in-process), no shared
    cache or broker from the suite, this checkout first on the path."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(DJANGO_SETTINGS_MODULE="lms.settings.dev", PYTHONPATH=str(ROOT), **values)
    return env


def run(args, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    """Run a command; on failure show its output, which is what an operator would read."""
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        pytest.fail(f"{args} exited {result.returncode}:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return result


def manage(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return run([sys.executable, "manage.py", *args], env, check=check)


@pytest.fixture
def new_database():
    """Make empty PostgreSQL databases on the suite's server; all are dropped at the end."""
    import psycopg

    if not postgres_url():
        pytest.skip("needs PostgreSQL: the suite's second run in .ci/run sets DATABASE_URL (scripts/services.sh)")
    made = []

    def make(label: str) -> str:
        name = f"test_{label}_{secrets.token_hex(4)}"
        with psycopg.connect(database_url("postgres"), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
        made.append(name)
        return database_url(name)

    yield make
    with psycopg.connect(database_url("postgres"), autocommit=True) as connection:
        for name in made:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def table_row_counts(url: str) -> dict[str, int]:
    """Every table of the public schema with its number of rows."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(url) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: connection.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))).fetchone()[0]
            for table in tables
        }


def sequence_values(url: str) -> dict[str, int | None]:
    """Where every sequence stands: a restore that lost them would hand out ids already taken."""
    import psycopg

    with psycopg.connect(url) as connection:
        return dict(connection.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"))
