"""Figures for the reports and the home page, each one or two aggregate queries (never a query per row)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from areas.models import Area

from .models import EventPage, Registration, StartupProject


def _projects(user=None, year: int | None = None):
    projects = StartupProject.objects.all() if user is None else StartupProject.objects.visible_to(user)
    if year is not None:
        projects = projects.filter(created_at__year=year)
    return projects


def projects_by_district(
    *, user=None, until: datetime.date | None = None, on: datetime.date | None = None
) -> dict[int, int]:
    """{former district id: number of projects}, for the district targets for startup projects.

    Counts what `StartupProject.objects.counted()` counts (published, by the day first published),
    the definition the targets report uses. A project keeps the area it was filed in; it is rolled
    up to that area's former district.
    """
    projects = StartupProject.objects.all() if user is None else StartupProject.objects.visible_to(user)
    counts = projects.counted(until).values("area").annotate(n=Count("pk")).order_by()
    district_of = Area.objects.district_map(on=on)
    result: dict[int, int] = {}
    for row in counts:
        district = district_of.get(row["area"])
        if district is not None:
            result[district] = result.get(district, 0) + row["n"]
    return result


def project_breakdown(*, user=None, year: int | None = None, published_only: bool = False) -> dict:
    """The pipeline: projects of every status by area, stage and origin, with women-led and student-led counts.

    `year` is the year a project was started (created); for the figure held against the targets,
    see `projects_by_district`.
    """
    projects = _projects(user, year)
    if published_only:
        projects = projects.published()
    stage_labels, origin_labels = dict(StartupProject.STAGES), dict(StartupProject.ORIGINS)
    # Aggregate aliases must differ from the annotations they count (women_led → n_women_led).
    counted = projects.with_leadership().aggregate(
        n_total=Count("pk"),
        n_published=Count("pk", filter=Q(status=StartupProject.PUBLISHED)),
        n_women_led=Count("pk", filter=Q(women_led=True)),
        n_student_led=Count("pk", filter=Q(student_led=True)),
        n_ocop=Count("pk", filter=Q(origin=StartupProject.OCOP)),
        n_research=Count("pk", filter=Q(origin=StartupProject.RESEARCH)),
    )
    totals = {key.removeprefix("n_"): value for key, value in counted.items()}
    by_area = projects.values("area", "area__name").annotate(n=Count("pk")).order_by("area__name")
    by_stage = projects.values("stage").annotate(n=Count("pk")).order_by("stage")
    by_origin = projects.values("origin").annotate(n=Count("pk")).order_by("origin")
    return {
        **totals,
        "by_area": [{"area_id": r["area"], "area": r["area__name"], "count": r["n"]} for r in by_area],
        "by_stage": [{"stage": r["stage"], "label": stage_labels[r["stage"]], "count": r["n"]} for r in by_stage],
        "by_origin": [{"origin": r["origin"], "label": origin_labels[r["origin"]], "count": r["n"]} for r in by_origin],
    }


def event_reach(*, user=None, year: int | None = None) -> list[dict]:
    """Per event: places, registrations (confirmed, waiting, cancelled), check-ins, and check-ins by gender."""
    events = EventPage.objects.all() if user is None else EventPage.objects.visible_to(user)
    if year is not None:
        events = events.filter(starts_at__year=year)
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
    from .models import Award

    return {
        "projects_published": StartupProject.objects.published().count(),
        "events_held": EventPage.objects.live().public().filter(starts_at__lte=timezone.now()).count(),
        "awards": Award.objects.filter(project__status=StartupProject.PUBLISHED).count(),
    }
