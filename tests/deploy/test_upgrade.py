"""An upgrade from the previous release: its database, with its demo data, migrated by today's code.

tests/fixtures/previous_release/ holds what the previous release's own code made with `migrate` and
`load_demo_data` (scripts/previous_release_fixture.sh; RELEASE says which release). Today's `migrate`
must take it to the current schema without losing a row, the demo accounts must still log in, and
every report must read the same figures from the migrated tables as after rebuilding the reports'
kept tables from the records (`rebuild_reach`): a migration that left them stale or broken shows here.
SQLite on the suite's first run, PostgreSQL (with the cascade's kept tables) on the second.
"""

import json
import lzma
import sqlite3
import subprocess
import sys

import pytest

from .conftest import PROBE, ROOT, child_env, manage, postgres_url, run, table_row_counts

FIXTURES = ROOT / "tests" / "fixtures" / "previous_release"


def probe(env: dict[str, str]) -> dict:
    return json.loads(run([sys.executable, str(PROBE)], env).stdout.splitlines()[-1])


def sqlite_row_counts(path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


# The reports' kept tables hold what the rules derive from the records, not records: an upgrade that changes a
# rule rebuilds them (0.2: only approved class reports count), and the figures' check below compares them
# with a rebuild from scratch instead.
DERIVED_TABLES = {"reports_firstreach", "reports_cascadereach", "reports_trainerreachday"}


def assert_upgraded(env: dict[str, str], counts_before: dict[str, int], counts_after: dict[str, int]) -> None:
    lost = {
        table: (rows, counts_after.get(table))
        for table, rows in counts_before.items()
        if counts_after.get(table, 0) < rows and table not in DERIVED_TABLES
    }
    assert lost == {}, "the upgrade lost rows (table: before, after)"
    unapplied = manage(env, "showmigrations", "--plan").stdout
    assert "[ ]" not in unapplied

    migrated = probe(env)
    assert migrated["logins"] == dict.fromkeys(migrated["logins"], True) and len(migrated["logins"]) == 5
    assert migrated["public"]["people_trained"] > 0 and migrated["reports"]["reach"]["rows"]
    manage(env, "rebuild_reach")
    rebuilt = probe(env)
    for key, report in migrated["reports"].items():
        assert report == rebuilt["reports"][key], key
    assert migrated["public"] == rebuilt["public"]


def test_the_previous_release_sqlite_database_migrates_with_its_figures(tmp_path):
    database = tmp_path / "previous.sqlite3"
    database.write_bytes(lzma.decompress((FIXTURES / "demo.sqlite3.xz").read_bytes()))
    before = sqlite_row_counts(database)
    assert before["accounts_user"] >= 5
    env = child_env(
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
    )
    manage(env, "migrate", "--no-input")
    assert_upgraded(env, before, sqlite_row_counts(database))


def test_the_previous_release_postgresql_database_migrates_with_its_figures(new_database, tmp_path):
    if not postgres_url():
        pytest.skip("needs PostgreSQL (the suite's second run in .ci/run)")
    url = new_database("previous_release")
    subprocess.run(
        ["psql", "--quiet", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "--output=/dev/null", url],
        input=lzma.decompress((FIXTURES / "demo.postgresql.sql.xz").read_bytes()),
        check=True,
    )
    before = table_row_counts(url)
    assert before["reports_cascadereach"] > 0
    env = child_env(DATABASE_URL=url, MEDIA_ROOT=str(tmp_path / "media"), PRIVATE_MEDIA_ROOT=str(tmp_path / "private"))
    manage(env, "migrate", "--no-input")
    assert_upgraded(env, before, table_row_counts(url))
