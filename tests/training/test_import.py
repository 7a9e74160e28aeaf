"""The attendance-list importer: messy CSV and XLSX files, bad rows, duplicates and idempotency."""

import datetime
import io
import tracemalloc
import unicodedata
import zipfile
from pathlib import Path

import pytest
from django.utils import translation
from wagtail.models import ModelLogEntry

import training.demo_data
from accounts.models import User
from areas.models import Area
from trainers.models import Profile
from training.attendance_import import IMPORT_LOG_ACTION, attendance_import
from training.attendance_import.read import clean_text, parse_date
from training.attendance_import.rows import parse_mark
from training.models import Attendance, SessionParticipant

from .import_factories import (
    D,
    csv_bytes,
    make_areas,
    make_person,
    make_session,
    wide_row_xlsx,
    xlsx_bytes,
    xlsx_with_sheet_data,
)

pytestmark = pytest.mark.django_db

NFD = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731  (another keyboard's decomposed input)
TITLE = [["DANH SÁCH HỌC VIÊN LỚP TẬP HUẤN KHỞI NGHIỆP"], ["Huyện Duy Xuyên, tháng 3 năm 2024"], []]
HEADER = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Đơn vị công tác", "Số điện thoại", "Email", "Xã/phường"]


@pytest.fixture
def areas():
    return make_areas()


@pytest.fixture
def session(areas):
    return make_session(areas["duy_xuyen"])


def messy_rows(*, xlsx=False):
    """Lines 1-3 title, 4 header; people on lines 5-9, Lan again on 10, a pre-numbered empty row on 11."""
    days = [D(2024, 3, 12), D(2024, 3, 13), D(2024, 3, 14)] if xlsx else ["Ngày 1", "13/03/2024", "Ngày 3"]
    return [
        *TITLE,
        HEADER + days,
        [1, NFD("Nguyễn  Thị   Lan "), "Nữ", "05/07/1990", "Hội LHPN huyện", "0905 123 456", "", "Duy Hòa",
         "x", "x", ""],
        [2, "Trần Văn Minh", "nam", 1985 if xlsx else "1985", "Đoàn TN", "+84 912.345.678", "MINH@Example.org ",
         "xã Nam Phước", "có", "1", "vắng"],
        [3, "Lê Thị Hoa", "F", "3-4-95", "UBND xã", "84935111222", "", "", "x", "", "x"],
        [4, "Phạm Văn Hùng", "M", D(1992, 11, 30) if xlsx else "1992-11-30", "", 935222333 if xlsx else "935222333",
         "", "", "X", "X", "X"],
        [5, "Võ Thị Mai", "nu", 33000 if xlsx else "33000", "", "0905.999.888", "", "", "x", "", ""],
        [6, NFD("Nguyễn Thị Lan"), "Nữ", "05/07/1990", "", "0905123456", "", "", "", "", "x"],
        [7, "", "", "", "", "", "", "", "", "", ""],
    ]  # fmt: skip


def bad_rows():
    """The messy list plus bad rows on lines 12-16."""
    return [
        *messy_rows(),
        [8, "", "Nam", "", "", "0905000111", "", "", "x", "", ""],
        [9, "Đỗ Văn Tư", "Nam", "31/02/1990", "", "12345", "", "", "?", "", ""],
        [10, "Hồ Thị Nga", "Nữ", "1990", "", "", "", "", "x", "", ""],
        [11, "Ngô Văn Sáu", "Nam", "", "", "0905 123 456", "", "", "x", "", ""],
        [12, "Đặng Thị Bảy", "không rõ", "", "", "0906111222", "", "", "x", "", ""],
    ]


def assert_messy_list_recorded(session, areas):
    assert User.objects.count() == 5
    lan = User.objects.get(phone="+84905123456")
    assert lan.full_name == unicodedata.normalize("NFC", "Nguyễn Thị Lan")
    assert not lan.has_usable_password()
    assert lan.profile.gender == Profile.FEMALE
    assert lan.profile.birth_date == D(1990, 7, 5)
    assert lan.profile.birth_year == 1990
    assert lan.profile.organisation == "Hội LHPN huyện"
    assert lan.profile.area == areas["duy_xuyen"]
    assert lan.profile.commune == areas["duy_hoa"]
    minh = User.objects.get(phone="+84912345678")
    assert minh.email == "minh@example.org"
    assert (minh.profile.gender, minh.profile.birth_date, minh.profile.birth_year) == (Profile.MALE, None, 1985)
    assert minh.profile.commune == areas["nam_phuoc"]
    assert User.objects.get(phone="+84935111222").profile.birth_date == D(1995, 4, 3)
    assert User.objects.get(phone="+84935222333").profile.birth_date == D(1992, 11, 30)
    assert User.objects.get(phone="+84905999888").profile.birth_date == D(1990, 5, 7)  # Excel serial 33000
    assert SessionParticipant.objects.filter(session=session).count() == 5

    def marks(phone):
        records = Attendance.objects.filter(participant__person__phone=phone).order_by("day")
        return [(a.day.day, a.present) for a in records]

    assert marks("+84905123456") == [(12, True), (13, True), (14, True)]  # line 10's day 3 merged in
    assert marks("+84912345678") == [(12, True), (13, True), (14, False)]
    assert marks("+84935111222") == [(12, True), (14, True)]
    assert marks("+84935222333") == [(12, True), (13, True), (14, True)]
    assert marks("+84905999888") == [(12, True)]


def test_messy_csv_imports_everyone_once(session, areas):
    report = attendance_import(session=session, data=csv_bytes(messy_rows()), file_name="ds.csv")

    assert report.errors == []
    assert report.written
    assert report.header_line == 4
    assert report.days == [D(2024, 3, 12), D(2024, 3, 13), D(2024, 3, 14)]
    assert (report.rows_read, report.people_new, report.duplicates_merged) == (6, 5, 1)
    assert (report.participants_new, report.attendance_new) == (5, 12)
    assert [(w.line, "line 5" in w.message or "dòng 5" in w.message) for w in report.warnings] == [(10, True)]
    assert_messy_list_recorded(session, areas)


def test_messy_xlsx_with_spreadsheet_dates_and_numeric_phones(session, areas):
    data = xlsx_bytes(messy_rows(xlsx=True))  # D(…) cells get a date format; 33000 stays a bare serial

    report = attendance_import(session=session, data=data, file_name="ds.txt")  # the extension is not trusted

    assert report.errors == []
    assert report.header_line == 4
    assert report.people_new == 5
    assert_messy_list_recorded(session, areas)


def test_bad_rows_are_all_reported_with_their_line_and_nothing_is_written(session):
    users_before = User.objects.count()

    report = attendance_import(session=session, data=csv_bytes(bad_rows()), file_name="ds.csv")

    assert not report.ok
    assert not report.written
    assert report.bad_lines == [12, 13, 14, 15, 16]
    by_line = {}
    for issue in report.errors:
        by_line.setdefault(issue.line, []).append(issue)
    assert [i.column for i in by_line[12]] == ["Họ và tên"]
    assert {i.column for i in by_line[13]} == {"Ngày sinh", "Số điện thoại", "Ngày 1"}
    assert by_line[14][0].column == ""  # neither a phone nor an email
    assert "5" in by_line[15][0].message  # same phone as line 5, different name
    assert by_line[16][0].column == "Giới tính"
    assert User.objects.count() == users_before
    assert not SessionParticipant.objects.exists()
    assert not Attendance.objects.exists()
    text = report.as_text()
    for line in (12, 13, 14, 15, 16):
        assert f" {line}" in text


def test_the_corrected_file_imports_and_importing_it_again_adds_nothing(session, areas):
    attendance_import(session=session, data=csv_bytes(bad_rows()))
    fixed = csv_bytes(messy_rows())

    first = attendance_import(session=session, data=fixed, user=None)
    again = attendance_import(session=session, data=fixed)

    assert first.ok and first.changes == 5 + 5 + 12
    assert again.ok and again.written
    assert again.changes == 0
    assert (again.people_new, again.people_existing, again.participants_existing) == (0, 5, 5)
    assert again.attendance_unchanged == 12
    assert_messy_list_recorded(session, areas)
    assert ModelLogEntry.objects.filter(action=IMPORT_LOG_ACTION, object_id=str(session.pk)).count() == 2


def test_same_person_twice_with_different_details_is_reported_not_merged(session):
    rows = [
        HEADER + ["Ngày 1"],
        [1, "Lê Văn Tám", "Nam", "01/01/1990", "", "0905111222", "tam@example.org", "", "x"],
        [2, "Le Van Tam", "Nam", "", "", "", "TAM@example.org", "", ""],  # same email, same name folded: merged
        [3, "Lê Văn Tám", "Nam", "02/01/1990", "", "0905111222", "", "", "x"],  # other birth date
        [4, "Lê Văn Chín", "Nam", "", "", "0905333444", "tam@example.org", "", "x"],  # email of line 2
    ]
    report = attendance_import(session=session, data=csv_bytes(rows))

    assert report.bad_lines == [4, 5]
    assert [w.line for w in report.warnings] == [3]
    assert not User.objects.exists()


def test_existing_people_are_matched_by_phone_then_email_and_their_accounts_are_left_alone(session, areas):
    by_phone = make_person("Nguyễn Thị Lan", phone="+84905123456", organisation="Trường THCS")
    by_email = User.objects.create_user(email="hoa@example.org", full_name="Lê Thị Hoa")  # no profile yet
    rows = [
        HEADER + ["Ngày 1"],
        [1, "Nguyễn Thị Lan", "Nữ", "05/07/1990", "Hội LHPN", "0905123456", "lan@example.org", "Duy Hòa", "x"],
        [2, "Lê Thị Hoà", "Nữ", "1995", "UBND", "", "HOA@example.org", "", "x"],
        [3, "Trần Thị Ba", "Nữ", "", "", "0905123456", "", "", ""],
    ]
    report = attendance_import(session=session, data=csv_bytes(rows[:3]))

    assert report.ok, report.as_text()
    assert (report.people_new, report.people_existing) == (0, 2)
    by_phone.refresh_from_db()
    assert by_phone.email is None  # the list's email is not added to the account
    assert by_phone.profile.organisation == "Trường THCS"
    assert (by_phone.profile.gender, by_phone.profile.birth_date, by_phone.profile.commune) == ("", None, None)
    assert not Profile.objects.filter(user=by_email).exists()
    assert User.objects.count() == 2
    lan = SessionParticipant.objects.get(person=by_phone)
    assert (lan.listed_name, lan.listed_email, lan.listed_phone) == (
        "Nguyễn Thị Lan",
        "lan@example.org",
        "+84905123456",
    )
    assert (lan.listed_organisation, lan.listed_commune, lan.listed_birth_date) == (
        "Hội LHPN",
        "Duy Hòa",
        D(1990, 7, 5),
    )
    assert SessionParticipant.objects.get(person=by_email).listed_birth_year == 1995

    # A known phone under another name is imported for the known person, with a warning to check.
    report = attendance_import(session=session, data=csv_bytes([rows[0], rows[3]]), dry_run=True)
    assert report.ok and report.people_existing == 1
    assert report.warnings[0].line == 2 and "Nguyễn Thị Lan" in report.warnings[0].message


def test_phone_and_email_of_two_different_people_is_an_error(session):
    make_person("Nguyễn Thị Lan", phone="+84905123456")
    make_person("Lê Thị Hoa", email="hoa@example.org")
    rows = [HEADER, [1, "Nguyễn Thị Lan", "Nữ", "", "", "0905123456", "hoa@example.org", ""]]

    report = attendance_import(session=session, data=csv_bytes(rows))

    assert report.bad_lines == [2]
    assert SessionParticipant.objects.count() == 0


def test_attendance_changes_are_applied_but_blanks_never_delete(session):
    rows = [HEADER + ["Ngày 1", "Ngày 2"], [1, "Lê Văn Tám", "Nam", "", "", "0905111222", "", "", "x", "x"]]
    attendance_import(session=session, data=csv_bytes(rows))
    rows[1][-2:] = ["vắng", ""]

    report = attendance_import(session=session, data=csv_bytes(rows))

    assert (report.attendance_new, report.attendance_changed, report.attendance_unchanged) == (0, 1, 0)
    assert list(Attendance.objects.order_by("day").values_list("present", flat=True)) == [False, True]


def to_cp1258(text: str, delimiter: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters precomposed, tones as combining marks."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text.replace(",", delimiter)):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tones = [c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323"]
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
            out += (base + "".join(tones)).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("cp1258", ";"), ("utf-16", "\t"), ("utf-8", ","), ("utf-8-sig", ";")]
)
def test_csv_encodings_and_delimiters(session, encoding, delimiter):
    rows = [*TITLE, HEADER + ["12/03"], [1, "Nguyễn Văn Đức", "Nam", "", "", "0905 111 222", "", "", "x"]]
    if encoding == "cp1258":
        data = to_cp1258(csv_bytes(rows, encoding="utf-8").decode(), delimiter)
    else:
        data = csv_bytes(rows, encoding=encoding, delimiter=delimiter)
    report = attendance_import(session=session, data=data)

    assert report.ok, report.as_text()
    assert User.objects.get().full_name == "Nguyễn Văn Đức"
    assert Attendance.objects.get().day == D(2024, 3, 12)


def test_two_row_header_with_split_gender_columns_and_day_sub_headers(session):
    rows = [
        ["DANH SÁCH"],
        ["TT", "Họ tên", "Năm sinh", None, "Cơ quan", "SĐT", "Điểm danh", None],
        [None, None, "Nam", "Nữ", None, None, "Ngày 1", "Ngày 2"],
        [1, "Trần Văn Minh", 1985, None, "Đoàn TN", "0912345678", "x", None],
        [2, "Lê Thị Hoa", None, "x", "UBND", "0935111222", "x", "x"],
    ]
    report = attendance_import(session=session, data=xlsx_bytes(rows))

    assert report.ok, report.as_text()
    assert report.header_line == 2
    minh = User.objects.get(phone="+84912345678")
    assert (minh.profile.gender, minh.profile.birth_year) == (Profile.MALE, 1985)
    hoa = User.objects.get(phone="+84935111222")
    assert (hoa.profile.gender, hoa.profile.birth_year) == (Profile.FEMALE, None)
    assert Attendance.objects.count() == 3


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["Danh sách"], ["a", "b"]], "Họ và tên"),
        ([["Họ và tên", "Giới tính"], ["Lan", "Nữ"]], "Số điện thoại"),
        ([["Họ và tên", "SĐT", "20/03/2024"], ["Lan", "0905123456", "x"]], "20/03/2024"),
        ([["Họ và tên", "SĐT", "Ngày 1", "12/03/2024"], ["Lan", "0905123456", "x", "x"]], "12/03/2024"),
        ([["Họ và tên", "SĐT"]], ""),
    ],
)
def test_file_level_problems_are_reported_once(session, rows, expected):
    report = attendance_import(session=session, data=csv_bytes(rows))

    assert [e.line for e in report.errors] == [None]
    assert expected in report.errors[0].message
    assert not User.objects.exists()


def test_files_are_sniffed_and_capped(session, monkeypatch):
    old_excel = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100
    assert ".xls" in attendance_import(session=session, data=old_excel).errors[0].message

    not_a_workbook = b"PK\x03\x04 garbage"
    assert attendance_import(session=session, data=not_a_workbook).errors

    monkeypatch.setattr("training.attendance_import.read.MAX_ROWS", 3)
    rows = [HEADER] + [[n, f"Người {n}", "", "", "", f"090511{n:04d}", "", ""] for n in range(30)]
    report = attendance_import(session=session, data=csv_bytes(rows))
    assert report.errors and "3" in report.errors[0].message
    assert not User.objects.exists()


@pytest.fixture
def english():
    with translation.override("en"):  # the messages' words, whatever the translation pass makes of them
        yield


def too_large_once_unpacked(report) -> bool:
    return [e.line for e in report.errors] == [None] and "too large once unpacked" in report.errors[0].message


def test_a_zip_bomb_is_refused_before_it_is_unpacked(session, english):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (41 * 1024 * 1024))
    assert len(bomb.getvalue()) < 100 * 1024

    tracemalloc.start()
    report = attendance_import(session=session, data=bomb.getvalue())
    _size, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert too_large_once_unpacked(report), report.as_text()
    assert peak < 20 * 1024 * 1024


def test_a_huge_shared_string_table_is_refused(session, english):
    strings = b"<sst>" + b"<si><t>Nguy\xe1\xbb\x85n V\xc4\x83n A</t></si>" * 600_000 + b"</sst>"  # ~16 MB
    report = attendance_import(session=session, data=xlsx_with_sheet_data(b"", extra={"xl/sharedStrings.xml": strings}))

    assert too_large_once_unpacked(report), report.as_text()


def test_a_very_wide_row_is_refused_without_parsing_it(session, english):
    data = wide_row_xlsx()
    assert len(data) < 255 * 1024

    tracemalloc.start()
    report = attendance_import(session=session, data=data)
    _size, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert [e.line for e in report.errors] == [None]
    assert "too many cells" in report.errors[0].message, report.as_text()
    assert peak < 20 * 1024 * 1024  # the old reader built every cell: hundreds of megabytes


def test_data_beyond_the_last_allowed_column_is_refused_not_dropped(session):
    rows = [["Họ và tên", "SĐT", "Ngày 1"], ["Lê Văn Tám", "0905111222", "x", *[None] * 97, "ghi chú"]]

    report = attendance_import(session=session, data=xlsx_bytes(rows))

    assert "100" in report.errors[0].message and "2" in report.errors[0].message
    assert not User.objects.exists()


def test_formula_neutralising_apostrophe_is_removed():
    assert clean_text("'=1+1") == "=1+1"
    assert clean_text("'+84905123456") == "+84905123456"
    assert clean_text("O'Neil") == "O'Neil"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("05/07/1990", D(1990, 7, 5)),
        ("5-7-90", D(1990, 7, 5)),
        ("1990-07-05", D(1990, 7, 5)),
        ("05.07.1990 00:00:00", D(1990, 7, 5)),
        (datetime.datetime(1990, 7, 5, 0, 0), D(1990, 7, 5)),
        (33000, D(1990, 5, 7)),
        ("33000", D(1990, 5, 7)),
        ("hôm qua", None),
    ],
)
def test_dates_are_read_day_first(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("x", True), ("X", True), ("Có", True), (1, True), ("✓", True), ("vắng", False), ("0", False), ("", None)],
)
def test_attendance_marks(value, expected):
    assert parse_mark(value) is expected


def test_an_unreadable_attendance_mark_is_refused():
    with pytest.raises(ValueError):
        parse_mark("v")  # "vắng" in one district, a tick in another


def test_a_concurrent_write_rolls_back_everything(session, monkeypatch):
    from django.db import IntegrityError

    import training.attendance_import

    real_write = training.attendance_import.write_plan

    def write_then_collide(plan, user):
        real_write(plan, user)
        raise IntegrityError("participant_once_per_session")

    monkeypatch.setattr(training.attendance_import, "write_plan", write_then_collide)

    report = attendance_import(session=session, data=csv_bytes(messy_rows()))

    assert not report.ok and report.errors[0].line is None
    assert not User.objects.exists() and not SessionParticipant.objects.exists()


# --- lists as districts keep them -----------------------------------------------------------------

DEMO_SHEET = Path(training.demo_data.__file__).with_name("danh_sach_duy_hoa_2024.xlsx")


def more_communes(areas):
    for code, name in (("20614", "Duy Châu"), ("20605", "Duy Phú"), ("20608", "Duy Tân")):
        areas[name] = Area.objects.create(code=code, name=name, kind=Area.COMMUNE, parent=areas["duy_xuyen"])
    return areas


def test_the_demo_district_sheet_imports_cleanly_with_each_persons_own_commune(areas):
    more_communes(areas)
    session = make_session(areas["duy_hoa"], starts_on=D(2024, 9, 10), days=2)  # held in Duy Hòa

    report = attendance_import(session=session, data=DEMO_SHEET.read_bytes(), file_name=DEMO_SHEET.name)

    assert report.errors == [], report.as_text()
    assert report.written
    assert (report.header_line, report.days) == (7, [D(2024, 9, 10), D(2024, 9, 11)])
    assert (report.rows_read, report.people_new, report.attendance_new) == (8, 8, 15)
    assert report.end_line == 22  # the place-and-date line; the signatures below it are not people
    assert report.warnings == []
    communes = dict(Profile.objects.values_list("user__full_name", "commune__name"))
    assert communes == {
        "Nguyễn Văn Thành": "Duy Hòa",
        "Trần Thị Thu Hà": "Duy Hòa",
        "Lê Minh Tuấn": "Duy Châu",
        "Phạm Thị Kim Oanh": "Duy Phú",
        "Huỳnh Văn Long": "Duy Tân",
        "Võ Thị Ngọc Ánh": "Nam Phước",
        "Đặng Quốc Bảo": "Nam Phước",
        "Lê Thị Thu Trang": "Duy Hòa",
    }
    trang = Profile.objects.get(user__email="learner@example.org")
    assert trang.organisation == "Trường Đại học Quảng Nam (cộng tác viên Huyện đoàn)"  # the merged second line
    assert (trang.gender, trang.birth_year) == (Profile.FEMALE, 2003)
    assert Attendance.objects.filter(present=False).count() == 1


@pytest.mark.parametrize(
    ("heading", "value", "commune"),
    [
        ("Xã/Phường/Thị trấn", "Thị trấn Nam Phước", "nam_phuoc"),
        ("Địa chỉ (xã)", "Duy Hòa", "duy_hoa"),
        ("Địa chỉ", "Thôn Phú Nham Đông, xã Duy Hòa, huyện Duy Xuyên", "duy_hoa"),
        ("Đơn vị", "UBND xã Duy Hòa", "duy_hoa"),
        ("Đơn vị", "UBND huyện Duy Xuyên", None),
    ],
)
def test_commune_columns_under_their_usual_headings(areas, heading, value, commune):
    session = make_session(areas["nam_phuoc"])  # held in another commune: never the fallback
    rows = [["Họ và tên", "Số điện thoại", heading, "Ngày 1"], ["Lê Văn Tám", "0905111222", value, "x"]]

    report = attendance_import(session=session, data=csv_bytes(rows))

    assert report.ok, report.as_text()
    profile = Profile.objects.get()
    assert profile.commune == (areas[commune] if commune else None)


def district_sheet_with_bad_rows():
    """Title rows, a numbered header, real mistakes on lines 7 and 9, a group heading, a total and signatures."""
    return [
        ["UBND HUYỆN DUY XUYÊN", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["DANH SÁCH HỌC VIÊN THAM DỰ LỚP TẬP HUẤN KHỞI NGHIỆP"],
        [],
        ["STT", "Họ và tên", "Số điện thoại", "Địa chỉ (xã)", "Ngày 1", "Ngày 2"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        [1, "Nguyễn Văn An", "0905 111 001", "Duy Hòa", "x", "x"],
        [2, "Trần Thị Bé", "", "Nam Phước", "x", ""],
        [3, "Lê Văn Cường", "0905 111 003", "Duy Hòa", "x", "x"],
        [4, "Phạm Thị Dung", "0905 111 00", "Duy Hòa", "x", "?"],
        ["", "II. XÃ NAM PHƯỚC"],
        ["Tổng cộng: 4 người", "", "", "", "3", "2"],
        [],
        ["", "", "", "Duy Xuyên, ngày 12 tháng 3 năm 2024"],
        ["", "NGƯỜI LẬP BIỂU", "", "TM. UBND HUYỆN"],
        ["", "(Ký, ghi rõ họ tên)", "", "KT. CHỦ TỊCH"],
        ["", "Nguyễn Thị Hạnh", "", "Trần Văn Hùng"],
    ]


@pytest.mark.parametrize("make", [csv_bytes, xlsx_bytes])
def test_only_real_bad_rows_of_a_district_sheet_are_errors(session, make):
    report = attendance_import(session=session, data=make(district_sheet_with_bad_rows()))

    assert report.bad_lines == [7, 9]
    assert {(e.line, e.column) for e in report.errors} == {(7, ""), (9, "Số điện thoại"), (9, "Ngày 2")}
    assert "số điện thoại" in report.errors[0].message.lower()  # translated (Vietnamese by default)
    assert [w.line for w in report.warnings] == [10]  # the group heading, read as one and said so
    assert report.end_line == 11
    assert not User.objects.exists()


def test_what_a_list_said_is_in_the_persons_download_and_goes_with_their_account(client, session, areas):
    import json

    person = make_person("Nguyễn Thị Lan", email="lan@example.org")
    person.set_password("her-own-pass-2026")
    person.save()
    rows = [
        HEADER + ["Ngày 1"],
        [1, "Nguyễn T. Lan", "Nữ", "05/07/1990", "Hội LHPN", "0905 123 456", "lan@example.org"],
    ]
    assert attendance_import(session=session, data=csv_bytes([rows[0], rows[1] + ["Duy Hòa", "x"]])).ok
    client.force_login(person)

    (listed,) = json.loads(client.get("/accounts/me/data/").content)["training_sessions"]
    assert listed["as_listed"]["listed_name"] == "Nguyễn T. Lan"
    assert listed["as_listed"]["listed_birth_date"] == "1990-07-05"

    client.post("/accounts/me/delete/", {"confirm": "yes"})
    participant = SessionParticipant.objects.get(person=person)
    assert participant.listed_details() == {}


# --- names from before the 2025 reform ------------------------------------------------------------


REFORM = D(2025, 7, 1)


def test_merged_commune_names_resolve_to_todays_units_in_a_constant_number_of_queries(django_assert_max_num_queries):
    """A list written after the reform with the old commune names people still use: each name finds the unit
    it became, and the whole plan runs in a few queries however many of the district's communes were merged."""
    from areas.loader import load_area_tree
    from training.attendance_import.plan import plan_import
    from training.attendance_import.read import read_sheet

    load_area_tree()
    session = make_session(Area.objects.get(code="508"), starts_on=D(2025, 9, 10))  # Duy Xuyên
    old_names = ["Duy Hòa", "Duy Thu", "Duy Tân", "Duy Châu", "Duy Phú", "Duy Trinh", "Duy Sơn", "Duy Phước"]
    rows = [["Họ và tên", "Số điện thoại", "Xã/phường", "Ngày 1"]]
    rows += [[f"Người {i}", f"090511{i:04d}", name, "x"] for i, name in enumerate(old_names)]
    sheet = read_sheet(csv_bytes(rows))

    with django_assert_max_num_queries(4):
        plan = plan_import(session, sheet)

    assert plan.report.ok, plan.report.as_text()
    became = {person.commune: person.commune_area for person in plan.people}
    assert {name: (unit.code, unit.valid_from) for name, unit in became.items()} == {
        **dict.fromkeys(["Duy Hòa", "Duy Thu", "Duy Tân", "Duy Châu", "Duy Phú"], ("20611", REFORM)),  # Thu Bồn
        **dict.fromkeys(["Duy Trinh", "Duy Sơn"], ("20623", REFORM)),  # today's Xã Duy Xuyên
        "Duy Phước": ("20599", REFORM),  # Nam Phước
    }
