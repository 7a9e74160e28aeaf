"""Every install has areas: migrations load the shipped tree, and `load_areas` checks and loads another
province's files, naming every bad line."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from areas.loader import DATA_DIR, load_area_tree
from areas.models import Area
from tests.trainers.factories import district_admin

pytestmark = pytest.mark.django_db
MIGRATION = ("areas", "0003_load_the_shipped_area_tree")

UNITS = """key,code,kind,name,parent,valid_from,valid_to,status,source
01,01,province,Hà Nội,,,,verified,GSO
001,001,district,Ba Đình,01,,2025-06-30,verified,GSO
00001,00001,ward,Phúc Xá,001,,2025-06-30,verified,GSO
00004,00004,ward,Trúc Bạch,001,,2025-06-30,verified,GSO
00004@2025-07-01,00004,ward,Ba Đình,01,2025-07-01,,verified,NQ 1656/NQ-UBTVQH15
"""
SUCCESSIONS = """predecessor,successor,on,status,source
00001,00004@2025-07-01,2025-07-01,verified,NQ 1656/NQ-UBTVQH15
00004,00004@2025-07-01,2025-07-01,verified,NQ 1656/NQ-UBTVQH15
"""


def _files(tmp_path: Path, units: str = UNITS, successions: str = SUCCESSIONS) -> dict[str, Path]:
    (tmp_path / "u.csv").write_text(units, encoding="utf-8")
    (tmp_path / "s.csv").write_text(successions, encoding="utf-8")
    return {"units": tmp_path / "u.csv", "successions": tmp_path / "s.csv"}


def _migration_apps():
    return MigrationLoader(connection).project_state(MIGRATION).apps


def test_the_migration_loads_the_shipped_tree_once_and_undoes_nothing():
    from importlib import import_module

    migration = import_module("areas.migrations.0003_load_the_shipped_area_tree")
    apps = _migration_apps()
    assert not Area.objects.exists()  # tests start without areas (tests/conftest.py)

    migration.load_shipped_tree(apps, None)
    migration.load_shipped_tree(apps, None)  # again, as on a database loaded before: nothing changes

    assert Area.objects.count() == 346
    assert Area.successors.through.objects.count() == 328
    assert Area.objects.get(code="508").name == "Duy Xuyên"
    (operation,) = migration.Migration.operations
    assert operation.reversible and operation.reverse_code.__name__ == "noop"


def test_a_fresh_migrate_leaves_the_shipped_tree(tmp_path):
    """The whole migration graph, as `migrate` runs it on a new database: the areas are there."""
    import subprocess
    import sys

    from .. import test_settings

    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.core.management import call_command; call_command('migrate', verbosity=0); "
            "from areas.models import Area; print(Area.objects.count())",
        ],
        cwd=test_settings.ROOT,
        env={
            **{k: v for k, v in __import__("os").environ.items() if k not in test_settings.STRIPPED},
            "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split()[-1] == "346"


def test_another_provinces_files_are_loaded(tmp_path):
    out = io.StringIO()
    with translation.override("en"):
        call_command("load_areas", **_files(tmp_path), stdout=out)
    assert "5 areas in the data files; 5 new." in out.getvalue()
    new_ward = Area.objects.get(code="00004", valid_from__isnull=False)
    assert new_ward.parent.name == "Hà Nội"
    assert set(new_ward.predecessors.values_list("name", flat=True)) == {"Phúc Xá", "Trúc Bạch"}
    assert not Area.objects.filter(code="508").exists()  # the shipped tree is not added to theirs


def test_every_bad_line_is_named_with_its_number_and_reason_in_vietnamese_and_nothing_is_loaded(tmp_path):
    units = UNITS.replace("001,001,district", "001,001,huyen").replace(",Trúc Bạch,001,", ",Trúc Bạch,009,")
    units += "00007,00007,ward,,001,2025-13-01,,checked,GSO\n"
    successions = SUCCESSIONS.replace("00001,00004@2025-07-01,2025-07-01", "00001,00004@2025-07-01,2025-06-30")
    err = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("load_areas", **_files(tmp_path, units, successions), stderr=err)
    report = err.getvalue().splitlines()
    assert report == [
        "u.csv dòng 3: loại đơn vị 'huyen' không hợp lệ (phải là một trong city, commune, district, province, "
        "town, township, ward)",
        "u.csv dòng 5: đơn vị cấp trên '009' không có trong tệp",
        "u.csv dòng 7: valid_from '2025-13-01' không phải ngày dạng YYYY-MM-DD; trạng thái 'checked' không hợp lệ "
        "(verified hoặc unverified); thiếu tên",
        "s.csv dòng 2: 00001 không kết thúc vào ngày 2025-06-29; 00004@2025-07-01 bắt đầu sau ngày 2025-06-30",
    ], report
    assert "4 lỗi" in str(raised.value) and "không nạp gì" in str(raised.value)
    assert not Area.objects.exists()


def test_files_can_be_checked_without_loading(tmp_path):
    out = io.StringIO()
    with translation.override("en"):
        call_command("load_areas", "--check", **_files(tmp_path), stdout=out)
        assert "The files are good: 5 areas, 2 successions" in out.getvalue()
        with pytest.raises(CommandError, match="both --units and --successions"):
            call_command("load_areas", units=tmp_path / "u.csv")
        err = io.StringIO()
        with pytest.raises(CommandError, match="2 problems"):
            call_command("load_areas", units=tmp_path / "missing.csv", successions=DATA_DIR / "x.csv", stderr=err)
    assert not Area.objects.exists()


def test_another_province_can_forget_the_shipped_tree_before_anyone_uses_it(tmp_path):
    load_area_tree()  # as the migration left it
    out = io.StringIO()
    with translation.override("en"):
        call_command("load_areas", "--forget-shipped", **_files(tmp_path), stdout=out)
    assert "346 shipped areas deleted" in out.getvalue()
    names = sorted(Area.objects.values_list("name", flat=True))
    assert names == ["Ba Đình", "Ba Đình", "Hà Nội", "Phúc Xá", "Trúc Bạch"]
    assert Area.successors.through.objects.count() == 2


def test_forgetting_is_refused_once_a_record_points_at_a_shipped_area(tmp_path):
    tree = load_area_tree()
    district_admin(tree["508"])
    with translation.override("en"), pytest.raises(CommandError, match="1 records already point at shipped areas"):
        call_command("load_areas", "--forget-shipped", **_files(tmp_path), stdout=io.StringIO())
    assert Area.objects.count() == 346  # nothing changed: their files are not loaded either
    with translation.override("en"), pytest.raises(CommandError, match="your own --units"):
        call_command("load_areas", "--forget-shipped")
