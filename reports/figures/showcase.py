"""Startup projects and events (the showcase)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from areas.rollup import area_tree
from showcase.models import Award, EventPage, Registration, StartupProject

from .base import (
    Report,
    ReportFilters,
    _district_rows,
    report_scope,
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


def startup_projects(filters: ReportFilters, user) -> Report:
    """Startup projects per former district, as the targets count them (published by the day asked about)."""
    scope = report_scope(filters, user)
    projects = StartupProject.objects.visible_to(user).filter(scope.condition("area"))
    counts = projects_by_district(projects=projects, until=filters.date_to, on=scope.index.today)
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
    ids = report_scope(filters, user).area_ids
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
    ids = report_scope(filters, user).area_ids
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
