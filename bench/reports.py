"""Benchmark: the reports dashboard on a province-scale data set in PostgreSQL.

Usage (PostgreSQL from scripts/services.sh):
    eval "$(scripts/services.sh start)"
    .venv/bin/python bench/reports.py [--scale 1.0 | --growth 0.1 1 2] [--repeat 3] [--keep] [--only cascade ...]
                                      [--explain 100]

Creates (or recreates) the database `lms_bench_reports` next to the one in DATABASE_URL, migrates it,
loads the demo areas and courses, then builds in bulk with INSERT … SELECT generate_series:
at --scale 1, 200,000 learners with profiles and learner groups, 5,000 trainers in five generations
(4,000 certified), 20,000 sessions with 400,000 participant places, 400,000 enrolments and about
2,000,000 lesson completions, then rebuilds the kept reach tables (`manage.py rebuild_reach`).
Prints the time of each report and of its CSV and XLSX export, then of the dashboard's figures (every
report) and of the whole dashboard page with its queries, for a province administrator
(everything; filtered to Duy Xuyên; to 2024; up to the end of 2024; since 2021; one course;
2024 in Duy Xuyên) and a district administrator (Duy Xuyên). With --keep, the kept database is
migrated first. --explain MS prints EXPLAIN ANALYZE of the statements of every report slower than MS.
--growth 0.1 1 2 builds and measures at 20 k, 200 k and 400 k learners in turn and ends with a table of
each report's slowest case at each size.
"""

import argparse
import os
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = "lms_bench_reports"
GENERATIONS = [100, 300, 700, 1400, 2500]  # 5,000 trainers


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit('DATABASE_URL must point at PostgreSQL: eval "$(scripts/services.sh start)"')
    return url


def recreate_database(url: str, keep: bool) -> str:
    import psycopg

    parsed = urlparse(url)
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone()
        if exists and not keep:
            conn.execute(f'DROP DATABASE "{DB_NAME}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    return urlunparse(parsed._replace(path=f"/{DB_NAME}"))


def django_setup(url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    os.environ.pop("CELERY_BROKER_URL", None)
    import django

    django.setup()


def run(cur, sql: str, params=()) -> None:
    """Execute with parameters: a bare % (modulo, LIKE) is doubled so the driver leaves it alone."""
    sql = re.sub(r"%%|%s|%", lambda m: m.group(0) if m.group(0) in ("%%", "%s") else "%%", sql)
    cur.execute(sql, list(params))


class Timer:
    def __init__(self, label: str):
        self.label = label

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        print(f"  {self.label:<52} {self.seconds:8.1f} s", flush=True)


def build(scale: float) -> None:
    from django.core.management import call_command
    from django.db import connection

    from areas.models import Area
    from courses.models import CoursePage, LessonPage

    learners = int(200_000 * scale)
    sessions = int(20_000 * scale)
    generations = [max(1, int(n * scale)) for n in GENERATIONS]
    print(f"Building: {learners:,} learners, {sum(generations):,} trainers, {sessions:,} sessions", flush=True)
    with Timer("migrate + demo data"):
        call_command("migrate", verbosity=0)
        call_command("load_demo_data", verbosity=0)
    districts = [a.pk for a in Area.objects.districts().order_by("code")]
    dx = Area.objects.get(code="508")
    communes = list(Area.objects.filter(parent=dx).order_by("code").values_list("pk", flat=True))
    tot = CoursePage.objects.get(is_tot=True)
    others = list(CoursePage.objects.filter(is_tot=False).order_by("pk").values_list("pk", flat=True))[:2]
    tot_lessons = list(LessonPage.objects.descendant_of(tot).order_by("path").values_list("pk", flat=True))
    other_lessons = {
        c: list(
            LessonPage.objects.descendant_of(CoursePage.objects.get(pk=c)).order_by("path").values_list("pk", flat=1)
        )
        for c in others
    }
    d_array = "(ARRAY[" + ",".join(map(str, districts)) + "])"
    c_array = "(ARRAY[" + ",".join(map(str, communes)) + "])"
    n_d, n_c = len(districts), len(communes)

    with connection.cursor() as cur:
        # Bulk rows without row triggers (FirstReach is rebuilt in one statement below, as a restore would).
        run(cur, "SET session_replication_role = replica")
        with Timer("users (learners and trainers)"):
            run(
                cur,
                """INSERT INTO accounts_user (password, is_superuser, email, full_name, is_staff, is_active,
                       date_joined, preferred_language)
                   SELECT '!', false, 'bench-' || g || '@example.org', 'Học viên ' || g, false, true,
                          now(), CASE WHEN g % 10 = 0 THEN 'en' ELSE 'vi' END
                   FROM generate_series(1, %s) g""",
                [learners + sum(generations)],
            )
            run(cur, "SELECT min(id) FROM accounts_user WHERE email LIKE 'bench-%%'")
            first_user = cur.fetchone()[0]
        with Timer("profiles + learner groups"):
            run(
                cur,
                f"""INSERT INTO trainers_profile (gender, birth_year, organisation, area_id, commune_id, user_id)
                    SELECT (ARRAY['female','male','female','male','other',''])[1 + g % 6], 1960 + g % 45, '',
                           {d_array}[1 + g % {n_d}],
                           CASE WHEN {d_array}[1 + g % {n_d}] = %s THEN {c_array}[1 + (g / {n_d}) % {n_c}] END,
                           %s + g
                    FROM generate_series(0, %s - 1) g""",
                [dx.pk, first_user, learners],
            )
            run(
                cur,
                """INSERT INTO trainers_profile_learner_groups (profile_id, audience_id)
                   SELECT p.id, a.id FROM trainers_profile p JOIN courses_audience a
                     ON (p.id % 5 = a.id % 5) OR (p.id % 7 = 0 AND a.code = 'students')
                   WHERE p.user_id >= %s ON CONFLICT DO NOTHING""",
                [first_user],
            )
        with Timer("trainers in five generations + certificates"):
            person = first_user + learners
            previous = None
            for generation, size in enumerate(generations, start=1):
                parent = (
                    "NULL"
                    if previous is None
                    else f"(SELECT min(id) FROM trainers_trainer WHERE generation = {generation - 1}) + g % {previous}"
                )
                run(
                    cur,
                    f"""INSERT INTO trainers_trainer (level, bio, generation, created_at, home_area_id, person_id,
                            trained_by_id)
                        SELECT CASE WHEN g % 5 = 4 THEN 'candidate' WHEN g % 9 = 0 THEN 'master' ELSE 'core' END, '',
                               %s, now(), {d_array}[1 + g % {n_d}], %s + g, {parent}
                        FROM generate_series(0, %s - 1) g""",
                    [generation, person, size],
                )
                person += size
                previous = size
            run(
                cur,
                """INSERT INTO trainers_certificate (kind, number, code, holder_name, trainer_level, issued_on,
                       expires_on, status, revoked_reason, pdf, pdf_sha256, subject, area_id, person_id, trained_by_id)
                   SELECT 'trainer', 'B-' || t.id, md5('bench' || t.id), u.full_name, t.level,
                          date '2022-01-01' + (t.id * 37 % 1600)::int, date '2025-01-01' + (t.id * 37 % 1600)::int,
                          'valid', '', '', '', '', t.home_area_id, t.person_id, t.trained_by_id
                   FROM trainers_trainer t JOIN accounts_user u ON u.id = t.person_id
                   WHERE t.level <> 'candidate' AND u.email LIKE 'bench-%%'""",
            )
        with Timer("sessions, leaders, participants"):
            run(
                cur,
                f"""INSERT INTO trainers_trainingsession (title, mode, starts_on, ends_on, venue, is_tot, area_id,
                        review_status, report_status)
                    SELECT 'Lớp ' || g, 'in_person', date '2022-01-01' + (g * 7919 % 1700)::int,
                           date '2022-01-02' + (g * 7919 % 1700)::int, '', g % 50 = 0, {d_array}[1 + g % {n_d}],
                           'approved', 'approved'
                    FROM generate_series(0, %s - 1) g""",
                [sessions],
            )
            run(
                cur,
                """WITH s AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM trainers_trainingsession
                              WHERE title LIKE 'Lớp %%'),
                        t AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS c
                              FROM trainers_trainer)
                   INSERT INTO trainers_trainingsession_trainers (trainingsession_id, trainer_id)
                   SELECT s.id, t.id FROM s JOIN t ON t.n = 1 + s.n % t.c OR (s.n % 3 = 0 AND t.n = 1 + (s.n * 7) % t.c)
                   ON CONFLICT DO NOTHING""",
            )
            run(
                cur,
                """WITH s AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM trainers_trainingsession
                              WHERE title LIKE 'Lớp %%')
                   INSERT INTO trainers_sessionparticipant (enrolled_at, result, result_note, person_id, session_id,
                       listed_name, listed_gender, listed_organisation, listed_phone, listed_email, listed_commune)
                   SELECT now(), 'pending', '', %s + ((s.n * 20 + j) %% %s), s.id, '', '', '', '', '', ''
                   FROM s CROSS JOIN generate_series(0, 19) j""",
                [first_user, learners],
            )
        with Timer("enrolments"):
            run(
                cur,
                """INSERT INTO courses_enrollment (enrolled_at, completed_at, course_id, user_id)
                   SELECT timestamptz '2022-01-01' + (g * 7 % 1700) * interval '1 day',
                          CASE WHEN g % 5 < 2 THEN timestamptz '2022-02-01' + (g * 7 % 1700) * interval '1 day' END,
                          c.course, %s + g
                   FROM generate_series(0, %s - 1) g
                   CROSS JOIN (SELECT unnest(%s::int[]) AS course) c""",
                [first_user, learners, [tot.pk, others[0]]],
            )
        with Timer("lesson completions"):
            for course, lessons, modulo in ((tot.pk, tot_lessons, 18), (others[0], other_lessons[others[0]], 4)):
                run(
                    cur,
                    """INSERT INTO courses_lessoncompletion (completed_at, enrollment_id, lesson_id)
                       SELECT e.enrolled_at + l.n * interval '1 day', e.id, l.lesson
                       FROM courses_enrollment e
                       JOIN unnest(%s::int[]) WITH ORDINALITY AS l(lesson, n) ON l.n <= (e.user_id %% %s)
                       WHERE e.course_id = %s""",
                    [lessons, modulo, course],
                )
        with Timer("targets"):
            run(
                cur,
                """INSERT INTO trainers_target (area_id, year, certified_trainers, people_trained, women_reached,
                       students_reached, startup_projects, status, review_comment)
                   SELECT a.id, y, 300 * (y - 2020) / 10, 15000 * (y - 2020) / 10, 7000 * (y - 2020) / 10,
                          5000 * (y - 2020) / 10, 20, 'approved', ''
                   FROM trainers_area a CROSS JOIN (VALUES (2025), (2030)) v(y)
                   WHERE a.kind IN ('city', 'town', 'district') ON CONFLICT DO NOTHING""",
            )
        run(cur, "SET session_replication_role = DEFAULT")
        with Timer("reach tables (manage.py rebuild_reach)"):
            call_command("rebuild_reach", verbosity=0)
        with Timer("ANALYZE"):
            run(cur, "ANALYZE")
        for table in (
            "accounts_user",
            "trainers_trainer",
            "trainers_certificate",
            "trainers_trainingsession",
            "trainers_sessionparticipant",
            "courses_enrollment",
            "courses_lessoncompletion",
            "reports_firstreach",
            "reports_cascadereach",
        ):
            run(cur, f"SELECT count(*) FROM {table}")
            print(f"  {table:<34} {cur.fetchone()[0]:>12,}")


def dashboard_query(filters) -> str:
    """The dashboard's query string for these filters (its form's field names)."""
    from urllib.parse import urlencode

    fields = {
        "area": filters.area.pk if filters.area else None,
        "date_from": filters.date_from,
        "date_to": filters.date_to,
        "course": filters.course.pk if filters.course else None,
    }
    return urlencode({name: value for name, value in fields.items() if value is not None})


def explain(statements: list[dict], slower_than_ms: float) -> None:
    """EXPLAIN ANALYZE of each statement that took longer than the threshold: where the time goes."""
    from django.db import connection

    for statement in statements:
        if float(statement["time"]) * 1000 < slower_than_ms:
            continue
        print(f"    EXPLAIN ANALYZE ({float(statement['time']) * 1000:.0f} ms): {statement['sql'][:160]}…")
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement["sql"].replace("%", "%%"))
            for (line,) in cursor.fetchall()[:25]:
                print(f"      {line}")


def measure(repeat: int, only: list[str] | None = None, explain_ms: float | None = None) -> dict:
    """Best time (ms) of each report, of the dashboard's figures and of the whole dashboard page, per case."""
    from django.contrib.auth.models import Group
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from areas.models import AdminScope, Area
    from courses.models import CoursePage
    from lms import roles
    from reports.figures import REPORTS, ReportFilters, all_reports, report_csv, report_xlsx

    superuser, _ = User.objects.get_or_create(
        email="bench-root@example.org", defaults={"full_name": "Bench", "is_superuser": True, "is_staff": True}
    )
    district, _ = User.objects.get_or_create(
        email="bench-dx@example.org", defaults={"full_name": "Bench DX", "is_staff": True}
    )
    dx = Area.objects.get(code="508")
    AdminScope.objects.get_or_create(user=district, defaults={"area": dx})
    district.groups.add(Group.objects.get(name=roles.DISTRICT_ADMINISTRATORS.name))  # the admin's dashboard
    import datetime

    cases = [
        ("province, no filter", superuser, ReportFilters()),
        # The district administrator's view must cost no more than the province's filtered to the district.
        ("province, Duy Xuyên", superuser, ReportFilters(area=dx)),
        (
            "province, 2024",
            superuser,
            ReportFilters(date_from=datetime.date(2024, 1, 1), date_to=datetime.date(2024, 12, 31)),
        ),
        ("province, up to 2024", superuser, ReportFilters(date_to=datetime.date(2024, 12, 31))),
        ("province, since 2021", superuser, ReportFilters(date_from=datetime.date(2021, 1, 1))),
        ("province, one course", superuser, ReportFilters(course=CoursePage.objects.live().order_by("pk").first())),
        (
            "province, 2024, Duy Xuyên",
            superuser,
            ReportFilters(area=dx, date_from=datetime.date(2024, 1, 1), date_to=datetime.date(2024, 12, 31)),
        ),
        ("district admin (Duy Xuyên)", district, ReportFilters()),
    ]
    results = {}

    def forget_user_caches(user):
        for cached in ("_trainers_area_scope", "_areas_scope_area"):
            if hasattr(user, cached):
                delattr(user, cached)

    for label, user, filters in cases:
        print(f"\n{label}: best of {repeat} (ms)")
        print(f"  {'report':<16}{'report':>10}{'CSV':>10}{'XLSX':>10}{'rows':>8}{'queries':>9}")
        for key, function in REPORTS.items():
            if only and key not in only:
                continue
            times, csv_times, xlsx_times, slowest = [], [], [], []
            for _ in range(repeat):
                forget_user_caches(user)
                reset_queries()
                start = time.perf_counter()
                connection.force_debug_cursor = True
                report = function(filters, user)
                connection.force_debug_cursor = False
                times.append(time.perf_counter() - start)
                statements = list(connection.queries)
                if times[-1] == min(times):
                    slowest = statements
                start = time.perf_counter()
                report_csv(report)
                csv_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                report_xlsx(report)
                xlsx_times.append(time.perf_counter() - start)
            results[(label, key)] = min(times) * 1000
            print(
                f"  {key:<16}{min(times) * 1000:>10.0f}{min(csv_times) * 1000:>10.1f}"
                f"{min(xlsx_times) * 1000:>10.1f}{len(report.rows):>8}{len(statements):>9}",
                flush=True,
            )
            if explain_ms is not None and min(times) * 1000 >= explain_ms:
                explain(slowest, explain_ms / 2)
        if only:
            continue
        # The dashboard: its figures (every report, the two cascade reports sharing one statement), then the
        # whole page as the administrator's browser gets it (permission, filter form, figures, charts' data).
        figure_times, page_times = [], []
        client = Client()
        client.force_login(user)
        query = dashboard_query(filters)
        for _ in range(repeat):
            forget_user_caches(user)
            start = time.perf_counter()
            all_reports(filters, user)
            figure_times.append(time.perf_counter() - start)
            with CaptureQueriesContext(connection) as page_queries:
                start = time.perf_counter()
                response = client.get(f"/admin/reports/?{query}")
                page_times.append(time.perf_counter() - start)
            assert response.status_code == 200 and b"chart-data-cascade" in response.content, response.status_code
        results[(label, "dashboard figures")] = min(figure_times) * 1000
        results[(label, "dashboard page")] = min(page_times) * 1000
        print(f"  {'dashboard figures':<26}{min(figure_times) * 1000:>10.0f}")
        print(f"  {'dashboard page':<26}{min(page_times) * 1000:>10.0f}{'':>36}{len(page_queries):>9}", flush=True)
    return results


def growth_table(by_scale: dict[float, dict]) -> None:
    """Per report, the slowest of the cases at each scale, and how it grew against the data."""
    scales = sorted(by_scale)
    keys = list(dict.fromkeys(key for results in by_scale.values() for (_, key) in results))
    print("\nGrowth: the slowest case of each report (ms), by learners; the time's growth against the data's")
    print(f"  {'report':<20}" + "".join(f"{int(200_000 * s):>12,}" for s in scales) + f"{'growth':>10}{'data':>8}")
    for key in keys:
        worst = [max(ms for (_, k), ms in by_scale[s].items() if k == key) for s in scales]
        grew = worst[-1] / worst[0] if worst[0] else float("nan")
        print(
            f"  {key:<20}" + "".join(f"{ms:>12.0f}" for ms in worst) + f"{grew:>9.1f}×{scales[-1] / scales[0]:>7.1f}×"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = the issue's province scale")
    parser.add_argument(
        "--growth", type=float, nargs="+", metavar="SCALE", help="build and measure at each scale, then a growth table"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*", metavar="REPORT", help="measure these reports only (keys, e.g. cascade)")
    parser.add_argument("--keep", action="store_true", help="reuse an existing bench database (skip building)")
    parser.add_argument(
        "--explain", type=float, metavar="MS", help="EXPLAIN ANALYZE the statements of every report slower than MS"
    )
    args = parser.parse_args()
    by_scale = {}
    for scale in args.growth or [args.scale]:
        url = recreate_database(database_url(), keep=args.keep and not args.growth)
        if scale == (args.growth or [args.scale])[0]:
            django_setup(url)
        else:  # the same name, dropped and created again
            from django.db import connections

            connections.close_all()
        started = time.perf_counter()
        if args.keep and not args.growth:
            from django.core.management import call_command

            call_command("migrate", verbosity=0)  # a kept database gets this branch's migrations (and their rebuilds)
        else:
            build(scale)
            print(f"Built in {time.perf_counter() - started:.0f} s")
        by_scale[scale] = measure(args.repeat, args.only, args.explain)
    if args.growth:
        growth_table(by_scale)


if __name__ == "__main__":
    main()
