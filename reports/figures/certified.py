"""Certified trainers by former district at the end of each month."""

from __future__ import annotations

import datetime

from django.db.models import Count, F, Value
from django.utils.translation import gettext as _

from trainers.models import Trainer

from .base import (
    DEFAULT_MONTHS,
    Report,
    ReportFilters,
    _district_rows,
    _month_end,
    _months,
    report_scope,
)

# --- 1. Certified trainers by district and month -------------------------------------------------


def certified_trainers_by_month(filters: ReportFilters, user) -> Report:
    """Certified trainers at the end of each month (`Trainer.objects.certified(on)`), by former district."""
    scope = report_scope(filters, user)
    end = filters.as_of()
    start = filters.date_from or (end.replace(day=1) - datetime.timedelta(days=31 * (DEFAULT_MONTHS - 1)))
    months = _months(start, end)
    days = [min(_month_end(month), end) for month in months]
    # One statement: each month's certified trainers (the one rule, `Trainer.objects.certified`) grouped by
    # home area, the months joined by UNION ALL; the areas are rolled up to their districts here.
    selects = [
        Trainer.objects.certified(on=day)
        .filter(scope.condition("home_area"))
        .values(month=Value(i), filed_under=F("home_area"))
        .annotate(n=Count("pk"))
        .order_by()
        for i, day in enumerate(days)
    ]
    counts: dict[int | None, list[int]] = {}
    for i, area, n in selects[0].union(*selects[1:], all=True).values_list("month", "filed_under", "n"):
        counts.setdefault(scope.district_of.get(area), [0] * len(days))[i] += n

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
