"""Progress against the districts' 2025 and 2030 targets, and the per-area values behind it."""

from __future__ import annotations

import datetime

from django.db.models import Count, F, Q, Value
from django.utils.translation import gettext as _

from showcase.models import StartupProject
from trainers.models import Profile, Trainer

from ..models import HEADLINE_YEARS, Target
from ..plans import PLAN_START, target_status
from .base import (
    Report,
    ReportFilters,
    Scope,
    StatusCell,
    _first_reached,
    report_scope,
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
