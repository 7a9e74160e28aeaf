"""Write the demo attendance sheet: Duy Xuyên's list for the Duy Hòa youth session, laid out as districts keep it.

Title rows above the table, a two-row header with merged cells, a row of column numbers, merged STT cells,
a group heading, a total row, then the place and date and the signature block. Run it to rebuild
``danh_sach_duy_hoa_2024.xlsx`` (``python training/demo_data/build_attendance_sheet.py``).
"""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

PATH = Path(__file__).with_name("danh_sach_duy_hoa_2024.xlsx")

PEOPLE = [
    # name, year under Nam or Nữ, unit, commune, phone, email, day 1, day 2
    ("Nguyễn Văn Thành", "1998", "", "Đoàn xã Duy Hòa", "Xã Duy Hòa", "0905 211 301", "", "x", "x"),
    ("Trần Thị Thu Hà", "", "2000", "Chi đoàn thôn Phú Nham Đông", "Duy Hòa", "0935.211.302", "", "x", "x"),
    ("Lê Minh Tuấn", "1996", "", "HTX Nông nghiệp Duy Châu", "Xã Duy Châu", "0914211303", "", "x", "vắng"),
    ("Phạm Thị Kim Oanh", "", "1999", "Hội LHPN xã Duy Phú", "Duy Phú", "0905 211 304", "", "x", "x"),
    ("Huỳnh Văn Long", "1995", "", "Tổ hợp tác mây tre Duy Tân", "Duy Tân", "0983 211 305", "", "x", "x"),
    ("Võ Thị Ngọc Ánh", "", "2001", "Trường THPT Nguyễn Hiền", "TT Nam Phước", "0905211306", "", "", "x"),
    ("Đặng Quốc Bảo", "1997", "", "Đoàn thị trấn Nam Phước", "Thị trấn Nam Phước", "0905 211 307", "", "x", "x"),
    ("Lê Thị Thu Trang", "", "2003", "Trường Đại học Quảng Nam", "Duy Hòa", "", "learner@example.org", "x", "x"),
]


def build(path: Path = PATH) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    bold = Font(bold=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def title(row, text, first="A", last="J", **font):
        sheet[f"{first}{row}"] = text
        sheet[f"{first}{row}"].font = Font(**font)
        sheet[f"{first}{row}"].alignment = centre
        sheet.merge_cells(f"{first}{row}:{last}{row}")

    title(1, "UBND HUYỆN DUY XUYÊN", last="C", bold=True)
    title(1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first="E", last="J", bold=True)
    title(2, "HUYỆN ĐOÀN DUY XUYÊN", last="C", bold=True)
    title(2, "Độc lập - Tự do - Hạnh phúc", first="E", last="J", italic=True)
    title(4, "DANH SÁCH HỌC VIÊN THAM DỰ LỚP TẬP HUẤN KHỞI NGHIỆP CHO ĐOÀN VIÊN THANH NIÊN XÃ DUY HÒA", bold=True)
    title(5, "(Thời gian: 10 - 11/9/2024; địa điểm: Nhà văn hóa xã Duy Hòa)", italic=True)

    header = {"A": "STT", "B": "Họ và tên", "C": "Năm sinh", "E": "Đơn vị", "F": "Xã/Phường/Thị trấn"}
    header |= {"G": "Số điện thoại", "H": "Email", "I": "Điểm danh"}
    for column, text in header.items():
        sheet[f"{column}7"] = text
    for column in "ABEFGH":
        sheet.merge_cells(f"{column}7:{column}8")
    sheet.merge_cells("C7:D7")
    sheet.merge_cells("I7:J7")
    for column, text in {"C": "Nam", "D": "Nữ", "I": "10/9", "J": "11/9"}.items():
        sheet[f"{column}8"] = text
    for number, column in enumerate("ABCDEFGHIJ", start=1):
        sheet[f"{column}9"] = f"({number})"
    sheet["A10"] = "I. XÃ DUY HÒA VÀ CÁC XÃ LÂN CẬN"
    sheet.merge_cells("A10:J10")
    row = 11
    for number, person in enumerate(PEOPLE, start=1):
        sheet[f"A{row}"] = number
        for column, value in zip("BCDEFGHIJ", person, strict=True):
            sheet[f"{column}{row}"] = int(value) if value.isdigit() else (value or None)
        row += 1
    # The last person wrote a second line for their unit: STT and name merged over both rows.
    sheet[f"E{row}"] = "(cộng tác viên Huyện đoàn)"
    for column in "ABCDFGHIJ":
        sheet.merge_cells(f"{column}{row - 1}:{column}{row}")
    row += 1
    sheet[f"A{row}"] = f"Tổng cộng: {len(PEOPLE)} học viên"
    sheet.merge_cells(f"A{row}:H{row}")
    for cells in sheet.iter_rows(min_row=7, max_row=row, max_col=10):
        for cell in cells:
            cell.border = box
            if cell.row <= 9:
                cell.font, cell.alignment = bold, centre
    row += 2
    title(row, "Duy Xuyên, ngày 12 tháng 9 năm 2024", first="F", italic=True)
    title(row + 1, "NGƯỜI LẬP BIỂU", first="A", last="D", bold=True)
    title(row + 1, "TM. BAN THƯỜNG VỤ HUYỆN ĐOÀN", first="F", bold=True)
    title(row + 2, "(Ký, ghi rõ họ tên)", first="A", last="D", italic=True)
    title(row + 2, "PHÓ BÍ THƯ", first="F", bold=True)
    title(row + 6, "Trần Thị Mỹ Linh", first="A", last="D", bold=True)
    title(row + 6, "Phan Văn Đức", first="F", bold=True)
    for column, width in zip("ABCDEFGHIJ", (6, 24, 8, 8, 28, 20, 15, 24, 7, 7), strict=True):
        sheet.column_dimensions[column].width = width
    workbook.save(path)
    return path


if __name__ == "__main__":
    print(build())
