"""Benchmark: an enrolled learner's lesson page against a bare Django view, served by gunicorn on PostgreSQL.

Usage (PostgreSQL and Redis from scripts/services.sh):
    eval "$(scripts/services.sh start)"
    .venv/bin/python bench/lesson_page.py [--seconds 5] [--rounds 3] [--soak 60] [--workers 2]

Prints requests per second for both pages (runs that take turns, with the load average) and their
ratio, the lesson page's compressed weight, then holds 50 concurrent logged-in learners for --soak
seconds and counts server errors. Every learner is enrolled with lessons completed and sends the
cookies a logged-in browser sends (session and CSRF); every lesson page answered is checked to be
the logged-in page (a page for a visitor would be cheaper and is counted as wrong).
Needs `wrk` (apt-get install wrk).
"""

import argparse
import gzip
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765
LEARNERS = 50

# The logout form is on every page a logged-in person gets, and on no other.
LOGGED_IN = 'action="/accounts/logout/"'

WRK_SCRIPT = """
cookies = {}
for line in io.lines("%(cookies)s") do cookies[#cookies + 1] = line end
counter = 0
wrong = 0
local threads = {}
setup = function(thread) table.insert(threads, thread) end
request = function()
  counter = counter + 1
  return wrk.format("GET", nil, {["Cookie"] = cookies[(counter %% #cookies) + 1]})
end
response = function(status, headers, body)
  if status ~= 200 or not string.find(body, '%(marker)s', 1, true) then wrong = wrong + 1 end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("wrong") end
  io.write(string.format("server_errors %%d\\n", summary.errors.status))
  io.write(string.format("not_logged_in_page %%d\\n", total))
end
"""


def django_setup():
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()


def prepare() -> tuple[str, list[str]]:
    """Migrate, load demo data, log in 50 learners enrolled in the ToT course with 1 to 10 lessons done.

    Returns the lesson's path and each learner's Cookie header: the session and the CSRF cookie that
    a browser holds once logged in (the login form set it), so that the server is not made to
    create a new CSRF secret, and set its cookie, on every request.
    """
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    cache.clear()  # nothing left from an earlier run (or an earlier version of the code)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    from accounts.models import User
    from courses.models import CoursePage
    from courses.services import lesson_complete

    course = CoursePage.objects.get(is_tot=True)
    lessons = list(course.lessons())
    cookies = []
    for n in range(LEARNERS):
        user, _created = User.objects.get_or_create(
            email=f"bench-{n}@example.org", defaults={"full_name": f"Học viên {n}"}
        )
        for lesson in lessons[: 1 + n % 10]:
            lesson_complete(user=user, lesson=lesson)  # idempotent
        client = Client()
        client.get("/accounts/login/", HTTP_HOST="127.0.0.1")  # the login form sets the CSRF cookie
        client.force_login(user, backend="accounts.backends.EmailOrPhoneBackend")
        cookies.append(f"sessionid={client.cookies['sessionid'].value}; csrftoken={client.cookies['csrftoken'].value}")
    target = lessons[len(lessons) // 2]
    return target.url, cookies


def wrk(url: str, seconds: int, connections: int, script: str | None = None) -> tuple[float, str]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        command[1:1] = ["-s", script]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return rps, output


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=5, help="length of each bare and each lesson run")
    parser.add_argument("--rounds", type=int, default=3, help="bare and lesson runs, taking turns")
    parser.add_argument("--soak", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit('Set DATABASE_URL to PostgreSQL (eval "$(scripts/services.sh start)").')
    if not shutil.which("wrk"):
        sys.exit("Install wrk: apt-get install -y wrk")

    django_setup()
    lesson_path, cookies = prepare()
    workdir = Path(tempfile.mkdtemp())
    (workdir / "cookies.txt").write_text("\n".join(cookies) + "\n")
    script = workdir / "learners.lua"
    script.write_text(WRK_SCRIPT % {"cookies": workdir / "cookies.txt", "marker": LOGGED_IN})
    single = workdir / "one.lua"
    (workdir / "one.txt").write_text(cookies[5] + "\n")  # enrolled, six lessons done
    single.write_text(WRK_SCRIPT % {"cookies": workdir / "one.txt", "marker": LOGGED_IN})

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "lms.wsgi",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
            "--env",
            "DJANGO_SETTINGS_MODULE=bench.settings",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/bench/bare/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        request = urllib.request.Request(base + lesson_path, headers={"Cookie": cookies[5]})
        html = urllib.request.urlopen(request).read()
        assert LOGGED_IN.encode() in html and b"aria-valuenow" in html, "not the enrolled learner's page"
        css = urllib.request.urlopen(base + "/static/css/site.css").read()
        weight = len(gzip.compress(html)) + len(gzip.compress(css))

        wrk(base + "/bench/bare/", 3, 8)  # warm up every worker
        wrk(base + lesson_path, 3, 8, str(single))
        # Bare and lesson runs take turns, so that a change in the machine's load (the cores are
        # shared) falls on both rather than on one of them.
        print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        bare_runs, lesson_runs, wrong = [], [], 0
        for round_number in range(1, args.rounds + 1):
            bare_rps, _ = wrk(base + "/bench/bare/", args.seconds, 8)
            lesson_rps, output = wrk(base + lesson_path, args.seconds, 8, str(single))
            wrong += int(re.search(r"not_logged_in_page (\d+)", output).group(1))
            bare_runs.append(bare_rps)
            lesson_runs.append(lesson_rps)
            print(
                f"round {round_number}: bare {bare_rps:8.1f}, lesson {lesson_rps:7.1f} requests/s, "
                f"{100 * lesson_rps / bare_rps:5.1f} %; load {os.getloadavg()[0]:.2f}"
            )
        bare_rps, lesson_rps = sum(bare_runs) / len(bare_runs), sum(lesson_runs) / len(lesson_runs)
        print(f"bare view:            {bare_rps:8.1f} requests/s")
        print(f"learner lesson page:  {lesson_rps:8.1f} requests/s ({wrong} answers not the logged-in page)")
        print(f"ratio:                {100 * lesson_rps / bare_rps:8.1f} % of the bare view (goal: 30 %)")
        raw_kb = len(html) / 1024
        print(f"lesson page weight:   {weight / 1024:8.1f} KB gzip (HTML {raw_kb:.1f} KB raw + CSS), goal < 60 KB")

        soak_rps, output = wrk(base + lesson_path, args.soak, LEARNERS, str(script))
        errors = int(re.search(r"server_errors (\d+)", output).group(1))
        wrong = int(re.search(r"not_logged_in_page (\d+)", output).group(1))
        socket = re.search(r"Socket errors: (.*)", output)
        print(
            f"soak: {LEARNERS} learners for {args.soak}s: {soak_rps:.1f} requests/s, {errors} server errors, "
            f"{wrong} answers not the logged-in page"
        )
        print(f"soak socket errors: {socket.group(1) if socket else 'none'}")
        latency = re.search(r"99%\s+(\S+)", output)
        print(f"soak p99 latency: {latency.group(1) if latency else '?'}")
        print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
