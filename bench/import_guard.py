"""Benchmark: the attendance import's workbook guard against hostile uploads, and an honest list at the limits.

Usage: .venv/bin/python bench/import_guard.py

For each workbook (built in memory by tests/training/hostile_workbooks.py) prints its size, the time
`read_sheet` takes to refuse or read it (wall clock, and this thread's processor time, which the reader's
MAX_READ_SECONDS budget counts), and its peak Python memory (tracemalloc). The guard promises
well under 5 s and 256 MB for every upload; the tests assert only that generous bound.
"""

import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402

from tests.training.hostile_workbooks import HOSTILE, renamed_shared_strings  # noqa: E402
from tests.training.import_factories import xlsx_bytes  # noqa: E402
from training.attendance_import import read  # noqa: E402
from training.attendance_import.read import ImportFileError, read_sheet  # noqa: E402


def honest_list(rows: int = 20_000) -> bytes:
    """The largest list the importer accepts: 20,000 people with their details and five days."""
    header = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Đơn vị công tác", "Số điện thoại", "Email", "Xã/phường"]
    body = [
        [n, f"Nguyễn Văn {n}", "Nam", "05/07/1990", "UBND xã Duy Hòa", f"0905{n:06d}", "", "Duy Hòa", *"xx x "]
        for n in range(1, rows + 1)
    ]
    return xlsx_bytes([header + [f"Ngày {d}" for d in range(1, 6)], *body])


def attempt(data: bytes) -> str:
    try:
        return f"read {len(read_sheet(data).rows)} rows"
    except ImportFileError as exc:
        return f"refused: {exc}"


def main() -> None:
    translation.activate("en")
    files = {
        **{name: build for name, build in HOSTILE.items()},
        "shared string of 1,900 characters in 40,000 cells": lambda: renamed_shared_strings(1_900, cells=20_000),
        "honest list of 20,000 rows": honest_list,
    }
    for name, build in files.items():
        data = build()
        started, cpu = time.perf_counter(), time.thread_time()
        outcome = attempt(data)
        seconds, cpu = time.perf_counter() - started, time.thread_time() - cpu
        # Apart from the timing, and without the time budget: tracemalloc slows every allocation.
        budget, read.MAX_READ_SECONDS = read.MAX_READ_SECONDS, float("inf")
        tracemalloc.start()
        attempt(data)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        read.MAX_READ_SECONDS = budget
        size = f"{len(data) / 1024:.0f} KB"
        print(f"{name}: {size}, {seconds:.2f} s ({cpu:.2f} s processor), peak {peak / 2**20:.1f} MB — {outcome}")


if __name__ == "__main__":
    main()
