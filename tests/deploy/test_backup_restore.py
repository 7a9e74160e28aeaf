"""deploy/backup.sh and deploy/restore.sh on a populated site, as the operator runs them.

A database gets the demo data (and its certificate PDFs) from `manage.py load_demo_data`, uploads are
added beside it, the backup script takes a backup (with retention and the off-machine copy hook),
and the restore script brings it back into another database and other folders. Every table must
have the same rows, every sequence the same value, and the files the same bytes. Needs PostgreSQL
(pg_dump): skipped on the SQLite run, run by the PostgreSQL run of .ci/run.
"""

import datetime
import json
import os
import random
import sys
from pathlib import Path

import pytest

from .conftest import DEPLOY, PROBE, child_env, manage, run, sequence_values, table_row_counts

BACKUP = str(DEPLOY / "backup.sh")
RESTORE = str(DEPLOY / "restore.sh")


def files_under(folder: Path) -> dict[str, Path]:
    return {str(path.relative_to(folder)): path for path in sorted(folder.rglob("*")) if path.is_file()}


def only_backup(backups: Path) -> Path:
    made = [path for path in backups.iterdir() if path.name.startswith("lms-") and path.is_dir()]
    assert len(made) == 1, made
    return made[0]


@pytest.fixture
def populated_site(new_database, tmp_path):
    """A migrated database with the demo data, its certificate PDFs and a few uploads."""
    url = new_database("backup_source")
    media, private = tmp_path / "media", tmp_path / "private"
    # The credential-signing keys outside PRIVATE_MEDIA_ROOT, as production keeps them (deploy/lms.env.example).
    env = child_env(
        DATABASE_URL=url,
        MEDIA_ROOT=str(media),
        PRIVATE_MEDIA_ROOT=str(private),
        CREDENTIAL_KEYS_DIR=str(tmp_path / "keys"),
    )
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo_data")
    # Uploads of every shape: nested folders, a Vietnamese name with spaces, binary content.
    uploads = {
        "original_images/anh-lop-tap-huan.jpg": random.randbytes(50_000),
        "documents/Kế hoạch năm 2026.pdf": random.randbytes(3_000),
        "images/nested/deeper/icon.png": random.randbytes(700),
    }
    for name, content in uploads.items():
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(content)
    return url, media, private, env


def test_a_backup_restored_into_a_new_database_has_every_row_and_file(populated_site, new_database, tmp_path):
    url, media, private, env = populated_site
    backups, offsite = tmp_path / "backups", tmp_path / "offsite"
    offsite.mkdir()
    # A backup from long ago goes (retention); yesterday's stays.
    (backups / "lms-20200101T020000Z").mkdir(parents=True)
    (backups / "lms-20200101T020000Z" / "database.dump").write_bytes(b"old")
    yesterday = backups / f"lms-{datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1):%Y%m%dT%H%M%SZ}"
    yesterday.mkdir()
    environment_file = tmp_path / "lms.env"
    environment_file.write_text("DJANGO_SECRET_KEY=keep-me\n")

    result = run(
        [BACKUP],
        {
            **env,
            "BACKUP_DIR": str(backups),
            "BACKUP_KEEP_DAYS": "7",
            "BACKUP_ENV_FILE": str(environment_file),
            "BACKUP_COPY_COMMAND": f'cp -r "$BACKUP_PATH" {offsite}/ && echo copied "$1"',
        },
    )
    assert "removing lms-20200101T020000Z" in result.stdout
    assert not (backups / "lms-20200101T020000Z").exists()
    assert yesterday.exists()
    yesterday.rmdir()
    backup = only_backup(backups)
    assert f"copied {backup}" in result.stdout
    assert files_under(offsite / backup.name).keys() == files_under(backup).keys()
    manifest = (backup / "MANIFEST.txt").read_text()
    assert "app_version: " in manifest and "database: postgres" in manifest
    assert "@" not in manifest.split("database: ")[1].splitlines()[0], "the password leaked into the manifest"
    assert (backup / "lms.env").read_text() == "DJANGO_SECRET_KEY=keep-me\n"
    assert oct((backup / "lms.env").stat().st_mode & 0o777) == "0o600"

    # pg_restore only works into an empty database: the script refuses the populated one.
    refused = run([RESTORE, "--database", url, str(backup)], env, check=False)
    assert refused.returncode != 0
    assert "not empty" in refused.stderr and "createdb" in refused.stderr

    restored_url = new_database("backup_restored")
    restored_media, restored_private = tmp_path / "restored" / "media", tmp_path / "restored" / "private"
    run(
        [
            RESTORE,
            "--database",
            restored_url,
            "--media",
            str(restored_media),
            "--private",
            str(restored_private),
            "--keys",
            str(tmp_path / "restored" / "keys"),
            "--env-file",
            str(tmp_path / "restored" / "lms.env"),
            str(backup),
        ],
        env,
    )

    counts = table_row_counts(url)
    assert table_row_counts(restored_url) == counts
    assert counts["accounts_user"] >= 5 and counts["django_migrations"] > 50 and counts["reports_firstreach"] > 0
    assert sum(1 for rows in counts.values() if rows) > 40, "the demo data filled too few tables to prove much"
    assert sequence_values(restored_url) == sequence_values(url)

    for source, copy in ((media, restored_media), (private, restored_private)):
        originals, restored = files_under(source), files_under(copy)
        assert restored.keys() == originals.keys()
        sample = random.sample(sorted(originals), min(len(originals), 30))
        for name in sample:
            assert restored[name].read_bytes() == originals[name].read_bytes(), name
    assert len(files_under(private)) > 5, "the demo's certificate PDFs are part of the backup"
    keys, restored_keys = files_under(tmp_path / "keys"), files_under(tmp_path / "restored" / "keys")
    assert keys and restored_keys.keys() == keys.keys(), "the demo's signing key is part of the backup"
    assert all(restored_keys[name].read_bytes() == keys[name].read_bytes() for name in keys)
    assert (tmp_path / "restored" / "lms.env").read_text() == "DJANGO_SECRET_KEY=keep-me\n"

    # The restored copy is a working site: every demo account logs in against it.
    probe = run([sys.executable, str(PROBE)], {**env, "DATABASE_URL": restored_url, "MEDIA_ROOT": str(restored_media)})
    assert set(json.loads(probe.stdout.splitlines()[-1])["logins"].values()) == {True}


def test_a_damaged_backup_is_refused_before_anything_is_restored(new_database, tmp_path):
    import psycopg

    url = new_database("backup_small")
    with psycopg.connect(url) as connection:
        connection.execute("CREATE TABLE kept (id int)")
    media = tmp_path / "media"
    media.mkdir()
    (media / "photo.jpg").write_bytes(random.randbytes(5_000))
    env = child_env(DATABASE_URL=url, MEDIA_ROOT=str(media), PRIVATE_MEDIA_ROOT=str(tmp_path / "none"))
    backups = tmp_path / "backups"
    run([BACKUP], {**env, "BACKUP_DIR": str(backups)})
    backup = only_backup(backups)
    with open(backup / "media.tar", "r+b") as archive:
        archive.seek(2000)
        byte = archive.read(1)
        archive.seek(2000)
        archive.write(bytes([byte[0] ^ 0xFF]))

    target = new_database("backup_damaged")
    refused = run([RESTORE, "--database", target, "--media", str(tmp_path / "m"), str(backup)], env, check=False)
    assert refused.returncode != 0 and "damaged" in refused.stderr
    assert table_row_counts(target) == {}
    assert not (tmp_path / "m").exists()


def test_the_backup_needs_postgresql_and_says_so(tmp_path):
    result = run(
        [BACKUP], {**os.environ, "DATABASE_URL": "sqlite:///x.sqlite3", "BACKUP_DIR": str(tmp_path)}, check=False
    )
    assert result.returncode != 0 and "not a PostgreSQL address" in result.stderr
    assert not [path for path in tmp_path.iterdir() if path.name.startswith("lms-")]
