"""Areas, sessions, administrators and people for the import/export tests, built with the ORM."""

import datetime
import io
import zipfile

from django.contrib.auth.models import Group
from openpyxl import Workbook

from accounts.models import User
from areas.models import AdminScope, Area
from lms import roles
from trainers.models import Profile
from training.models import TrainingSession

D = datetime.date
FIRST_DAY = D(2024, 3, 12)


def make_areas() -> dict[str, Area]:
    province = Area.objects.create(code="49", name="Quảng Nam", kind=Area.PROVINCE)
    duy_xuyen = Area.objects.create(code="508", name="Duy Xuyên", kind=Area.DISTRICT, parent=province)
    hoi_an = Area.objects.create(code="503", name="Hội An", kind=Area.CITY, parent=province)
    duy_hoa = Area.objects.create(code="20611", name="Duy Hòa", kind=Area.COMMUNE, parent=duy_xuyen)
    nam_phuoc = Area.objects.create(code="20599", name="Nam Phước", kind=Area.TOWNSHIP, parent=duy_xuyen)
    return {"province": province, "duy_xuyen": duy_xuyen, "hoi_an": hoi_an, "duy_hoa": duy_hoa, "nam_phuoc": nam_phuoc}


def make_session(area: Area, *, starts_on=FIRST_DAY, days=3, title="Khởi nghiệp đổi mới sáng tạo") -> TrainingSession:
    return TrainingSession.objects.create(
        title=title, area=area, starts_on=starts_on, ends_on=starts_on + datetime.timedelta(days=days - 1)
    )


def make_admin(email: str, area: Area | None, group: str = roles.DISTRICT_ADMINISTRATORS.name) -> User:
    user = User.objects.create_user(email=email, password="pass-word-123", full_name=email.split("@")[0], is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    if area is not None:
        AdminScope.objects.create(user=user, area=area)
    return user


def make_person(full_name: str, *, phone=None, email=None, **profile) -> User:
    user = User.objects.create_user(email=email, phone=phone, full_name=full_name)
    Profile.objects.create(user=user, **profile)
    return user


def xlsx_bytes(rows: list[list], *, date_columns: dict[int, str] | None = None) -> bytes:
    """A workbook with the rows on its only sheet; date_columns gives a number format per column index."""
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for index, number_format in (date_columns or {}).items():
        for cells in sheet.iter_rows(min_col=index + 1, max_col=index + 1):
            for cell in cells:
                if isinstance(cell.value, int | float | datetime.date):
                    cell.number_format = number_format
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list], *, encoding="utf-8-sig", delimiter=",") -> bytes:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue().encode(encoding)


def xlsx_with_sheet_data(sheet_data: bytes, *, extra: dict[str, bytes] | None = None) -> bytes:
    """A real workbook whose first sheet's <sheetData> is replaced: for files no spreadsheet program writes."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["Họ và tên", "SĐT"]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                start, end = content.index(b"<sheetData>"), content.index(b"</sheetData>") + len(b"</sheetData>")
                content = content[:start] + b"<sheetData>" + sheet_data + b"</sheetData>" + content[end:]
            archive.writestr(name, content)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def wide_row_xlsx(cells: int = 400_000) -> bytes:
    """A header, then one row of a few hundred thousand tiny cells: a few hundred KB that unpack to megabytes."""
    header = b'<row r="1"><c r="A1" t="inlineStr"><is><t>H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan</t></is></c></row>'
    return xlsx_with_sheet_data(header + b'<row r="2">' + b"<c><v>1</v></c>" * cells + b"</row>")
