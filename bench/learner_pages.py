"""Benchmark: the learner's pages beyond the lesson against a bare Django view, in the same run.

Usage (PostgreSQL and Redis from scripts/services.sh; wrk from apt-get install wrk):
    eval "$(scripts/services.sh start)"
    .venv/bin/python bench/learner_pages.py [--seconds 5] [--rounds 2] [--workers 2]

For each page (course overview, My learning, quiz page, home for a visitor, search without
diacritics, quiz submission) it prints the queries and cache calls (each a round trip to Redis) of
one warm request, made in this process, then, served by gunicorn, its requests per second and its
ratio to the bare view measured just before it. Every answer is checked by content: an enrolled
learner's page must be the logged-in page (a visitor's page would be cheaper and is counted as
wrong), the visitor's home page must link to the catalogue, a submission must show its result.
Set up as bench/lesson_page.py (the same 50 enrolled learners of the demo's ToT course).
"""

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.lesson_page import LOGGED_IN, PORT, WRK_SCRIPT, django_setup, prepare, start_server, stop_server, wrk

POST_SCRIPT = WRK_SCRIPT.replace(
    'return wrk.format("GET", nil, {["Cookie"] = cookies[(counter %% #cookies) + 1]})',
    "local cookie = cookies[(counter %% #cookies) + 1]\n"
    '  return wrk.format("POST", nil, {["Cookie"] = cookie, ["X-CSRFToken"] = string.match(cookie, "csrftoken=(%%w+)"),'
    ' ["Content-Type"] = "application/x-www-form-urlencoded"}, "%(body)s")',
)


def pages() -> list[tuple[str, str, str, bool, str]]:
    """(name, method, path, logged in, marker the answer must hold)."""
    from core.text import fold_vi
    from courses.models import CoursePage, QuizPage

    course = CoursePage.objects.get(is_tot=True)
    quiz = QuizPage.objects.live().descendant_of(course).order_by("path").first()
    # Submitted again and again: only a quiz without an attempt limit answers every time.
    unlimited = QuizPage.objects.live().filter(max_attempts__isnull=True).order_by("path").first()
    words = "+".join(fold_vi(course.title).split()[:2])
    catalogue = course.get_parent().url
    found = [
        ("course overview, enrolled", "GET", course.url, True, "aria-valuenow"),
        ("My learning", "GET", "/my-learning/", True, LOGGED_IN),
        ("home, visitor", "GET", "/", False, f'href="{catalogue}"'),
        ("search without diacritics", "GET", f"/search/?q={words}", False, course.url),
    ]
    if quiz:
        found[2:2] = [("quiz page", "GET", quiz.url, True, 'name="q-')]
    if unlimited:
        found.append(("quiz submission (POST)", "POST", unlimited.url, True, "%"))
    return found


def per_request(method: str, path: str, cookie: str | None) -> tuple[int, int, bytes]:
    """Queries and cache calls of one warm request, made in this process with the test client."""
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    headers = {}
    if cookie:
        for part in cookie.split("; "):
            name, value = part.split("=", 1)
            client.cookies[name] = value
        headers["HTTP_X_CSRFTOKEN"] = client.cookies["csrftoken"].value
    send = client.post if method == "POST" else client.get
    for _ in range(2):
        send(path, **headers)
    backend = caches["default"]
    calls = []
    originals = {}
    for name in ("get", "get_many", "set", "set_many", "add", "delete", "delete_many", "incr"):
        originals[name] = getattr(backend, name)

        def counted(*args, _original=originals[name], **kwargs):
            calls.append(1)
            return _original(*args, **kwargs)

        setattr(backend, name, counted)
    try:
        with CaptureQueriesContext(connection) as queries:
            response = send(path, **headers)
    finally:
        for name in originals:
            delattr(backend, name)
    return len(queries.captured_queries), len(calls), response.content


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=5, help="length of each bare and each page run")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit('Set DATABASE_URL to PostgreSQL (eval "$(scripts/services.sh start)").')
    if not shutil.which("wrk"):
        sys.exit("Install wrk: apt-get install -y wrk")

    django_setup()
    _lesson_path, cookies = prepare()
    measured = pages()
    workdir = Path(tempfile.mkdtemp())
    base = f"http://127.0.0.1:{PORT}"
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'page':28} {'SQL':>4} {'cache':>5}  (one warm request)")
    for name, method, path, logged_in, marker in measured:
        sql, calls, html = per_request(method, path, cookies[5] if logged_in else None)
        assert marker.encode() in html and (LOGGED_IN.encode() in html) == logged_in, f"{name}: not the right page"
        print(f"{name:28} {sql:4d} {calls:5d}")
    try:
        (workdir / "learners.txt").write_text("\n".join(cookies) + "\n")
        (workdir / "visitor.txt").write_text("visitor=1\n")  # no session, no CSRF cookie
        ratios: dict[str, list[float]] = {name: [] for name, *_ in measured}
        for round_number in range(1, args.rounds + 1):
            server = start_server(args.workers, "")
            try:
                wrk(base + "/bench/bare/", 2, 8)  # warm up every worker
                for name, method, path, logged_in, marker in measured:
                    script = workdir / "page.lua"
                    template = POST_SCRIPT if method == "POST" else WRK_SCRIPT
                    # The submission's body: the first choice of every question (wrong or right, both count).
                    body = "" if method == "GET" else "q-x=1"
                    script.write_text(
                        template
                        % {
                            "cookies": workdir / ("learners.txt" if logged_in else "visitor.txt"),
                            "marker": marker,
                            "body": body,
                        }
                    )
                    wrk(base + path, 1, 8, str(script))
                    bare_rps, _ = wrk(base + "/bench/bare/", args.seconds, 8)
                    rps, output = wrk(base + path, args.seconds, 8, str(script))
                    wrong = int(re.search(r"not_logged_in_page (\d+)", output).group(1))
                    ratios[name].append(rps / bare_rps)
                    print(
                        f"round {round_number}, {name:28}: bare {bare_rps:8.1f}, page {rps:8.1f} requests/s, "
                        f"ratio {100 * rps / bare_rps:5.1f} %, {wrong} wrong answers; load {os.getloadavg()[0]:.2f}",
                        flush=True,
                    )
            finally:
                stop_server(server)
        for name, runs in ratios.items():
            each = ", ".join(f"{100 * r:.1f}" for r in runs)
            print(f"{name:28} {100 * sum(runs) / len(runs):5.1f} % of the bare view ({each})")
        print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
