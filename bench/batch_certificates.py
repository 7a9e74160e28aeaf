"""Benchmark: render a class's certificates as one merged PDF and a ZIP (the ceremony's print files).

Usage:
    .venv/bin/python bench/batch_certificates.py [--count 200]

With DATABASE_URL set (PostgreSQL) it runs against that database; without, against a fresh SQLite file in a
temporary directory (migrated here). PDFs go to a temporary PRIVATE_MEDIA_ROOT. It builds an approved session
of --count participants who attended and passed, issues their certificates in one batch (without rendering),
then runs the print task (`training.certificates.printout_render`: each certificate rendered with WeasyPrint
and stored, then appended to the merged PDF and the ZIP) in a child process, as a worker would.

Prints: the time to render the batch, the child's peak memory (ru_maxrss of the child; it starts as a fork of
this process, whose own peak before the render is printed too), the size of the merged PDF and of the ZIP, and
the page count of the merged PDF.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(tmp: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    os.environ["CELERY_BROKER_URL"] = ""  # tasks in-process; the render is run here explicitly
    os.environ["PRIVATE_MEDIA_ROOT"] = os.path.join(tmp, "private")
    os.environ["MEDIA_ROOT"] = os.path.join(tmp, "media")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_class(count: int):
    """An approved session of `count` participants who attended and passed, their certificates issued."""
    from unittest import mock

    from accounts.models import User
    from areas.loader import load_areas
    from areas.models import Area
    from training.certificates import session_certificates_issue
    from training.models import Attendance, SessionParticipant, TrainingSession

    districts = load_areas()
    area = districts.get("Duy Xuyên") or Area.objects.filter(kind=Area.DISTRICT).first()
    session = TrainingSession.objects.create(
        title="Khởi nghiệp đổi mới sáng tạo cho thanh niên",
        starts_on="2026-05-06",
        ends_on="2026-05-08",
        area=area,
    )
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
    given = ["Thị Ánh", "Văn Bình", "Minh Châu", "Thu Hạnh", "Quốc Đạt", "Bảo Ngọc", "Hữu Tài", "Thanh Hương"]
    users = User.objects.bulk_create(
        User(email=f"hv{i}@bench.example.org", full_name=f"{family[i % 13]} {given[(i // 13) % 8]} {i}")
        for i in range(count)
    )
    users = list(User.objects.filter(email__endswith="@bench.example.org"))
    participants = SessionParticipant.objects.bulk_create(
        SessionParticipant(session=session, person=user, result=SessionParticipant.PASSED) for user in users
    )
    participants = list(SessionParticipant.objects.filter(session=session))
    Attendance.objects.bulk_create(Attendance(participant=p, day=session.starts_on) for p in participants)
    admin = User.objects.create(email="admin@bench.example.org", full_name="Quản Trị", is_superuser=True)
    # Issue only: the per-certificate renders and the print task run below, measured.
    with mock.patch("trainers.tasks.certificate_render_queue"), mock.patch("training.tasks.printout_render_queue"):
        issued = session_certificates_issue(session=session, by=admin)
    assert len(issued) == count, (len(issued), count)
    return session


def render_in_child(session_id: int) -> tuple[float, int, int]:
    """Run the print task in a forked child, as a worker process would; (seconds, exit status, child's peak KiB)."""
    from django.db import connections

    connections.close_all()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: the worker
        status = 1
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)  # the holders' "certificate ready" e-mails (the console backend under dev settings)
        try:
            from training.certificates import printout_render

            printout = printout_render(session_id=session_id)
            status = 0 if printout.finished_at else 2
        except BaseException:
            import traceback

            traceback.print_exc()  # to stderr, which the child keeps: say why the render failed
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    seconds = time.perf_counter() - started
    return seconds, os.waitstatus_to_exitcode(status), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="certificates in the batch (default 200)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        setup(tmp)
        session = build_class(args.count)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        seconds, status, child_peak = render_in_child(session.pk)
        if status != 0:
            sys.exit(f"the render failed (exit status {status})")
        from pypdf import PdfReader

        from training.models import CertificatePrintout

        printout = CertificatePrintout.objects.get(session=session)
        pdf_path, zip_path = Path(printout.pdf.path), Path(printout.zip.path)
        pages = len(PdfReader(pdf_path).pages)
        print(f"certificates:            {args.count}")
        print(f"render time:             {seconds:.1f} s ({seconds / args.count * 1000:.0f} ms per certificate)")
        print(f"peak memory, worker:     {child_peak / 1024:.0f} MiB (ru_maxrss of the child)")
        print(f"peak memory, before:     {before / 1024:.0f} MiB (this process when it forked the worker)")
        print(f"merged PDF:              {pages} pages, {pdf_path.stat().st_size / 1024:.0f} KiB")
        print(f"ZIP:                     {zip_path.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
