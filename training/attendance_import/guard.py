"""The workbook guard: an .xlsx is measured before openpyxl parses any of it.

A workbook is a zip of XML parts that point at each other. The guard finds the parts openpyxl will parse the
way openpyxl finds them, through the workbook's own relationships (``_rels/.rels`` → the workbook,
``<workbook>.rels`` → its sheets and shared strings) and through ``[Content_Types].xml`` (which openpyxl also
trusts for the workbook and the shared strings), never by fixed paths. Then every part is unpacked once, as
a bounded stream: sizes and compression ratios are checked against what the archive declares and again
against what actually comes out (declared sizes can lie), every XML part must be UTF-8 (Excel writes nothing
else; a UTF-16 sheet would slip past a byte-level cell count), and the cells of each sheet are counted
without building anything. Relationship and manifest parts are read with defusedxml.
"""

from __future__ import annotations

import posixpath
import re
import zipfile

from defusedxml import ElementTree
from django.utils.translation import gettext as _

from .errors import ImportFileError

MAX_ZIP_ENTRIES = 500
# A 20,000-row list unpacks to under 15 MB; every part together may unpack to this much, one part to less.
MAX_UNZIPPED_BYTES = 40 * 1024 * 1024
MAX_PART_BYTES = 25 * 1024 * 1024
MAX_SHARED_STRINGS_BYTES = 8 * 1024 * 1024  # openpyxl keeps every shared string in memory
MAX_INDEX_BYTES = 1024 * 1024  # a relationships part or the manifest
# Spreadsheet XML packs 5-20 times; a part much larger than that is mostly repetition (a "zip bomb").
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024  # small parts may pack better, and cost nothing
MAX_CELLS = 600_000  # 20,000 rows of 30 cells
MAX_CELLS_PER_ROW = 1_000  # formatted empty cells included
CHUNK = 1 << 16

_NS_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_NS_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OFFICE_DOCUMENT = "/officeDocument"
_WORKSHEET, _SHARED_STRINGS = "/worksheet", "/sharedStrings"
_WORKBOOK_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
)
_SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
# A cell or row element, with or without a namespace prefix ("<c r=…>", "<x:row>"); "<col>" and "<rowBreaks>" are not.
_SHEET_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)[\s/>]")
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']""")
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def too_large():
    return ImportFileError(_("The workbook is too large once unpacked."))


def too_many_cells():
    return ImportFileError(
        _(
            "The workbook has too many cells (more than %(per_row)s in a row or %(total)s in all): copy the list "
            "alone into a new workbook and upload that."
        )
        % {"per_row": MAX_CELLS_PER_ROW, "total": MAX_CELLS}
    )


def not_utf8():
    return ImportFileError(
        _("The workbook is not saved in a form Excel writes (its text is not UTF-8): save it again in Excel as .xlsx.")
    )


def check_workbook(archive: zipfile.ZipFile) -> None:
    """Refuse a workbook that would take too much memory or time before openpyxl parses any of it."""
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_UNZIPPED_BYTES:
        raise too_large()
    for entry in entries:
        if entry.file_size > MAX_PART_BYTES or (
            entry.file_size > RATIO_FROM_BYTES and entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
        ):
            raise too_large()
    sheets, strings = _parts(archive)
    unpacked = 0
    for entry in entries:
        limit = MAX_SHARED_STRINGS_BYTES if entry.filename in strings else MAX_PART_BYTES
        xml = entry.filename in sheets or entry.filename in strings or entry.filename.endswith(_XML_SUFFIXES)
        unpacked += _unpack(archive, entry, limit=limit, xml=xml, count_cells=entry.filename in sheets)
        if unpacked > MAX_UNZIPPED_BYTES:
            raise too_large()


def _index(archive: zipfile.ZipFile, name: str):
    """A relationships part or the manifest, read within MAX_INDEX_BYTES and parsed with defusedxml; None if absent."""
    try:
        entry = archive.getinfo(name)
    except KeyError:
        return None
    data = _read_bounded(archive, entry, MAX_INDEX_BYTES)
    _require_utf8(data)
    return ElementTree.fromstring(data)


def _target(source: str, target: str) -> str:
    """A relationship's target as a name in the archive (relative to the part that holds the relationship)."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _parts(archive: zipfile.ZipFile) -> tuple[set[str], set[str]]:
    """The names of the worksheets and shared-string tables, found as openpyxl finds them."""
    workbooks, sheets, strings = set(), set(), set()
    if (root := _index(archive, "_rels/.rels")) is not None:
        for rel in root.iter(_NS_REL):
            if rel.get("Type", "").endswith(_OFFICE_DOCUMENT):
                workbooks.add(_target("", rel.get("Target", "")))
    if (manifest := _index(archive, "[Content_Types].xml")) is not None:
        for override in manifest.iter(f"{_NS_CT}Override"):
            name, kind = override.get("PartName", "").lstrip("/"), override.get("ContentType", "")
            if kind in _WORKBOOK_TYPES:
                workbooks.add(name)
            elif kind == _SHARED_STRINGS_TYPE:
                strings.add(name)
        if any(d.get("ContentType") in _WORKBOOK_TYPES for d in manifest.iter(f"{_NS_CT}Default")):
            workbooks.add("xl/workbook.xml")
    for workbook in workbooks:
        root = _index(archive, _rels_of(workbook))
        for rel in root.iter(_NS_REL) if root is not None else ():
            kind, target = rel.get("Type", ""), _target(workbook, rel.get("Target", ""))
            if kind.endswith(_WORKSHEET):
                sheets.add(target)
            elif kind.endswith(_SHARED_STRINGS):
                strings.add(target)
    return sheets, strings


def _require_utf8(head: bytes) -> None:
    if head.startswith(_UTF16_32_BOMS) or b"\x00" in head[:512]:
        raise not_utf8()
    if (declared := _XML_ENCODING.match(head.removeprefix(b"\xef\xbb\xbf"))) and declared.group(1).lower() not in (
        b"utf-8",
        b"utf8",
    ):
        raise not_utf8()


def _read_bounded(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limit: int) -> bytes:
    out = bytearray()
    with archive.open(entry) as stream:
        while chunk := stream.read(CHUNK):
            out += chunk
            if len(out) > limit:
                raise too_large()
    return bytes(out)


def _unpack(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, *, limit: int, xml: bool, count_cells: bool) -> int:
    """Unpack one part as a stream, at most `limit` bytes whatever it declares; XML must be UTF-8. Its true size."""
    if entry.file_size > limit:
        raise too_large()
    size = cells = in_row = 0
    tail = b""
    with archive.open(entry) as stream:
        while chunk := stream.read(CHUNK):
            if size == 0 and xml:
                _require_utf8(chunk)
            size += len(chunk)
            if size > limit or size > MAX_RATIO * max(entry.compress_size, 1) + RATIO_FROM_BYTES:
                raise too_large()
            if not count_cells:
                continue
            data = tail + chunk
            cut = max(0, len(data) - 64)  # a tag cut in two is counted in the next round
            for match in _SHEET_TAG.finditer(data, 0, cut + 64):
                if match.start() >= cut:
                    break
                if match.group(1) == b"row":
                    in_row = 0
                    continue
                cells += 1
                in_row += 1
                if in_row > MAX_CELLS_PER_ROW or cells > MAX_CELLS:
                    raise too_many_cells()
            tail = data[cut:]
    for match in _SHEET_TAG.finditer(tail):
        if match.group(1) == b"row":
            in_row = 0
            continue
        cells += 1
        in_row += 1
    if in_row > MAX_CELLS_PER_ROW or cells > MAX_CELLS:
        raise too_many_cells()
    return size
