"""The workbook guard: hostile workbooks are refused (or read within bounds) before they cost time or memory.

Time and memory are asserted only as generous guards; `bench/import_guard.py` prints the figures.
"""

import time
import tracemalloc

import pytest
from django.urls import reverse
from django.utils import translation

from training.attendance_import import ImportFileError, read_sheet
from training.models import SessionParticipant

from .hostile_workbooks import lying_zip_bomb, renamed_shared_strings, sheet_elsewhere, utf16_sheet
from .import_factories import make_admin, make_areas, make_session

MAX_SECONDS = 5
MAX_PEAK = 256 * 1024 * 1024


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def refused(data: bytes) -> str:
    """The refusal's message, within the guard's time and (measured apart: tracemalloc slows it) memory."""
    started = time.perf_counter()
    with pytest.raises(ImportFileError) as refusal:
        read_sheet(data, file_name="ds.xlsx")
    seconds = time.perf_counter() - started
    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError):
            read_sheet(data, file_name="ds.xlsx")
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seconds < MAX_SECONDS and peak < MAX_PEAK, (seconds, peak)
    return str(refusal.value)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        # Found through xl/_rels/workbook.xml.rels, not by its path: its one row is counted and refused.
        (sheet_elsewhere, "too many cells"),
        # Named by the relationships and the manifest; 20 MB of one letter is refused before openpyxl keeps it.
        (renamed_shared_strings, "too large once unpacked"),
        # The same part, under every size limit, with a string longer than any cell of a list.
        (lambda: renamed_shared_strings(5_000), "longer than 2000 characters"),
        # Shorter strings, shown in 40,000 cells: the text is capped as the cells are read.
        (lambda: renamed_shared_strings(1_900, cells=20_000), "more than 8000000 characters"),
        (utf16_sheet, "not UTF-8"),
        # The directory and the local header say 2 KB; the sheet unpacks to 64 MB.
        (lying_zip_bomb, "could not be read as an Excel workbook"),
    ],
    ids=["sheet-elsewhere", "shared-strings-20MB", "shared-string-too-long", "text-capped", "utf16", "lying-bomb"],
)
def test_hostile_workbooks_are_refused_within_bounds(build, message, english):
    data = build()
    assert len(data) < 256 * 1024  # each fits easily under the upload limit

    assert message in refused(data)


def test_the_guard_follows_the_relationships_so_unusual_but_honest_workbooks_still_read(english):
    elsewhere = read_sheet(sheet_elsewhere(cells=5))
    assert elsewhere.rows == [(1, ["Họ và tên"]), (2, [0, 1, 2, 3, 4])]

    shared = read_sheet(renamed_shared_strings(length=12, cells=2))
    assert shared.rows[1:] == [(2, ["A" * 12, "A" * 12]), (3, ["A" * 12, "A" * 12])]


def test_a_lying_size_is_caught_by_the_bounded_read_not_only_the_declared_one(english, monkeypatch):
    """Were zipfile to unpack past what the archive declares, the guard's own count would stop it."""
    import zipfile

    from training.attendance_import import guard

    real_open = zipfile.ZipFile.open

    def generous_open(self, name, *args, **kwargs):
        stream = real_open(self, name, *args, **kwargs)
        stream._left = 1 << 40  # believe nothing the archive declares
        return stream

    monkeypatch.setattr(zipfile.ZipFile, "open", generous_open)
    monkeypatch.setattr(guard, "MAX_PART_BYTES", 8 * 1024 * 1024)

    assert "too large once unpacked" in refused(lying_zip_bomb())


@pytest.mark.django_db
def test_an_administrator_uploading_a_hostile_workbook_gets_a_translated_error_and_nothing_is_kept(client, settings):
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    areas = make_areas()
    session = make_session(areas["duy_xuyen"])
    client.force_login(make_admin("district.admin@example.org", areas["duy_xuyen"]))

    response = client.post(
        reverse("training_lists:index"),
        {"session": session.pk, "file": SimpleUploadedFile("ds.xlsx", utf16_sheet())},
        HTTP_ACCEPT_LANGUAGE="vi",
    )

    assert response.status_code == 200
    words = "The workbook is not saved in a form Excel writes (its text is not UTF-8): save it again in Excel as .xlsx."
    with translation.override("vi"):
        expected = translation.gettext(words)
    assert expected != words  # translated
    assert response.context["form"].errors["file"] == [expected]
    assert not any(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.json"))
    assert not SessionParticipant.objects.exists()


def test_reading_stops_at_its_time_budget(english, monkeypatch):
    """However a workbook slips past the limits, reading it costs at most MAX_READ_SECONDS of processor time."""
    from training.attendance_import import read

    from .import_factories import xlsx_bytes

    data = xlsx_bytes([["Họ và tên", "SĐT"], ["Lê Văn Tám", "0905111222"]])
    assert read_sheet(data).rows[1] == (2, ["Lê Văn Tám", "0905111222"])

    monkeypatch.setattr(read, "MAX_READ_SECONDS", 0.0)
    assert "takes too long to read (more than 0 seconds)" in refused(data)
