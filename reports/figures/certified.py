"""Certified trainers by former district at the end of each month."""

from __future__ import annotations

import datetime

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
    # One grouped scan of certified trainers' certificates, each month counted by the one rule
    # (`Trainer.objects.certified`); the home areas are rolled up to their districts here.
    by_area = Trainer.objects.filter(scope.condition("home_area")).certified_counts(days, by="home_area")
    counts: dict[int | None, list[int]] = {}
    for area, series in by_area.items():
        total = counts.setdefault(scope.district_of.get(area), [0] * len(days))
        counts[scope.district_of.get(area)] = [a + b for a, b in zip(total, series, strict=True)]
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
