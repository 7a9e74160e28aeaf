"""Fault drill: gunicorn + a Celery worker + beat under a load of learners, through restarts and kills.

Usage (PostgreSQL from scripts/services.sh; the script runs its own Redis, with its append-only file on as
the production broker must have it):
    export SERVICES_DIR=/tmp/svc-faults PG_PORT=54481 REDIS_PORT=63881
    eval "$(scripts/services.sh start)"
    .venv/bin/python bench/faults.py [--clients 4] [--learners 500] [--redis-port 63891]

For each fault (restart PostgreSQL, restart Redis, Redis down for 30 s, kill -9 a worker child, kill -9 the
worker's main process; a supervisor loop here stands in for systemd's Restart=on-failure) it prints: requests,
5xx, connection errors, lessons completed and certificates issued during the fault's window (a row measured
without completions shows as such), lesson completions lost or duplicated (the clients' successes against the
database's rows), certificates without a PDF at the end of the window, e-mails sent twice (the file mail
backend's messages) and the recovery time (until a lesson completion succeeds through gunicorn, which needs
the database, and a worker heartbeat sent after the fault is recorded).
Each learner reads every lesson page before completing it, and an anonymous visitor opens the home page,
search and /verify/ now and then; a client that has walked all its learners goes on reading pages. The
default 500 learners walking 16 lessons each outlast the drill on a two-core machine.
At the end it runs the periodic sweeps (beat: every 5 minutes; here every 30 s) and waits until every
certificate has its PDF and the outbox is empty (or 5 minutes), printing how long each took.
A script, not a test: it takes several minutes and restarts services.
"""

import argparse
import atexit
import collections
import email
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
WEB_PORT = 8766
TO_WALK = 16  # lessons each learner completes through the web; the earlier ones are done in prepare()
SETTLE = 20  # seconds of load after each recovery, so that late effects (renders, e-mails) show up
REDIS_DOWN = 30  # seconds Redis stays away in the "Redis down" fault
CATCH_UP = 300  # seconds the final check waits for the sweeps' renders and e-mails
SWEEP_EVERY = 30  # seconds between the final check's sweeps (beat's schedule, compressed)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- Services ----------------------------------------------------------------------------------------


def as_postgres(*command: str) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


def pg_ctl(*args: str) -> None:
    pgbin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
    data = Path(os.environ["SERVICES_DIR"]) / "pg"
    subprocess.run(as_postgres(str(pgbin / "pg_ctl"), "-D", str(data), "-w", "-t", "60", *args), check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


class Redis:
    def __init__(self, port: int, directory: Path):
        self.port, self.directory = port, directory

    def start(self) -> None:
        subprocess.run(
            ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", str(self.port),
             "--dir", str(self.directory), "--save", "", "--appendonly", "yes",
             "--pidfile", str(self.directory / "redis.pid"), "--logfile", str(self.directory / "redis.log")],
            check=True,
        )  # fmt: skip
        self._wait(lambda: self.cli("ping") == "PONG")

    def stop(self) -> None:
        self.cli("shutdown", "nosave")
        self._wait(lambda: self.cli("ping") != "PONG")

    def cli(self, *args: str) -> str:
        return subprocess.run(["redis-cli", "-p", str(self.port), *args], capture_output=True, text=True).stdout.strip()

    @staticmethod
    def _wait(condition, seconds: float = 15) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError("redis did not change state")
            time.sleep(0.1)


class Supervised:
    """A process restarted whenever it exits (systemd's Restart=on-failure, RestartSec=1)."""

    def __init__(self, name: str, command: list[str], env: dict, logfile: Path):
        self.name, self.command, self.env, self.logfile = name, command, env, logfile
        self.process: subprocess.Popen | None = None
        self.restarts = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()
        while self.process is None:
            time.sleep(0.1)

    def _run(self) -> None:
        with self.logfile.open("a") as out:
            while not self._stop.is_set():
                self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env, stdout=out, stderr=out)
                code = self.process.wait()
                if self._stop.is_set():
                    return
                self.restarts += 1
                log(f"{self.name} exited ({code}); restarting in 1 s")
                time.sleep(1)

    def stop(self) -> None:
        self._stop.set()
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()


# --- Data --------------------------------------------------------------------------------------------


def prepare(learners: int) -> tuple[list[dict], list[tuple[int, str, str]], list[str]]:
    """Demo data; new learners (for this run) with every quiz of the ToT course passed, so their last lesson
    completes it and issues a certificate."""
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    from accounts.models import User
    from courses.models import CoursePage, Enrollment, LessonCompletion, QuizAttempt
    from courses.models.pages import QuizPage

    course = CoursePage.objects.get(is_tot=True)
    lessons = list(course.lessons())
    quizzes = list(QuizPage.objects.live().descendant_of(course))
    people = []
    run = time.strftime("%Y%m%d%H%M%S")
    for n in range(learners):
        user = User.objects.create_user(email=f"faults-{run}-{n}@example.org", password=None,
                                        full_name=f"Học viên thử {n}")  # fmt: skip
        enrollment, _created = Enrollment.objects.get_or_create(user=user, course=course)
        for quiz in quizzes:
            QuizAttempt.objects.get_or_create(
                enrollment=enrollment, quiz=quiz, number=1, defaults={"score": 100, "passed": True, "answers": {}}
            )
        for lesson in lessons[:-TO_WALK]:
            LessonCompletion.objects.get_or_create(enrollment=enrollment, lesson=lesson)
        client = Client()
        client.force_login(user, backend="accounts.backends.EmailOrPhoneBackend")
        people.append({"user_id": user.pk, "session": client.cookies["sessionid"].value})
    from django.urls import reverse

    from trainers.models import Certificate

    steps = [(lesson.pk, lesson.url, reverse("courses:complete_lesson", args=[lesson.pk])) for lesson in lessons]
    # Pages anyone may open, read now and then by an anonymous visitor alongside the learners.
    codes = Certificate.objects.filter(status=Certificate.VALID).values_list("code", flat=True)[:3]
    public = ["/", "/en/", "/search/?q=kh%E1%BB%9Fi+nghi%E1%BB%87p"]
    public += [reverse("trainers:verify", args=[code]) for code in codes]
    return people, steps, public


def completions(user_ids: list[int]) -> collections.Counter:
    from courses.models import LessonCompletion

    rows = LessonCompletion.objects.filter(enrollment__user_id__in=user_ids).values_list(
        "enrollment__user_id", "lesson_id"
    )
    return collections.Counter(rows)


def pdfs_missing(user_ids: list[int]) -> int:
    from trainers.models import Certificate

    return Certificate.objects.awaiting_pdf().filter(person_id__in=user_ids).count()


def outbox_unsent(user_ids: list[int]) -> int:
    from trainers.models import Notification

    return (
        Notification.objects.filter(user_id__in=user_ids)
        .exclude(status__in=[Notification.SENT, Notification.SKIPPED])
        .count()
    )


def certificates(user_ids: list[int]) -> int:
    from trainers.models import Certificate

    return Certificate.objects.filter(person_id__in=user_ids).count()


def mails(directory: Path) -> tuple[int, int]:
    """Messages written by the file mail backend, and how many repeat an earlier (recipient, subject)."""
    seen = collections.Counter()
    for path in directory.glob("*"):
        for chunk in path.read_text(errors="replace").split("\n" + "-" * 79 + "\n"):
            if chunk.strip():
                message = email.message_from_string(chunk)
                seen[(message["To"], message["Subject"])] += 1
    return sum(seen.values()), sum(n - 1 for n in seen.values())


# --- Load --------------------------------------------------------------------------------------------


class Load:
    """A few clients, each walking its learners through the course's lessons (POST "complete")."""

    PUBLIC_EVERY = 20  # one anonymous page per this many requests (keeps /verify/ under its throttle's 30/min)

    def __init__(self, people: list[dict], lessons: list[tuple[int, str, str]], public: list[str], clients: int):
        self.lessons, self.public = lessons, public
        self.stats = collections.Counter()
        self.successes: set[tuple[int, int]] = set()
        self.last_ok = 0.0
        self.lock = threading.Lock()
        self.counted = self.public_due = self.visits = 0
        self.stop = threading.Event()
        groups = [people[i::clients] for i in range(clients)]
        self.threads = [threading.Thread(target=self._client, args=(g,), daemon=True) for g in groups]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def _client(self, people: list[dict]) -> None:
        base = f"http://127.0.0.1:{WEB_PORT}"
        sessions = []
        for person in people:
            s = requests.Session()
            s.cookies.set("sessionid", person["session"])
            sessions.append((person, s, {"next": len(self.lessons) - TO_WALK, "token": None, "read": False}))
        visitor = requests.Session()
        for person, s, state in sessions:
            while state["next"] < len(self.lessons):
                if self.stop.is_set():
                    return
                self._visit(visitor, base)
                lesson_id, url, complete = self.lessons[state["next"]]
                try:
                    if not state["read"]:  # a learner reads the lesson before marking it done
                        page = s.get(base + url, timeout=30)
                        self._count(page.status_code)
                        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
                        if not match:
                            time.sleep(0.2)
                            continue
                        state["token"], state["read"] = match.group(1), True
                    done = s.post(
                        base + complete,
                        data={"csrfmiddlewaretoken": state["token"]},
                        allow_redirects=False,
                        timeout=30,
                    )
                except requests.RequestException:
                    self._count(None)
                    time.sleep(0.2)
                    continue
                self._count(done.status_code)
                if done.status_code == 302:
                    with self.lock:
                        self.successes.add((person["user_id"], lesson_id))
                        self.last_ok = time.monotonic()
                    state["next"] += 1
                    state["read"] = False
                elif done.status_code == 403:
                    state["read"] = False  # a new CSRF token after a session hiccup
                else:
                    time.sleep(0.2)
        # Every learner of this client is through: keep the load on by reading lessons until the drill ends.
        n = 0
        while not self.stop.is_set():
            self._visit(visitor, base)
            _person, s, _state = sessions[n % len(sessions)]
            _lesson_id, url, _complete = self.lessons[n % len(self.lessons)]
            n += 1
            try:
                self._count(s.get(base + url, timeout=30).status_code)
            except requests.RequestException:
                self._count(None)
                time.sleep(0.2)

    def _visit(self, visitor: requests.Session, base: str) -> None:
        """An anonymous visitor's page (home, search, a certificate check) when one is due."""
        with self.lock:
            if not self.public_due:
                return
            self.public_due -= 1
            self.visits += 1
            url = self.public[self.visits % len(self.public)]
        try:
            self._count(visitor.get(base + url, timeout=30).status_code)
        except requests.RequestException:
            self._count(None)

    def _count(self, status: int | None) -> None:
        with self.lock:
            self.counted += 1
            if self.counted % self.PUBLIC_EVERY == 0:
                self.public_due += 1
            self.stats["requests"] += 1
            if status is None:
                self.stats["connection errors"] += 1
            elif status >= 500:
                self.stats["5xx"] += 1
            elif status >= 400:
                self.stats["4xx"] += 1

    def snapshot(self) -> tuple[collections.Counter, set]:
        with self.lock:
            return collections.Counter(self.stats), set(self.successes)


# --- Drill -------------------------------------------------------------------------------------------


def worker_heartbeat_after(moment: float, app) -> bool:
    from core.heartbeats import Heartbeat

    return Heartbeat.objects.filter(kind=Heartbeat.WORKER, last_seen__gte=moment).exists()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--learners", type=int, default=500)  # enough for the walk to outlast the drill
    parser.add_argument("--redis-port", type=int, default=63891)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not os.environ.get("SERVICES_DIR"):
        sys.exit("Set SERVICES_DIR and DATABASE_URL to scripts/services.sh's PostgreSQL (see the docstring).")

    work = Path(tempfile.mkdtemp(prefix="faults-"))
    (work / "mail").mkdir()
    redis = Redis(args.redis_port, work)
    redis.start()
    atexit.register(redis.stop)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # atexit then stops what this script started
    # bench.settings, with server errors logged (what raised during a fault) to the processes' logs.
    (work / "faults_settings.py").write_text(
        "from bench.settings import *  # noqa\n"
        "LOGGING = {'version': 1, 'disable_existing_loggers': False,"
        " 'handlers': {'console': {'class': 'logging.StreamHandler'}},"
        " 'root': {'handlers': ['console'], 'level': 'WARNING'}}\n"
    )
    os.environ.update(
        PYTHONPATH=os.pathsep.join([str(ROOT), str(work)]),
        DJANGO_SETTINGS_MODULE="faults_settings",
        CELERY_BROKER_URL=f"redis://127.0.0.1:{args.redis_port}/0",
        CACHE_URL=f"rediscache://127.0.0.1:{args.redis_port}/1",
        EMAIL_URL=f"filemail:///{work / 'mail'}",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        DB_CONN_MAX_AGE="60",
        PRIVATE_MEDIA_ROOT=str(work / "private"),
        MEDIA_ROOT=str(work / "media"),
    )
    os.environ.pop("CELERY_RESULT_BACKEND", None)
    sys.path[:0] = [str(ROOT), str(work)]
    import django

    django.setup()
    from django.db import close_old_connections

    from lms.celery import app

    log("preparing demo data and learners")
    people, lessons, public = prepare(args.learners)
    user_ids = [p["user_id"] for p in people]
    env = dict(os.environ)
    python = sys.executable
    gunicorn = [str(ROOT / ".venv/bin/gunicorn"), "lms.wsgi", "-w", "3", "-b", f"127.0.0.1:{WEB_PORT}"]
    web = Supervised("gunicorn", [*gunicorn, "--log-level", "warning"], env, work / "web.log")
    worker = Supervised("worker", [python, "-m", "celery", "-A", "lms", "worker", "--pool=prefork", "-c", "2",
                                   "-n", "faults@%h", "-l", "warning"], env, work / "worker.log")  # fmt: skip
    beat = Supervised("beat", [python, "-m", "celery", "-A", "lms", "beat", "-l", "warning",
                               "-s", str(work / "beat-schedule")], env, work / "beat.log")  # fmt: skip
    for process in (web, worker, beat):
        process.start()
        atexit.register(process.stop)
    time.sleep(8)
    load = Load(people, lessons, public, args.clients)
    load.start()
    log(f"load: {args.clients} clients, {len(people)} learners, {len(lessons)} lessons each; logs in {work}")

    def restart_postgres():
        pg_ctl("-m", "fast", "restart")

    def restart_redis():
        redis.stop()
        time.sleep(3)
        redis.start()

    def redis_down_a_while():
        redis.stop()
        time.sleep(REDIS_DOWN)
        redis.start()

    def kill_worker_child():
        children = subprocess.run(["pgrep", "-P", str(worker.process.pid)], capture_output=True, text=True).stdout
        os.kill(int(children.split()[0]), signal.SIGKILL)

    def kill_worker_main():
        os.kill(worker.process.pid, signal.SIGKILL)

    faults = [
        ("none (baseline)", lambda: None),
        ("restart PostgreSQL", restart_postgres),
        ("restart Redis", restart_redis),
        (f"Redis down {REDIS_DOWN} s", redis_down_a_while),
        ("kill -9 worker child", kill_worker_child),
        ("kill -9 worker main", kill_worker_main),
    ]
    rows = []
    time.sleep(10)
    for name, inject in faults:
        close_old_connections()
        stats_before, ok_before = load.snapshot()
        issued_before = certificates(user_ids)
        wall = time.time()
        started = time.monotonic()
        log(f"fault: {name}")
        inject()
        recovered = None
        probe_sent = False
        waiting_for = set()
        while time.monotonic() - started < 180:
            close_old_connections()
            try:
                if not probe_sent:
                    app.send_task("home.tasks.record_worker_heartbeat")
                    probe_sent = True
                if load.last_ok > started and worker_heartbeat_after(_at(wall), app):
                    recovered = time.monotonic() - started
                    break
            except Exception as error:  # the services are coming back
                if type(error).__name__ not in waiting_for:
                    waiting_for.add(type(error).__name__)
                    log(f"  waiting: {type(error).__name__}")
            time.sleep(0.5)
        time.sleep(SETTLE)
        close_old_connections()
        stats, successes = load.snapshot()
        in_db = completions(user_ids)
        lost = len([key for key in successes if key not in in_db])
        duplicated = sum(n - 1 for n in in_db.values())
        sent, twice = mails(work / "mail")
        rows.append(
            {
                "fault": name,
                "requests": stats["requests"] - stats_before["requests"],
                "5xx": stats["5xx"] - stats_before["5xx"],
                "conn err": stats["connection errors"] - stats_before["connection errors"],
                "completed": len(successes) - len(ok_before),
                "certs issued": certificates(user_ids) - issued_before,
                "lost": lost,
                "dup": duplicated,
                "no PDF yet": pdfs_missing(user_ids),
                "mails": sent,
                "twice": twice,
                "recovery s": f"{recovered:.1f}" if recovered is not None else "> 180",
            }
        )
        log(f"  {rows[-1]}")

    # What the periodic sweeps recover: beat runs them every 5 minutes; here every SWEEP_EVERY seconds to shorten
    # the wait. The outbox sweep only re-queues rows pending for 2 minutes (their own task may still be on its
    # way), so a message whose task was lost shows up here within about 2.5 minutes, in production within 7.
    load.stop.set()
    swept = time.monotonic()
    last_sweep = -SWEEP_EVERY
    pdfs_done = outbox_done = None
    while time.monotonic() - swept < CATCH_UP:
        if time.monotonic() - last_sweep >= SWEEP_EVERY:
            app.send_task("trainers.tasks.render_missing_certificate_pdfs")
            app.send_task("trainers.tasks.sweep_notifications")
            last_sweep = time.monotonic()
        close_old_connections()
        missing, unsent = pdfs_missing(user_ids), outbox_unsent(user_ids)
        if not missing and pdfs_done is None:
            pdfs_done = time.monotonic() - swept
        if not unsent and outbox_done is None:
            outbox_done = time.monotonic() - swept
        if pdfs_done is not None and outbox_done is not None:
            break
        time.sleep(1)
    after_sweep = missing, unsent, mails(work / "mail")
    headers = list(rows[0])
    widths = {h: max(len(h), *(len(str(r[h])) for r in rows)) for h in headers}
    print()
    print(" | ".join(h.ljust(widths[h]) for h in headers))
    print("-|-".join("-" * widths[h] for h in headers))
    for row in rows:
        print(" | ".join(str(row[h]).ljust(widths[h]) for h in headers))
    missing, unsent, (sent, twice) = after_sweep

    def within(seconds):
        return f"after {seconds:.0f} s" if seconds is not None else f"still, after {CATCH_UP} s"

    print(f"\nAfter the sweeps: certificates without a PDF {missing} ({within(pdfs_done)}); "
          f"outbox rows not sent {unsent} ({within(outbox_done)}); e-mails {sent}, sent twice {twice}.")  # fmt: skip
    print(f"Restarts: worker {worker.restarts}, web {web.restarts}, beat {beat.restarts}.")
    print(f"Logs: {work}")


def _at(wall: float):
    import datetime

    from django.utils import timezone

    return datetime.datetime.fromtimestamp(wall, tz=timezone.get_current_timezone())


if __name__ == "__main__":
    main()
