"""The trainer cascade: trainers per generation and each trainer's downstream reach."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import connections, router
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from trainers.models import Trainer

from .. import cascade_reach
from ..models import TrainerReachDay
from ..plans import NO_TARGET, ON_TRACK
from ..tables import sql as named_sql
from .base import (
    CASCADE_ROWS,
    Report,
    ReportFilters,
    Scope,
    StatusCell,
    filtered_sessions,
    report_scope,
)

# --- 5. Trainer cascade --------------------------------------------------------------------------

# Each trainer's reach (`reach`: root_id, direct, downstream; the widest first, {limit} of them),
# then their name, level, home and the trainers below them down the lineage.
CASCADE_SQL = """
WITH RECURSIVE {reach},
below(root_id, trainer_id) AS (
    SELECT root_id, root_id FROM reach
    UNION
    SELECT below.root_id, c.id FROM {trainer} c JOIN below ON c.trained_by_id = below.trainer_id
)
SELECT 'reach', reach.root_id, reach.direct, reach.downstream,
       (SELECT COUNT(*) - 1 FROM below WHERE below.root_id = reach.root_id) AS trainers_below,
       u.full_name, t.level, t.generation, t.home_area_id,
       (SELECT COUNT(*) FROM {trainer} c WHERE c.trained_by_id = t.id) AS trainee_count
FROM reach JOIN {trainer} t ON t.id = reach.root_id JOIN {user} u ON u.id = t.person_id
{generations}
"""
# Counted live from the rule itself (reports.cascade_reach.REACH_CTES: who taught whom, and the lineage above
# them, as the kept tables hold it) over the sessions in the filter led by trainers below the roots: where the
# kept days cannot answer (a range with both ends, a course) and where nothing is kept (SQLite).
LIVE_REACH = """below_roots(trainer_id) AS (
    SELECT t.id FROM {trainer} t WHERE t.id IN ({roots})
    UNION
    SELECT c.id FROM {trainer} c JOIN below_roots ON c.trained_by_id = below_roots.trainer_id
),
{cascade},
reach AS (
    SELECT t.id AS root_id,
           count(DISTINCT taught.person_id) FILTER (WHERE taught.trainer_id = t.id) AS direct,
           count(DISTINCT taught.person_id) AS downstream
    FROM {trainer} t
    LEFT JOIN lineage ON lineage.trainer_id = t.id
    LEFT JOIN taught ON taught.trainer_id = lineage.leader_id
    WHERE t.id IN ({roots})
    GROUP BY t.id
    ORDER BY downstream DESC, direct DESC, t.id
    LIMIT {limit}
)"""
# The same figures as kept by the database (reports.cascade_reach): all time or up to a day (people
# counted on the day first reached), or since a day (counted on the day last reached).
KEPT_REACH = """counted AS (
    SELECT trainer_id, SUM({direct}) AS direct, SUM({downstream}) AS downstream
    FROM {trainer_reach_day} WHERE trainer_id IN ({roots}) {days}
    GROUP BY trainer_id
),
reach AS (
    SELECT t.id AS root_id, coalesce(r.direct, 0) AS direct, coalesce(r.downstream, 0) AS downstream
    FROM {trainer} t LEFT JOIN counted r ON r.trainer_id = t.id
    WHERE t.id IN ({roots})
    ORDER BY downstream DESC, direct DESC, t.id
    LIMIT {limit}
)"""
# With both cascade reports asked for (the dashboard), the trainers per generation ride on the same
# statement: (generation, total, certified, masters) in the reach rows' columns.
CASCADE_GENERATIONS_SQL = """
UNION ALL
SELECT 'generation', NULL, g.total, g.certified, g.masters, NULL, NULL, g.generation, NULL, NULL FROM ({sql}) g
"""


def trainer_cascade(filters: ReportFilters, user) -> tuple[Report, Report]:
    """Both cascade reports: trainers per generation and each trainer's downstream reach (one query)."""
    return _trainer_cascade(filters, user)


def trainer_generations(filters: ReportFilters, user) -> Report:
    """Trainers per generation (one grouped query)."""
    return _trainer_cascade(filters, user, reach=False)[0]


def trainer_reach(filters: ReportFilters, user) -> Report:
    """Each trainer's downstream reach through a recursive CTE (constant queries)."""
    return _trainer_cascade(filters, user, generations=False)[1]


def _trainer_cascade(filters: ReportFilters, user, generations: bool = True, reach: bool = True):
    """Trainers per generation, and each trainer's downstream reach (constant queries).

    Downstream reach: distinct people in the sessions the trainer led plus those led by everyone they
    trained, and so on down the lineage (`trained_by`), within the date range and course filter. The
    database keeps it counted by the days people were first and last reached (reports.cascade_reach):
    all time, up to a day and since a day are sums; a range with both ends, or a course, walks the
    lineage.
    """
    scope = report_scope(filters, user)
    trainers = Trainer.objects.filter(scope.condition("home_area"))
    per_generation = (
        trainers.values("generation")
        .annotate(
            total=Count("pk"),
            # Certified today, as the home strip and the directory count them (not merely of that level).
            certified=Count("pk", filter=Q(pk__in=Trainer.objects.certified().values("pk"))),
            masters=Count("pk", filter=Q(level=Trainer.MASTER)),
        )
        .order_by("generation")
    )
    if not reach:
        counts = [(row["generation"], row["total"], row["certified"], row["masters"]) for row in per_generation]
        return _generations_report(filters, counts), None
    reach_rows, counts = _reach_rows(filters, trainers, per_generation if generations else None)
    return (
        _generations_report(filters, counts) if generations else None,
        _reach_report(filters, scope, reach_rows),
    )


def _generations_report(filters: ReportFilters, counts: list[tuple]) -> Report:
    gen_rows = [list(row) for row in sorted(counts)]
    gen_rows.append([_("Total"), sum(r[1] for r in gen_rows), sum(r[2] for r in gen_rows), sum(r[3] for r in gen_rows)])
    generation_report = Report(
        key="generations",
        title=_("Trainer cascade: trainers per generation"),
        headings=[_("Generation"), _("Trainers"), _("Certified today"), _("Master trainers")],
        rows=gen_rows,
        chart={
            "type": "bar",
            "labels": [str(r[0]) for r in gen_rows[:-1]],
            "datasets": [
                {"label": _("Trainers"), "data": [r[1] for r in gen_rows[:-1]]},
                {"label": _("Certified today"), "data": [r[2] for r in gen_rows[:-1]]},
            ],
        },
        note=_(
            "Generation 1 was trained by the province; each step down the lineage adds one. "
            "Not narrowed by the date range or course."
        ),
        filters=filters,
    )
    return generation_report


def _reach_rows(filters: ReportFilters, trainers, per_generation=None) -> tuple[list[tuple], list[tuple]]:
    """The top trainers by downstream reach, best first, and (with `per_generation`) the generation counts."""
    roots_sql, roots_params = trainers.values("pk").query.sql_with_params()
    tables = {
        "trainer": Trainer._meta.db_table,
        "user": get_user_model()._meta.db_table,
        "limit": int(CASCADE_ROWS),
        "roots": roots_sql,
    }
    # All time, up to a day or since a day is counted already; a range with both ends, or a course, needs the walk.
    kept = cascade_reach.in_use() and not filters.course and not (filters.date_from and filters.date_to)
    if kept:
        if filters.date_from:
            days, day, counted = "AND day >= %s", [filters.date_from], ("direct_last", "downstream_last")
        else:
            days, day = ("AND day <= %s", [filters.date_to]) if filters.date_to else ("", [])
            counted = ("direct", "downstream")
        reach = KEPT_REACH.format(
            trainer_reach_day=TrainerReachDay._meta.db_table,
            days=days,
            direct=counted[0],
            downstream=counted[1],
            **tables,
        )
        reach_params = [*roots_params, *day, *roots_params]
    else:
        sessions_sql, sessions_params = filtered_sessions(filters).order_by().values("pk").query.sql_with_params()
        taught = named_sql("p.@participant.session IN ({sessions}) AND st.@session_trainer.trainer IN ({below})")
        taught = taught.format(sessions=sessions_sql, below="SELECT trainer_id FROM below_roots")
        # Only the trainers below the roots matter: the walk up from those who taught stops where they end.
        above = named_sql(" AND t.@trainer.trained_by IN (SELECT trainer_id FROM below_roots)")
        reach = LIVE_REACH.format(
            cascade=cascade_reach.REACH_CTES.format(taught=taught, above=above),
            **tables,
        )
        reach_params = [*roots_params, *sessions_params, *roots_params]
    generations_sql, generations_params = "", ()
    if per_generation is not None:
        inner_sql, generations_params = per_generation.order_by().query.sql_with_params()
        generations_sql = CASCADE_GENERATIONS_SQL.format(sql=inner_sql)
    sql = CASCADE_SQL.format(reach=reach, generations=generations_sql, **tables)
    # Where the report reads (the replica within core.db_routers.reading_for_reports), as its ORM queries do.
    with connections[router.db_for_read(Trainer)].cursor() as cursor:
        cursor.execute(sql, [*reach_params, *generations_params])
        rows = cursor.fetchall()
    # A compound statement keeps no order: the reach rows are sorted here as the CTE ranked them.
    reach_rows = sorted((row[1:] for row in rows if row[0] == "reach"), key=lambda r: (-r[2], -r[1], r[0]))
    counts = [(row[7], row[2], row[3], row[4]) for row in rows if row[0] == "generation"]
    return reach_rows, counts


def _reach_report(filters: ReportFilters, scope: Scope, reach: list[tuple]) -> Report:
    rows = []
    district_names = {a.pk: a.name for a in scope.index.districts()}
    levels = dict(Trainer.LEVELS)
    on = filters.as_of()
    active = set(
        Trainer.objects.filter(pk__in=[r[0] for r in reach]).certification_active(on).values_list("pk", flat=True)
    )
    for pk, direct, downstream, below, name, level, generation, home_area, trainees in reach:
        district = scope.district_of.get(home_area)
        rows.append(
            [
                name,
                levels.get(level, level),
                generation,
                district_names.get(district, scope.index.areas[home_area].name),
                trainees,
                below,
                direct,
                downstream,
                StatusCell(pgettext("trainer", "Active"), ON_TRACK)
                if pk in active
                else StatusCell(pgettext("trainer", "Inactive"), NO_TARGET),
            ]
        )
    reach_report = Report(
        key="cascade",
        title=_("Trainer cascade: downstream reach"),
        headings=[
            _("Trainer"),
            _("Level"),
            _("Generation"),
            _("District"),
            _("Trained directly"),
            _("Trainers below"),
            _("People they trained"),
            _("Downstream reach"),
            _("Certification activity in the 12 months to %(day)s") % {"day": f"{on:%d/%m/%Y}"},
        ],
        rows=rows,
        chart={
            "type": "bar",
            "horizontal": True,
            "labels": [r[0] for r in rows[:20]],
            "datasets": [
                {"label": _("People they trained"), "data": [r[6] for r in rows[:20]]},
                {"label": _("Downstream reach"), "data": [r[7] for r in rows[:20]]},
            ],
        },
        note=_("The %(n)s trainers with the widest reach; people are counted once per trainer.") % {"n": CASCADE_ROWS}
        + " "
        + _(
            "Inactive: in those 12 months they led no session, received no trainer certificate "
            "and saw no trainee certified as a trainer."
        ),
        filters=filters,
    )
    return reach_report
