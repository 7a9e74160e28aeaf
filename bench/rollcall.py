"""Benchmark: 300 learners check in to one session day by its code within 60 s, against gunicorn (2 workers).

Usage:
    .venv/bin/python bench/rollcall.py [--learners 300] [--seconds 60] [--concurrency 20] [--double-every 5]

With DATABASE_URL set (PostgreSQL) it runs against that database; without, against a fresh SQLite file
in a temporary directory (migrated here). Each learner is logged in beforehand (a session row, as after a
login) and has opened the check-in page (so it holds the CSRF cookie and token a phone would); then the
check-ins are fired, spread evenly over --seconds, every --double-every'th learner tapping twice at once.

Prints: requests sent, errors (anything but the redirect after a check-in, or no answer), double counts
(attendance rows beyond one per learner for the day), learners left without attendance, and the
latency percentiles (p50, p99) of the check-in POSTs.
"""

import argparse
import concurrent.futures
import http.cookies
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8766
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def environment(tmp: str) -> dict:
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    env["DJANGO_DEBUG"] = "false"
    env["PYTHONPATH"] = str(ROOT)  # this checkout, not another one the virtualenv may point at
    if not env.get("DATABASE_URL"):
        # SQLite waits for the other worker's write instead of failing at once ("database is locked"):
        # a busy timeout, and transactions that take the write lock when they begin (a read that later
        # writes cannot wait for a lock another transaction holds: SQLite fails it at once).
        env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3?timeout=30&transaction_mode=IMMEDIATE"
    return env


def prepare(learners: int) -> tuple[int, str, list[str]]:
    """A session held today, its day code and one logged-in session cookie per learner."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from areas.models import Area
    from training.models import TrainingSession
    from training.rollcall import day_code_for

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)  # DEBUG off: pages name hashed static files
    User = get_user_model()
    province, _ = Area.objects.get_or_create(
        code="B49", valid_from=None, defaults={"name": "Bench", "kind": Area.PROVINCE}
    )
    today = timezone.localdate()
    session = TrainingSession.objects.create(title="Bench roll-call", area=province, starts_on=today, ends_on=today)
    code = day_code_for(session, today)
    cookies = []
    stamp = int(time.time())
    for n in range(learners):
        user = User(email=f"bench.{stamp}.{n}@example.org", full_name=f"Bench {n}")
        user.set_unusable_password()
        user.save()
        client = Client()  # one each: logging in again on one client would end the previous session
        client.force_login(user)
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}")
    return session.pk, code.code, cookies


def _only_this_checkout() -> None:
    """Import the project from this checkout only.

    An editable install of the project (another checkout) adds an import finder that would supply any
    module this checkout lacks (a worktree behind its main branch) from that other checkout.
    """
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in type(f).__name__.lower()]


SERVE = (
    "import sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in type(f).__name__.lower()]; "
    "from gunicorn.app.wsgiapp import run; sys.argv[0] = 'gunicorn'; sys.exit(run())"
)


def start_server(env: dict, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-c", SERVE, "--chdir", str(ROOT), "lms.wsgi", "-b", f"127.0.0.1:{PORT}"]
        + ["-w", str(workers), "--log-level", "error"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/accounts/login/", timeout=30)
            return server
        except OSError:  # not listening yet, or still loading the application
            time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    raise SystemExit("the server did not start")


def open_page(url: str, cookie: str) -> str:
    """GET the check-in page as the learner: returns their Cookie header with the CSRF cookie and the token."""
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    try:
        response = OPENER.open(request, timeout=30)
    except urllib.error.HTTPError as error:
        raise SystemExit(f"the check-in page answered {error.code} {error.headers.get('Location', '')}") from None
    with response:
        body = response.read().decode()
        jar = http.cookies.SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
    extra = "; ".join(f"{k}={m.value}" for k, m in jar.items())
    return f"{cookie}; {extra}" if extra else cookie, TOKEN.search(body).group(1)


def check_in(url: str, cookie: str, token: str) -> tuple[float, int | None]:
    data = f"csrfmiddlewaretoken={token}".encode()
    headers = {"Cookie": cookie, "Referer": url, "Content-Type": "application/x-www-form-urlencoded"}
    start = time.perf_counter()
    try:
        with OPENER.open(urllib.request.Request(url, data=data, headers=headers), timeout=30) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:  # no answer, reset, timed out
        status = None
    return time.perf_counter() - start, status


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--double-every", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="bench-rollcall-")
    env = environment(tmp)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    _only_this_checkout()
    session_pk, code, cookies = prepare(args.learners)
    print(f"prepared {len(cookies)} learners", file=sys.stderr, flush=True)
    server = start_server(env, args.workers)
    print("server up", file=sys.stderr, flush=True)
    try:
        for _ in range(args.workers * 2):  # let every worker load the application before timing
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/accounts/login/", timeout=60)
        url = f"http://127.0.0.1:{PORT}/check-in/{session_pk}/{code}/"
        with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
            ready = list(pool.map(lambda c: open_page(url, c), cookies))
        print("check-in pages opened", file=sys.stderr, flush=True)
        jobs = []
        for n, (cookie, token) in enumerate(ready):
            taps = 2 if args.double_every and n % args.double_every == 0 else 1
            jobs.extend([(n * args.seconds / len(ready), cookie, token)] * taps)
        started = time.perf_counter()

        def fire(job):
            at, cookie, token = job
            delay = at - (time.perf_counter() - started)
            if delay > 0:
                time.sleep(delay)
            return check_in(url, cookie, token)

        with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
            results = list(pool.map(fire, jobs))
        elapsed = time.perf_counter() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    from django.db.models import Count

    from training.models import Attendance, SessionParticipant

    per_learner = dict(
        SessionParticipant.objects.filter(session_id=session_pk)
        .annotate(days=Count("attendance"))
        .values_list("person_id", "days")
    )
    double = sum(max(0, days - 1) for days in per_learner.values())
    missing = args.learners - sum(1 for days in per_learner.values() if days >= 1)
    latencies = [latency for latency, _status in results]
    errors = sum(1 for _latency, status in results if status != 302)
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    print(f"database {database}, gunicorn workers {args.workers}, concurrency {args.concurrency}")
    print(f"check-in requests {len(results)} ({args.learners} learners) in {elapsed:.1f} s")
    print(f"errors {errors}")
    print(f"double counts {double}")
    print(f"learners without attendance {missing}")
    print(f"attendance rows {Attendance.objects.filter(participant__session_id=session_pk).count()}")
    print(f"p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p99 {percentile(latencies, 0.99) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
