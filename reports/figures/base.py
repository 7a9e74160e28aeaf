"""What every report shares: filters, results, the area scope and the people reached."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from areas.models import Area, admin_area_ids
from areas.rollup import AreaTree, area_tree
from courses.models import CoursePage, Enrollment
from training.models import SessionParticipant, TrainingSession

from ..models import FirstReach

EXPIRY_WINDOW_DAYS = 90
CASCADE_ROWS = 100
DEFAULT_MONTHS = 12
# Start of the provincial plan "to 2025, with a vision to 2030": progress is pro-rated from this day.


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
    """The area ids a report may count (None: all) and the former districts it shows as rows.

    `district_of` maps every area to its row: the former district its records count under, a district
    merged into another before today (Nông Sơn into Quế Sơn) followed to the one that took it over,
    as the targets and the directory count it (`AreaTree.members`); `districts` are those rows.
    """

    index: AreaTree
    area_ids: set[int] | None
    districts: list[Area]
    district_of: dict[int, int | None]

    def condition(self, field_name: str) -> Q:
        return Q() if self.area_ids is None else Q(**{f"{field_name}__in": self.area_ids})


def district_rows_of(index: AreaTree) -> dict[int, int | None]:
    """{area id: the district row its records count under}, merged districts followed to today's (`Scope`)."""
    return {pk: (d.pk if (d := index.district(pk, on=index.today)) else None) for pk in index.areas}


def report_area_ids(area: Area | None, user, index: AreaTree) -> set[int] | None:
    """The reports' area filter, the one way: what the viewer may see (`admin_area_ids`, as every `visible_to`)
    within what counts under the chosen area (the roll-up); None: everything."""
    ids = admin_area_ids(user)
    if area is not None:
        members = index.members(area)
        ids = members if ids is None else ids & members
    return ids


def area_choices(user, index: AreaTree) -> list[Area]:
    """The areas the viewer may narrow the reports to: former districts and today's units within their scope."""
    return index.choices(admin_area_ids(user))


def report_scope(filters: ReportFilters, user) -> Scope:
    """Intersect the viewer's AdminScope with the area filter (rolled up through the area helpers)."""
    index = area_tree()
    ids = report_area_ids(filters.area, user, index)
    district_of = district_rows_of(index)
    rows = {district_of[pk] for pk in (index.areas if ids is None else ids)}
    districts = [d for d in index.districts() if d.pk in rows]
    return Scope(index=index, area_ids=ids, districts=districts, district_of=district_of)


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
    sessions = TrainingSession.objects.counted()
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
