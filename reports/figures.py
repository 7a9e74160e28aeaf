"""The programme's reports: each a function of (filters, viewing user) returning the table the dashboard shows.

Figures come from database aggregation (GROUP BY, COUNT DISTINCT, a recursive CTE for the cascade),
partly over tables the database keeps by triggers (who was first reached: `reports.first_reach`;
whom each trainer's cascade reached: `reports.cascade_reach`); Python only arranges the aggregated
buckets into rows. Every report runs a fixed number of queries, whatever the size of the data. The
screen, the charts and the CSV/XLSX exports read the same `Report.rows`, so they cannot disagree.

Areas: a record keeps the area it was filed under. `AreaTree` (areas.rollup, the one rule of
what counts under an area) loads the tree once per report and works out, for every area, which
former district it rolls up to and which units its records count under. Administrators are scoped
by `admin_area_ids` (their AdminScope), the same rule every `visible_to` uses.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from areas.models import Area, admin_area_ids
from areas.rollup import AreaTree, area_tree
from core.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, csv_bytes, xlsx_bytes
from courses.models import Audience, CoursePage, Enrollment
from showcase.models import Award, EventPage, Registration, StartupProject
from trainers.models import Certificate, Profile, Trainer
from training.models import SessionParticipant, TrainingSession

from . import cascade_reach, first_reach
from .generations import certified_by_generation
from .models import HEADLINE_YEARS, FirstReach, Target, TrainerReachDay
from .plans import NO_TARGET, ON_TRACK, PLAN_START, target_status

EXPIRY_WINDOW_DAYS = 90
CASCADE_ROWS = 100
DEFAULT_MONTHS = 12


# --- Filters and results -------------------------------------------------------------------------


def _start_of(day: datetime.date) -> datetime.datetime:
    """The day's first instant, in local time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _end_of(day: datetime.date) -> datetime.datetime:
    """The first instant after the day, in local time (timestamps before it fall on or before the day)."""
    return _start_of(day + datetime.timedelta(days=1))


@dataclass(frozen=True)
class ReportFilters:
    """What every report can be narrowed by: an area (rolled up), a date range and a course."""

    area: Area | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    course: CoursePage | None = None

    def as_of(self) -> datetime.date:
        return self.date_to or timezone.localdate()

    def datetime_range(self) -> tuple[datetime.datetime | None, datetime.datetime | None]:
        """[start, end) as aware datetimes in local time, so timestamp columns use their index."""
        start = _start_of(self.date_from) if self.date_from else None
        return start, _end_of(self.date_to) if self.date_to else None

    def describe(self) -> str:
        parts = [str(self.area) if self.area else _("All areas")]
        if self.date_from or self.date_to:
            start = f"{self.date_from:%d/%m/%Y}" if self.date_from else "…"
            end = f"{self.date_to:%d/%m/%Y}" if self.date_to else "…"
            parts.append(f"{start} – {end}")
        if self.course:
            parts.append(self.course.title)
        return " · ".join(parts)


class StatusCell(str):
    """A status label that also carries its colour (green/amber/red/grey) for the table."""

    colour: str

    def __new__(cls, label: str, colour: str):
        cell = super().__new__(cls, label)
        cell.colour = colour
        return cell


@dataclass
class Report:
    key: str
    title: str
    headings: list[str]
    rows: list[list] = field(default_factory=list)
    chart: dict | None = None
    note: str = ""
    filters: ReportFilters | None = None


# --- Areas ---------------------------------------------------------------------------------------


@dataclass
class Scope:
    """The area ids a report may count (None: all) and the former districts it shows as rows."""

    index: AreaTree
    area_ids: set[int] | None
    districts: list[Area]

    def condition(self, field_name: str) -> Q:
        return Q() if self.area_ids is None else Q(**{f"{field_name}__in": self.area_ids})

    def district_case(self, field_name: str) -> Case:
        """SQL that maps an area column to its former district, so the database groups by district."""
        by_district: dict[int, list[int]] = {}
        for pk, district in self.index.district_of.items():
            if district is not None:
                by_district.setdefault(district, []).append(pk)
        whens = [When(**{f"{field_name}__in": ids}, then=Value(d)) for d, ids in sorted(by_district.items())]
        return Case(*whens, default=Value(None), output_field=IntegerField())


def report_scope(filters: ReportFilters, user) -> Scope:
    """Intersect the viewer's AdminScope with the area filter (rolled up through the area helpers)."""
    index = area_tree()
    allowed = admin_area_ids(user)
    ids = allowed
    if filters.area is not None:
        members = index.members(filters.area)
        ids = members if ids is None else ids & members
    districts = [d for d in index.districts() if ids is None or d.pk in ids or _district_has_members(index, d, ids)]
    return Scope(index=index, area_ids=ids, districts=districts)


def _district_has_members(index: AreaTree, district: Area, ids: set[int]) -> bool:
    return any(index.district_of.get(pk) == district.pk for pk in ids)


def viewer_may_see_reports(user) -> bool:
    """Administrators with the reports permission and an area scope (or superusers)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.has_perm("reports.view_reports") and admin_area_ids(user) != set()


# --- Shared querysets ----------------------------------------------------------------------------


def filtered_sessions(filters: ReportFilters, until: datetime.date | None = None):
    """Sessions that started within the date range (and taught the course)."""
    sessions = TrainingSession.objects.all()
    if filters.date_from:
        sessions = sessions.filter(starts_on__gte=filters.date_from)
    if until or filters.date_to:
        sessions = sessions.filter(starts_on__lte=until or filters.date_to)
    if filters.course:
        sessions = sessions.filter(courses=filters.course)
    return sessions


def filtered_enrollments(filters: ReportFilters, until: datetime.datetime | None = None):
    enrollments = Enrollment.objects.all()
    start, end = filters.datetime_range()
    if start:
        enrollments = enrollments.filter(enrolled_at__gte=start)
    if until:
        enrollments = enrollments.filter(enrolled_at__lt=until)
    elif end:
        enrollments = enrollments.filter(enrolled_at__lt=end)
    if filters.course:
        enrollments = enrollments.filter(course=filters.course)
    return enrollments


def _active_between(first: str, last: str, start, end, records: Exists, *, end_inclusive: bool) -> Q:
    """Q: the person did something of one kind between `start` and `end` (None: since `start`).

    Told from their first and last activity of that kind (FirstReach); the records themselves
    (`records`, an Exists) decide only for people whose first and last lie on either side of the range.
    """
    before_end = "lte" if end_inclusive else "lt"
    since = Q(**{f"{last}__gte": start})
    if end is None:
        return since
    candidates = since & Q(**{f"{first}__{before_end}": end})
    return candidates & (Q(**{f"{first}__gte": start}) | Q(**{f"{last}__{before_end}": end}) | records)


def _first_reached(filters: ReportFilters, scope: Scope, until: datetime.date | None = None):
    """The people reached, as `FirstReach` rows (reports.first_reach: the rule) filed under an area in scope.

    Cumulative counts (no start date, no course) read the first days alone, a date range the first
    and last days; the sessions and enrolments themselves are asked only about people whose first
    and last activity span the range, and about a course.
    """
    day = until or filters.date_to
    rows = FirstReach.objects.all()
    if scope.area_ids is not None:
        rows = rows.filter(area__in=scope.area_ids)
    end = _end_of(day) if day else None
    sessions = filtered_sessions(filters, until=until).order_by().values("pk")
    took_part = Exists(SessionParticipant.objects.filter(person=OuterRef("person_id"), session__in=sessions))
    enrolled = Exists(filtered_enrollments(filters, until=end).filter(user=OuterRef("person_id")))
    if filters.course:
        return rows.filter(took_part | enrolled)
    if filters.date_from:
        start, _end = filters.datetime_range()
        in_a_session = _active_between(
            "first_session_on", "last_session_on", filters.date_from, day, took_part, end_inclusive=True
        )
        enrolled_then = _active_between(
            "first_enrolled_at", "last_enrolled_at", start, end, enrolled, end_inclusive=False
        )
        return rows.filter(in_a_session | enrolled_then)
    if day:
        rows = rows.filter(Q(first_session_on__lte=day) | Q(first_enrolled_at__lt=end))
    return rows


def _month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _months(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _district_rows(scope: Scope, values: dict, other_label: str | None = None) -> list[tuple[str, int | None]]:
    """(label, district id) for the districts in scope, plus "other" when some figures have no district."""
    rows = [(d.name, d.pk) for d in scope.districts]
    if None in values and values[None]:
        rows.append((other_label or _("Other or province level"), None))
    return rows


# --- 1. Certified trainers by district and month -------------------------------------------------


def certified_trainers_by_month(filters: ReportFilters, user) -> Report:
    """Certified trainers at the end of each month (`Trainer.objects.certified(on)`), by former district."""
    scope = report_scope(filters, user)
    end = filters.as_of()
    start = filters.date_from or (end.replace(day=1) - datetime.timedelta(days=31 * (DEFAULT_MONTHS - 1)))
    months = _months(start, end)
    days = [min(_month_end(month), end) for month in months]
    # One query: every certificate that can certify a trainer in scope; the day-by-day rule is applied
    # row-wise by Certificate.certifies_on, the mirror of the queryset rule the home strip counts with.
    certificates = (
        Certificate.objects.filter(
            kind=Certificate.TRAINER,
            status=Certificate.VALID,
            issued_on__lte=end,
            person__trainer__level__in=Trainer.CERTIFIED_LEVELS,
        )
        .filter(scope.condition("person__trainer__home_area"))
        .annotate(district=scope.district_case("person__trainer__home_area_id"))
        .only("kind", "status", "issued_on", "expires_on", "person_id")
        .order_by()
    )
    people: dict[int | None, list[set[int]]] = {}
    for certificate in certificates:
        series = people.setdefault(certificate.district, [set() for _day in days])
        for i, day in enumerate(days):
            if certificate.certifies_on(day):
                series[i].add(certificate.person_id)
    counts = {district: [len(s) for s in series] for district, series in people.items()}

    rows = []
    totals = [0] * len(months)
    for label, district in _district_rows(scope, counts):
        series = counts.get(district, [0] * len(months))
        rows.append([label, *series])
        totals = [a + b for a, b in zip(totals, series, strict=True)]
    rows.append([_("Total"), *totals])
    labels = [f"{m:%m/%Y}" for m in months]
    datasets = [{"label": _("Total"), "data": totals}] + [
        {"label": row[0], "data": row[1:]} for row in rows[:-1] if any(row[1:])
    ]
    return Report(
        key="certified",
        title=_("Certified trainers by district at the end of each month"),
        headings=[_("District"), *labels],
        rows=rows,
        chart={"type": "line", "labels": labels, "datasets": datasets},
        note=_(
            "A core or master trainer counts while they hold a trainer certificate that is neither expired nor "
            "revoked, under the district of their home area; the last month is counted on %(day)s."
        )
        % {"day": f"{end:%d/%m/%Y}"},
        filters=filters,
    )


# --- 2. Progress against targets -----------------------------------------------------------------


def _status(value: int | None, target: int, year: int, as_of: datetime.date) -> StatusCell:
    return StatusCell(*target_status(value, target, year, as_of))


def values_by_area(
    filters: ReportFilters, scope: Scope, cutoffs: list[datetime.date]
) -> list[dict[str, dict[int | None, int]]]:
    """For each cutoff day, {indicator: {area id: value}} up to it (targets report, admin home).

    One statement: for each distinct cutoff, three grouped selects (certified trainers, people
    reached, startup projects) joined by UNION ALL, each row (kind, cutoff, area, up to three counts).
    Equal cutoffs (both target years cut at a day before the first ends) are counted once.
    """
    asked = cutoffs
    cutoffs = list(dict.fromkeys(asked))
    zero = Value(0)
    selects = []
    for i, cutoff in enumerate(cutoffs):
        selects.append(
            Trainer.objects.certified(on=cutoff)
            .filter(scope.condition("home_area"))
            .values(kind=Value("c"), cutoff=Value(i), filed_under=F("home_area"))
            .annotate(c0=Count("pk"), c1=zero, c2=zero)
            .order_by()
        )
        # One scan of one table.
        people = (
            _first_reached(filters, scope, until=cutoff)
            .values(kind=Value("p"), cutoff=Value(i), filed_under=F("area"))
            .annotate(
                c0=Count("pk"),
                c1=Count("pk", filter=Q(gender=Profile.FEMALE)),
                c2=Count("pk", filter=Q(is_student=True)),
            )
        )
        selects.append(people.order_by())
        selects.append(
            StartupProject.objects.counted(cutoff)
            .filter(scope.condition("area"))
            .values(kind=Value("s"), cutoff=Value(i), filed_under=F("area"))
            .annotate(c0=Count("pk"), c1=zero, c2=zero)
            .order_by()
        )
    values: list[dict[str, dict[int | None, int]]] = [{key: {} for key, _label in Target.INDICATORS} for _c in cutoffs]
    indicators = {
        "c": ["certified_trainers"],
        "p": ["people_trained", "women_reached", "students_reached"],
        "s": ["startup_projects"],
    }
    rows = selects[0].union(*selects[1:], all=True).values_list("kind", "cutoff", "filed_under", "c0", "c1", "c2")
    for kind, i, area, *counts in rows:
        for indicator, n in zip(indicators[kind], counts, strict=False):
            values[i][indicator][area] = n
    return [values[cutoffs.index(cutoff)] for cutoff in asked]


def progress_against_targets(filters: ReportFilters, user) -> Report:
    """Each area's 2025 and 2030 targets with the value reached, the gap and a status colour."""
    scope = report_scope(filters, user)
    as_of = filters.as_of()
    targets = (
        Target.objects.approved().filter(year__in=HEADLINE_YEARS).select_related("area").order_by("area__code", "year")
    )
    if scope.area_ids is not None:
        targets = targets.filter(area__in=scope.area_ids)
    by_area: dict[int, dict[int, Target]] = {}
    for target in targets:
        by_area.setdefault(target.area_id, {})[target.year] = target
    cutoffs = {year: min(datetime.date(year, 12, 31), as_of) for year in HEADLINE_YEARS}
    values = dict(zip(cutoffs, values_by_area(filters, scope, list(cutoffs.values())), strict=True))

    headings = [_("Area"), _("Indicator")]
    for year in HEADLINE_YEARS:
        headings += [
            _("Value %(year)s") % {"year": year},
            _("Target %(year)s") % {"year": year},
            _("Gap %(year)s") % {"year": year},
            _("Status %(year)s") % {"year": year},
        ]
    rows = []
    chart_labels, chart_value, chart_target = [], [], []
    areas = scope.index.areas
    for area_id in sorted(by_area, key=lambda pk: areas[pk].code):
        area = areas[area_id]
        members = scope.index.members(area)
        if scope.area_ids is not None:
            members &= scope.area_ids
        for key, label in Target.INDICATORS:
            row = [area.name, str(label)]
            for year in HEADLINE_YEARS:
                target = by_area[area_id].get(year)
                goal = getattr(target, key) if target else 0
                per_area = values[year][key]
                value = None if per_area is None else sum(n for pk, n in per_area.items() if pk in members)
                gap = None if value is None else max(goal - value, 0)
                row += [value, goal, gap, _status(value, goal, year, as_of)]
            rows.append(row)
            if key == "certified_trainers":
                chart_labels.append(area.name)
                chart_value.append(row[2 + 4 * (len(HEADLINE_YEARS) - 1)])
                chart_target.append(row[3 + 4 * (len(HEADLINE_YEARS) - 1)])
    last = HEADLINE_YEARS[-1]
    return Report(
        key="targets",
        title=_("Progress against targets"),
        headings=headings,
        rows=rows,
        chart={
            "type": "bar",
            "labels": chart_labels,
            "datasets": [
                {"label": _("Certified trainers"), "data": chart_value},
                {"label": _("Target %(year)s") % {"year": last}, "data": chart_target},
            ],
        },
        note=_(
            "Values are cumulative up to the end of the target year or %(day)s, whichever is earlier. "
            "On track: at least the share of the target due by now, counted from %(start)s."
        )
        % {"day": f"{as_of:%d/%m/%Y}", "start": f"{PLAN_START:%d/%m/%Y}"},
        filters=filters,
    )


# --- 3. People reached by gender and learner group -----------------------------------------------

GENDER_COLUMNS = [("female", "Female"), ("male", "Male"), ("other", "Other"), ("", "Not stated")]


def people_reached(filters: ReportFilters, user) -> Report:
    """Distinct people reached (sessions or online courses) by learner group and gender: one query."""
    scope = report_scope(filters, user)
    group_codes = [code for code, _label in Audience.CODES]
    cells: dict[str | None, dict[str, int]] = {}
    total_cells: dict[str, int] = {}
    # One scan of FirstReach by gender: each group is a bit of its learner_groups (reports.first_reach).
    bits = {code: 1 << first_reach.GROUP_BITS[code] for code in group_codes}
    groups = {code: Count("pk", filter=~Q(**{f"in_{code}": 0})) for code in group_codes}
    groups[None] = Count("pk", filter=Q(learner_groups=0))
    aliases = {f"g{i}": (code, count) for i, (code, count) in enumerate(groups.items())}
    counted = (
        _first_reached(filters, scope)
        .alias(**{f"in_{code}": F("learner_groups").bitand(bit) for code, bit in bits.items()})
        .values("gender")
        .annotate(n=Count("pk"), **{a: count for a, (_code, count) in aliases.items()})
    )
    for row in counted.order_by():
        gender = row["gender"] or ""
        total_cells[gender] = total_cells.get(gender, 0) + row["n"]
        for alias, (code, _count) in aliases.items():
            if row[alias]:
                cells.setdefault(code, {})[gender] = cells.get(code, {}).get(gender, 0) + row[alias]

    gender_labels = {"female": _("Female"), "male": _("Male"), "other": _("Other"), "": _("Not stated")}
    genders = [key for key, _label in GENDER_COLUMNS]
    rows = []
    groups = [(code, str(label)) for code, label in Audience.CODES] + [(None, _("No group stated"))]
    for code, label in groups:
        counts = cells.get(code, {})
        if code is None and not counts:
            continue
        rows.append([label, *(counts.get(g, 0) for g in genders), sum(counts.values())])
    rows.append([_("All people (each once)"), *(total_cells.get(g, 0) for g in genders), sum(total_cells.values())])
    chart_rows = rows[:-1]
    return Report(
        key="reach",
        title=_("People reached by gender and learner group"),
        headings=[_("Learner group"), *(gender_labels[g] for g in genders), _("Total")],
        rows=rows,
        chart={
            "type": "bar",
            "stacked": True,
            "labels": [row[0] for row in chart_rows],
            "datasets": [
                {"label": gender_labels[g], "data": [row[1 + i] for row in chart_rows]} for i, g in enumerate(genders)
            ],
        },
        note=_(
            "People who took part in a training session or enrolled in an online course, each counted once, "
            "filed under the area of their profile. A person may belong to several groups."
        ),
        filters=filters,
    )


# --- 4. Course completion rates ------------------------------------------------------------------


def course_completion(filters: ReportFilters, user) -> Report:
    """Enrolments, completions and the completion rate per course: one grouped query."""
    scope = report_scope(filters, user)
    enrollments = filtered_enrollments(filters)
    if scope.area_ids is not None:  # filed like every person reached (reports.first_reach)
        filed = FirstReach.objects.filter(area__in=scope.area_ids).values("person_id")
        enrollments = enrollments.filter(user__in=filed)
    per_course = (
        enrollments.values("course", "course__title")
        .annotate(enrolled=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False)))
        .order_by("course__title", "course")
    )
    rows = []
    total_enrolled = total_completed = 0
    for row in per_course:
        rows.append(
            [row["course__title"], row["enrolled"], row["completed"], _percent(row["completed"], row["enrolled"])]
        )
        total_enrolled += row["enrolled"]
        total_completed += row["completed"]
    rows.append([_("All courses"), total_enrolled, total_completed, _percent(total_completed, total_enrolled)])
    return Report(
        key="completion",
        title=_("Course completion rates"),
        headings=[_("Course"), _("Enrolments"), _("Completed"), _("Completion rate (%)")],
        rows=rows,
        chart={
            "type": "bar",
            "horizontal": True,
            "labels": [row[0] for row in rows[:-1]],
            "datasets": [{"label": _("Completion rate (%)"), "data": [row[3] for row in rows[:-1]]}],
        },
        note=_("Enrolments made within the date range, by the area of the learner's profile."),
        filters=filters,
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
# Walking down every lineage from its sessions: what the report means, and the only way to answer
# a start date or a course.
WALKED_REACH = """tree(root_id, trainer_id) AS (
    SELECT t.id, t.id FROM {trainer} t WHERE t.id IN ({roots})
    UNION
    SELECT tree.root_id, c.id FROM {trainer} c JOIN tree ON c.trained_by_id = tree.trainer_id
),
taught AS (
    SELECT DISTINCT st.trainer_id, p.person_id
    FROM {led} st JOIN {participant} p ON p.session_id = st.trainingsession_id
    WHERE st.trainingsession_id IN ({sessions}) AND st.trainer_id IN (SELECT trainer_id FROM tree)
),
reach AS (
    SELECT tree.root_id,
           COUNT(DISTINCT CASE WHEN tree.root_id = tree.trainer_id THEN taught.person_id END) AS direct,
           COUNT(DISTINCT taught.person_id) AS downstream
    FROM tree LEFT JOIN taught ON taught.trainer_id = tree.trainer_id
    GROUP BY tree.root_id
    ORDER BY downstream DESC, direct DESC, tree.root_id
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
            certified=Count("pk", filter=Q(level__in=[Trainer.CORE, Trainer.MASTER])),
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
        headings=[_("Generation"), _("Trainers"), _("Certified (core or master)"), _("Master trainers")],
        rows=gen_rows,
        chart={
            "type": "bar",
            "labels": [str(r[0]) for r in gen_rows[:-1]],
            "datasets": [
                {"label": _("Trainers"), "data": [r[1] for r in gen_rows[:-1]]},
                {"label": _("Certified (core or master)"), "data": [r[2] for r in gen_rows[:-1]]},
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
        reach = WALKED_REACH.format(
            led=TrainingSession.trainers.through._meta.db_table,
            participant=SessionParticipant._meta.db_table,
            sessions=sessions_sql,
            **tables,
        )
        reach_params = [*roots_params, *sessions_params]
    generations_sql, generations_params = "", ()
    if per_generation is not None:
        inner_sql, generations_params = per_generation.order_by().query.sql_with_params()
        generations_sql = CASCADE_GENERATIONS_SQL.format(sql=inner_sql)
    sql = CASCADE_SQL.format(reach=reach, generations=generations_sql, **tables)
    with connection.cursor() as cursor:
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
        district = scope.index.district_of.get(home_area)
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


# --- 6. Certifications expiring soon -------------------------------------------------------------


def expiring_certificates(filters: ReportFilters, user) -> Report:
    """Valid certificates that expire within the next 90 days (one query)."""
    scope = report_scope(filters, user)
    today = timezone.localdate()
    certificates = (
        Certificate.objects.filter(
            scope.condition("area"),
            status=Certificate.VALID,
            expires_on__gte=today,
            expires_on__lte=today + datetime.timedelta(days=EXPIRY_WINDOW_DAYS),
        )
        .select_related("area")
        .order_by("expires_on", "number")
    )
    if filters.course:
        certificates = certificates.filter(course=filters.course)
    district_names = {a.pk: a.name for a in scope.index.districts()}
    rows = []
    for certificate in certificates:
        district = scope.index.district_of.get(certificate.area_id)
        rows.append(
            [
                certificate.number,
                certificate.holder_name,
                certificate.get_kind_display(),
                district_names.get(district, certificate.area.name if certificate.area else ""),
                certificate.expires_on,
                (certificate.expires_on - today).days,
            ]
        )
    return Report(
        key="expiring",
        title=_("Certifications expiring in the next %(days)s days") % {"days": EXPIRY_WINDOW_DAYS},
        headings=[_("Number"), _("Holder"), _("Kind"), _("District"), _("Expires on"), _("Days left")],
        rows=rows,
        note=_("Not narrowed by the date range: always counted from today."),
        filters=filters,
    )


# --- 7. Startup projects and events (the showcase) -----------------------------------------------


def _projects(user=None, year: int | None = None):
    projects = StartupProject.objects.all() if user is None else StartupProject.objects.visible_to(user)
    if year is not None:
        projects = projects.filter(created_at__year=year)
    return projects


def projects_by_district(
    *, user=None, until: datetime.date | None = None, on: datetime.date | None = None, projects=None
) -> dict[int, int]:
    """{former district id: number of projects}, for the district targets for startup projects.

    Counts what `StartupProject.objects.counted()` counts (published, by the day first published),
    the definition the targets report uses. A project keeps the area it was filed in; it is rolled
    up to that area's former district.
    """
    if projects is None:
        projects = StartupProject.objects.all() if user is None else StartupProject.objects.visible_to(user)
    counts = projects.counted(until).values("area").annotate(n=Count("pk")).order_by()
    tree = area_tree()
    district_of = {pk: (d.pk if (d := tree.district(pk, on=on)) else None) for pk in tree.areas}
    result: dict[int, int] = {}
    for row in counts:
        district = district_of.get(row["area"])
        if district is not None:
            result[district] = result.get(district, 0) + row["n"]
    return result


def project_breakdown(
    *, user=None, year: int | None = None, published_only: bool = False, area_ids: set[int] | None = None
) -> dict:
    """The pipeline: projects of every status by area, stage and origin, with women-led and student-led counts.

    `year` is the year a project was started (created); for the figure held against the targets,
    see `projects_by_district`.
    """
    projects = _projects(user, year)
    if area_ids is not None:
        projects = projects.filter(area__in=area_ids)
    if published_only:
        projects = projects.published()
    stage_labels, origin_labels = dict(StartupProject.STAGES), dict(StartupProject.ORIGINS)
    # One grouped query; the totals and the three breakdowns are sums over its groups. Aggregate
    # aliases must differ from the annotations they count (women_led → n_women_led).
    groups = list(
        projects.with_leadership()
        .values("area", "area__name", "stage", "origin")
        .annotate(
            n_total=Count("pk"),
            n_published=Count("pk", filter=Q(status=StartupProject.PUBLISHED)),
            n_women_led=Count("pk", filter=Q(women_led=True)),
            n_student_led=Count("pk", filter=Q(student_led=True)),
        )
        .order_by()
    )
    totals = {key: sum(g[f"n_{key}"] for g in groups) for key in ("total", "published", "women_led", "student_led")}
    totals["ocop"] = sum(g["n_total"] for g in groups if g["origin"] == StartupProject.OCOP)
    totals["research"] = sum(g["n_total"] for g in groups if g["origin"] == StartupProject.RESEARCH)

    def count_by(*keys: str) -> dict[tuple, int]:
        counts: dict[tuple, int] = {}
        for g in groups:
            key = tuple(g[k] for k in keys)
            counts[key] = counts.get(key, 0) + g["n_total"]
        return counts

    by_area = sorted(count_by("area", "area__name").items(), key=lambda item: (item[0][1] or "", item[0][0] or 0))
    return {
        **totals,
        "by_area": [{"area_id": area, "area": name, "count": n} for (area, name), n in by_area],
        "by_stage": [
            {"stage": stage, "label": stage_labels[stage], "count": n}
            for (stage,), n in sorted(count_by("stage").items())
        ],
        "by_origin": [
            {"origin": origin, "label": origin_labels[origin], "count": n}
            for (origin,), n in sorted(count_by("origin").items())
        ],
    }


def event_reach(
    *,
    user=None,
    year: int | None = None,
    area_ids: set[int] | None = None,
    start: datetime.datetime | None = None,
    end: datetime.datetime | None = None,
) -> list[dict]:
    """Per event: places, registrations (confirmed, waiting, cancelled), check-ins, and check-ins by gender."""
    events = EventPage.objects.all() if user is None else EventPage.objects.visible_to(user)
    if year is not None:
        events = events.filter(starts_at__year=year)
    if area_ids is not None:
        events = events.filter(area__in=area_ids)
    if start is not None:
        events = events.filter(starts_at__gte=start)
    if end is not None:
        events = events.filter(starts_at__lt=end)
    confirmed, checked = Q(registrations__status=Registration.CONFIRMED), Q(registrations__checked_in_at__isnull=False)
    rows = (
        events.order_by("starts_at")
        .values("pk", "title", "kind", "starts_at", "capacity", "area__name")
        .annotate(
            confirmed=Count("registrations", filter=confirmed),
            waiting=Count("registrations", filter=Q(registrations__status=Registration.WAITING)),
            cancelled=Count("registrations", filter=Q(registrations__status=Registration.CANCELLED)),
            checked_in=Count("registrations", filter=checked),
            checked_in_women=Count(
                "registrations", filter=checked & Q(registrations__person__profile__gender="female")
            ),
            checked_in_men=Count("registrations", filter=checked & Q(registrations__person__profile__gender="male")),
        )
    )
    return [{**row, "area": row.pop("area__name")} for row in rows]


def event_reach_totals(*, user=None, year: int | None = None) -> dict[str, int]:
    """Registrations and check-ins over all events in scope, for the reach report's headline."""
    registrations = Registration.objects.all() if user is None else Registration.objects.visible_to(user)
    if year is not None:
        registrations = registrations.filter(event__starts_at__year=year)
    return registrations.aggregate(
        registrations=Count("pk", filter=~Q(status=Registration.CANCELLED)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        checked_in_women=Count("pk", filter=Q(checked_in_at__isnull=False, person__profile__gender="female")),
        checked_in_with_account=Count("person", filter=Q(checked_in_at__isnull=False), distinct=True),
    )


def public_counts() -> dict[str, int]:
    """For the home page's statistics strip: published projects, events held, awards given."""
    return {
        "projects_published": StartupProject.objects.published().count(),
        "events_held": EventPage.objects.live().public().filter(starts_at__lte=timezone.now()).count(),
        "awards": Award.objects.filter(project__status=StartupProject.PUBLISHED).count(),
    }


def _showcase_scope(filters: ReportFilters, user) -> set[int] | None:
    """The area ids a showcase report narrows to beyond `visible_to(user)`: the filter's area, rolled up."""
    return None if filters.area is None else area_tree().members(filters.area)


def startup_projects(filters: ReportFilters, user) -> Report:
    """Startup projects per former district, as the targets count them (published by the day asked about)."""
    scope = report_scope(filters, user)
    projects = StartupProject.objects.visible_to(user).filter(scope.condition("area"))
    counts = projects_by_district(projects=projects, until=filters.date_to)
    rows = [[name, counts.get(pk, 0)] for name, pk in _district_rows(scope, counts)]
    return Report(
        key="projects",
        title=_("Startup projects by district"),
        headings=[_("District"), _("Startup projects")],
        rows=rows,
        chart={
            "type": "bar",
            "labels": [row[0] for row in rows],
            "datasets": [{"label": _("Startup projects"), "data": [row[1] for row in rows]}],
        },
        note=_("Published projects, counted from the day they were first published, up to the end of the range."),
        filters=filters,
    )


def project_pipeline(filters: ReportFilters, user) -> Report:
    """Every project in scope (any status) by stage and by origin, with women-led and student-led counts."""
    ids = _showcase_scope(filters, user)
    breakdown = project_breakdown(user=user, area_ids=ids)
    rows = [[_("Stage"), row["label"], row["count"]] for row in breakdown["by_stage"]]
    rows += [[_("Origin"), row["label"], row["count"]] for row in breakdown["by_origin"]]
    rows += [
        [_("Total"), _("All projects"), breakdown["total"]],
        [_("Total"), _("Published"), breakdown["published"]],
        [_("Total"), _("Women-led"), breakdown["women_led"]],
        [_("Total"), _("Student-led"), breakdown["student_led"]],
    ]
    return Report(
        key="pipeline",
        title=_("Startup project pipeline"),
        headings=[_("Grouped by"), _("Group"), _("Projects")],
        rows=rows,
        note=_("Projects of every status, by when they were started; not narrowed by the date range."),
        filters=filters,
    )


def event_reach_report(filters: ReportFilters, user) -> Report:
    """Per event held in scope: places, registrations and check-ins (by gender)."""
    ids = _showcase_scope(filters, user)
    start, end = filters.datetime_range()
    kinds = dict(EventPage.KINDS)
    rows = [
        [
            row["title"],
            str(kinds.get(row["kind"], row["kind"])),
            timezone.localtime(row["starts_at"]).date(),
            row["area"],
            row["capacity"],
            row["confirmed"],
            row["waiting"],
            row["cancelled"],
            row["checked_in"],
            row["checked_in_women"],
            row["checked_in_men"],
        ]
        for row in event_reach(user=user, area_ids=ids, start=start, end=end)
    ]
    return Report(
        key="events",
        title=_("Event reach"),
        headings=[
            _("Event"),
            _("Kind"),
            _("Starts on"),
            _("Area"),
            _("Places"),
            _("Confirmed"),
            _("Waiting"),
            _("Cancelled"),
            _("Checked in"),
            _("Checked-in women"),
            _("Checked-in men"),
        ],
        rows=rows,
        filters=filters,
    )


# --- All reports, exports, the public strip ------------------------------------------------------


REPORTS = {
    "certified": certified_trainers_by_month,
    "targets": progress_against_targets,
    "reach": people_reached,
    "completion": course_completion,
    "generations": trainer_generations,
    "generation_areas": certified_by_generation,
    "cascade": trainer_reach,
    "expiring": expiring_certificates,
    "projects": startup_projects,
    "pipeline": project_pipeline,
    "events": event_reach_report,
}


def report_by_key(key: str, filters: ReportFilters, user) -> Report:
    """One report by its key (KeyError for an unknown one)."""
    return REPORTS[key](filters, user)


def all_reports(filters: ReportFilters, user) -> list[Report]:
    """Every report, in the dashboard's order; the two cascade reports share one statement."""
    shared = dict(zip(("generations", "cascade"), trainer_cascade(filters, user), strict=True))
    return [shared.get(key) or function(filters, user) for key, function in REPORTS.items()]


def _export_rows(report: Report):
    yield [report.title]
    if report.filters is not None:
        yield [report.filters.describe()]
    yield []
    yield list(report.headings)
    yield from report.rows


def report_csv(report: Report) -> bytes:
    """The report as CSV (UTF-8 with BOM for Excel), text cells neutralised against formula injection."""
    return csv_bytes(_export_rows(report))


def report_xlsx(report: Report) -> bytes:
    """The report as an Excel workbook, numbers as numbers, written row by row."""
    return xlsx_bytes(_export_rows(report), title=report.key)


EXPORT_FORMATS = {
    "csv": (report_csv, CSV_CONTENT_TYPE),
    "xlsx": (report_xlsx, XLSX_CONTENT_TYPE),
}


def public_statistics() -> dict[str, int]:
    """The home page strip: certified trainers today, people trained, former districts with activity."""
    index = area_tree()
    everyone = Scope(index=index, area_ids=None, districts=index.districts())
    certified = Trainer.objects.certified().count()
    people = _first_reached(ReportFilters(), everyone).count()
    session_areas = set(TrainingSession.objects.values_list("area", flat=True).distinct().order_by())
    trainer_areas = set(Trainer.objects.certified().values_list("home_area", flat=True).distinct().order_by())
    covered = {index.district_of.get(pk) for pk in session_areas | trainer_areas} - {None}
    return {"certified_trainers": certified, "people_trained": people, "districts_covered": len(covered)}
