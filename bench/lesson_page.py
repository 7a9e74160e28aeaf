"""Benchmark: an enrolled learner's lesson page against a bare Django view, served by gunicorn on PostgreSQL.

Usage (PostgreSQL and Redis from scripts/services.sh):
    eval "$(scripts/services.sh start)"
    .venv/bin/python bench/lesson_page.py [--seconds 5] [--rounds 2] [--soak 60] [--workers 2] [--layers user,route]

Prints requests per second for both pages with every cache layer on, then with each layer of
settings.CACHE_LAYERS turned off in turn (CACHE_LAYERS_OFF, read in lms/settings/base.py): each
layer's share of the lesson page's throughput, and the lesson page's ratio to the bare view. Every
configuration runs once per round, in turn, with the load average printed. Then it gives the lesson
page's compressed weight, and holds 50 concurrent logged-in learners for --soak
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


def start_server(workers: int, layers_off: str) -> subprocess.Popen:
    """gunicorn serving the bench settings, with the cache layers named in `layers_off` turned off."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "CACHE_LAYERS_OFF": layers_off}
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "lms.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{PORT}", "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/bare/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    sys.exit("gunicorn did not answer")


def stop_server(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)


def main():
    from django.conf import settings

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=5, help="length of each bare and each lesson run")
    parser.add_argument("--rounds", type=int, default=2, help="rounds over every configuration, taking turns")
    parser.add_argument("--soak", type=int, default=60, help="seconds of 50 learners at the end (0: none)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--layers", default="", help="comma-separated cache layers to measure one by one (default: every layer)"
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit('Set DATABASE_URL to PostgreSQL (eval "$(scripts/services.sh start)").')
    if not shutil.which("wrk"):
        sys.exit("Install wrk: apt-get install -y wrk")

    django_setup()
    layers = [name for name in args.layers.split(",") if name] or list(settings.CACHE_LAYERS)
    lesson_path, cookies = prepare()
    workdir = Path(tempfile.mkdtemp())
    (workdir / "cookies.txt").write_text("\n".join(cookies) + "\n")
    script = workdir / "learners.lua"
    script.write_text(WRK_SCRIPT % {"cookies": workdir / "cookies.txt", "marker": LOGGED_IN})
    single = workdir / "one.lua"
    (workdir / "one.txt").write_text(cookies[5] + "\n")  # enrolled, six lessons done
    single.write_text(WRK_SCRIPT % {"cookies": workdir / "one.txt", "marker": LOGGED_IN})

    base = f"http://127.0.0.1:{PORT}"
    # "" is every layer on; each other configuration turns one layer off.
    configurations = ["", *layers]
    bare_runs: list[float] = []
    paired_ratios: list[float] = []  # each all-on lesson run against the bare run just before it
    lesson_runs: dict[str, list[float]] = {name: [] for name in configurations}
    wrong = 0
    weight = raw_kb = 0.0
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    try:
        # Every configuration once per round, in turn, each with its own bare run: a change in the
        # machine's load (the cores are shared) falls on all of them rather than on one.
        for round_number in range(1, args.rounds + 1):
            for off in configurations:
                server = start_server(args.workers, off)
                try:
                    request = urllib.request.Request(base + lesson_path, headers={"Cookie": cookies[5]})
                    html = urllib.request.urlopen(request).read()
                    assert LOGGED_IN.encode() in html and b"aria-valuenow" in html, "not the enrolled learner's page"
                    if not off:
                        css = urllib.request.urlopen(base + "/static/css/site.css").read()
                        weight = len(gzip.compress(html)) + len(gzip.compress(css))
                        raw_kb = len(html) / 1024
                    wrk(base + "/bench/bare/", 2, 8)  # warm up every worker
                    wrk(base + lesson_path, 2, 8, str(single))
                    bare_rps, _ = wrk(base + "/bench/bare/", args.seconds, 8)
                    lesson_rps, output = wrk(base + lesson_path, args.seconds, 8, str(single))
                finally:
                    stop_server(server)
                wrong += int(re.search(r"not_logged_in_page (\d+)", output).group(1))
                bare_runs.append(bare_rps)
                lesson_runs[off].append(lesson_rps)
                if not off:
                    paired_ratios.append(lesson_rps / bare_rps)
                print(
                    f"round {round_number}, {('without ' + off) if off else 'all layers on':>20}: "
                    f"bare {bare_rps:8.1f}, lesson {lesson_rps:7.1f} requests/s; load {os.getloadavg()[0]:.2f}",
                    flush=True,
                )
        bare_rps = sum(bare_runs) / len(bare_runs)
        mean = {off: sum(runs) / len(runs) for off, runs in lesson_runs.items()}
        lesson_rps = mean[""]
        print(f"bare view:            {bare_rps:8.1f} requests/s (mean of {len(bare_runs)} runs)")
        print(f"learner lesson page:  {lesson_rps:8.1f} requests/s ({wrong} answers not the logged-in page)")
        print(f"ratio:                {100 * lesson_rps / bare_rps:8.1f} % of the bare view (goal: 30 %)")
        paired = ", ".join(f"{100 * ratio:.1f}" for ratio in paired_ratios)
        print(f"ratio run by run:     {100 * sum(paired_ratios) / len(paired_ratios):8.1f} % ({paired})")
        print("each layer's share of the lesson page's throughput (all on minus that layer off, keep at 10 % or more):")
        for off in layers:
            share = 100 * (lesson_rps - mean[off]) / lesson_rps
            runs = ", ".join(f"{rps:.1f}" for rps in lesson_runs[off])
            print(f"  {off:10} {share:6.1f} %  (without it {mean[off]:7.1f} requests/s: {runs})")
        print(f"lesson page weight:   {weight / 1024:8.1f} KB gzip (HTML {raw_kb:.1f} KB raw + CSS), goal < 60 KB")

        if args.soak:
            server = start_server(args.workers, "")
            try:
                soak_rps, output = wrk(base + lesson_path, args.soak, LEARNERS, str(script))
            finally:
                stop_server(server)
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
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
