"""Workbooks no spreadsheet program writes, built in memory, each small enough to upload (tests and bench)."""

import io
import struct
import zipfile

from .import_factories import xlsx_bytes

SHEET = "xl/worksheets/sheet1.xml"
RELS = "xl/_rels/workbook.xml.rels"
TYPES = "[Content_Types].xml"
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
HEADER_ROW = b'<row r="1"><c r="A1" t="inlineStr"><is><t>H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan</t></is></c></row>'


def _parts() -> dict[str, bytes]:
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["Họ và tên", "SĐT"]])))
    return {name: source.read(name) for name in source.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _with_sheet_data(sheet: bytes, sheet_data: bytes) -> bytes:
    start, end = sheet.index(b"<sheetData>"), sheet.index(b"</sheetData>") + len(b"</sheetData>")
    return sheet[:start] + b"<sheetData>" + sheet_data + b"</sheetData>" + sheet[end:]


def sheet_elsewhere(cells: int = 1_500) -> bytes:
    """The sheet at xl/data/sheet1.xml, as the workbook's relationships say, with one row too wide."""
    parts = _parts()
    row = b'<row r="2">' + b"".join(b"<c><v>%d</v></c>" % n for n in range(cells)) + b"</row>"
    sheet = _with_sheet_data(parts.pop(SHEET), HEADER_ROW + row)
    parts["xl/data/sheet1.xml"] = sheet
    parts[RELS] = parts[RELS].replace(b'Target="/xl/worksheets/sheet1.xml"', b'Target="data/sheet1.xml"')
    parts[TYPES] = parts[TYPES].replace(b"/xl/worksheets/sheet1.xml", b"/xl/data/sheet1.xml")
    return _zip(parts)


def renamed_shared_strings(length: int = 20 * 1024 * 1024, cells: int = 20) -> bytes:
    """Shared strings at xl/strs.xml (named by the relationships and the manifest): one huge repetitive string
    that every cell below the header shows."""
    parts = _parts()
    parts["xl/strs.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
        + (b"A" * length)
        + b"</t></si></sst>"
    )
    relationship = b'<Relationship Type="%s" Target="strs.xml" Id="rId9" />' % SST_REL.encode()
    parts[RELS] = parts[RELS].replace(b"</Relationships>", relationship + b"</Relationships>")
    parts[TYPES] = parts[TYPES].replace(
        b"</Types>", b'<Override PartName="/xl/strs.xml" ContentType="%s" /></Types>' % SST_TYPE.encode()
    )
    rows = b"".join(b'<row r="%d">' % line + b'<c t="s"><v>0</v></c>' * 2 + b"</row>" for line in range(2, cells + 2))
    parts[SHEET] = _with_sheet_data(parts[SHEET], HEADER_ROW + rows)
    return _zip(parts)


def utf16_sheet(rows: int = 500) -> bytes:
    """The sheet saved as UTF-16: a count of cells made on UTF-8 bytes finds none."""
    parts = _parts()
    body = b"".join(b'<row r="%d">' % n + b"<c><v>1</v></c>" * 30 + b"</row>" for n in range(2, rows + 2))
    sheet = _with_sheet_data(parts[SHEET], HEADER_ROW + body).decode()
    declaration = '<?xml version="1.0" encoding="UTF-16"?>'
    body = sheet.split("?>", 1)[-1] if sheet.startswith("<?xml") else sheet
    parts[SHEET] = (declaration + body).encode("utf-16")
    return _zip(parts)


def lying_zip_bomb(actual: int = 64 * 1024 * 1024, declared: int = 2_000) -> bytes:
    """The sheet unpacks to `actual` bytes but the archive declares `declared` (local header and directory)."""
    parts = _parts()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            if name != SHEET:
                archive.writestr(name, content)
        with archive.open(SHEET, "w") as stream:
            stream.write(parts[SHEET].split(b"<sheetData>")[0] + b"<sheetData>")
            chunk = b'<row><c t="inlineStr"><is><t>0000000000</t></is></c></row>' * 16_384
            for _ in range(actual // len(chunk)):
                stream.write(chunk)
    data = bytearray(buffer.getvalue())
    name = SHEET.encode()
    # Patch the uncompressed size wherever the sheet's headers state it.
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            if data[start + name_at : start + name_at + len(name)] == name:
                struct.pack_into("<I", data, start + size_at, declared)
            start += 4
    return bytes(data)


HOSTILE = {
    "sheet at xl/data/sheet1.xml": sheet_elsewhere,
    "renamed shared strings, one 20 MB string": renamed_shared_strings,
    "UTF-16 sheet": utf16_sheet,
    "zip bomb declaring 2 KB": lying_zip_bomb,
}
