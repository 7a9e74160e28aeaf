"""manage.py import_attendance: the same report as the admin, a non-zero exit on bad rows, --dry-run."""

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from training.models import Attendance, SessionParticipant

from .import_factories import csv_bytes, make_areas, make_session, xlsx_bytes
from .test_import import bad_rows, messy_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    return make_session(make_areas()["duy_xuyen"])


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("import_attendance", *map(str, args), stdout=out)
    return out.getvalue()


def test_import_prints_the_report_and_writes(session, tmp_path):
    path = tmp_path / "danh-sach.xlsx"
    path.write_bytes(xlsx_bytes(messy_rows(xlsx=True)))

    output = run(path, "--session", session.pk)

    assert "danh-sach.xlsx" in output
    assert "10" in output  # the merged duplicate's line
    assert User.objects.count() == 5
    assert Attendance.objects.count() == 12

    again = run(path, "--session", session.pk)
    assert User.objects.count() == 5 and Attendance.objects.count() == 12
    assert again != output  # now says there is nothing to change


def test_dry_run_writes_nothing_and_says_so(session, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes(messy_rows()))

    output = run(path, "--session", session.pk, "--dry-run")

    assert "Dry run" in output or "Chạy thử" in output
    assert not User.objects.exists()
    assert not SessionParticipant.objects.exists()


def test_bad_rows_exit_non_zero_with_every_line_reported(session, tmp_path, capsys):
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes(bad_rows()))

    from io import StringIO

    out = StringIO()
    with pytest.raises(CommandError, match="5"):
        call_command("import_attendance", str(path), "--session", str(session.pk), stdout=out)

    for line in (12, 13, 14, 15, 16):
        assert f" {line} " in out.getvalue() or f" {line}:" in out.getvalue() or f" {line}]" in out.getvalue()
    assert not User.objects.exists()


def test_command_exit_code_from_the_shell(session, tmp_path):
    from django.core.management import ManagementUtility

    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes(bad_rows()))
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "import_attendance", str(path), "--session", str(session.pk)]).execute()
    assert exit_info.value.code == 1


@pytest.mark.parametrize("args", [["missing.csv", "--session", "1"], ["{path}", "--session", "999999"]])
def test_unknown_file_or_session(session, tmp_path, args):
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes(messy_rows()))
    with pytest.raises(CommandError):
        run(*[a.format(path=path) for a in args])
