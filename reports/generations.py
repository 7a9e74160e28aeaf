"""Certified trainers by district and generation, with the active ones: the province's view of the cascade's depth.

Registered in `figures.REPORTS` (the dashboard, its CSV and XLSX exports); figures imports this module, so
this one imports figures when it runs.
"""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext as _

from trainers.models import Trainer


def certified_by_generation(filters, user):
    """Per former district (rolled up across the 2025 reform), certified trainers of each generation on the
    report's day, their total, and how many of them were active in the 12 months up to it (two grouped queries)."""
    from .figures.base import Report, _district_rows, report_scope

    scope = report_scope(filters, user)
    on = filters.as_of()
    certified = Trainer.objects.certified(on=on).filter(scope.condition("home_area"))
    # Grouped by home area in the database; the areas are rolled up to their district rows here (`Scope`).
    counts: dict[int | None, dict[int, int]] = {}
    for row in certified.values("home_area", "generation").annotate(n=Count("pk")).order_by():
        by_generation = counts.setdefault(scope.district_of.get(row["home_area"]), {})
        by_generation[row["generation"]] = by_generation.get(row["generation"], 0) + row["n"]
    active: dict[int | None, int] = {}
    for row in certified.certification_active(on).values("home_area").annotate(n=Count("pk")).order_by():
        district = scope.district_of.get(row["home_area"])
        active[district] = active.get(district, 0) + row["n"]
    generations = sorted({g for by_generation in counts.values() for g in by_generation})

    rows = []
    totals = [0] * (len(generations) + 2)
    for label, pk in _district_rows(scope, counts):
        by_generation = counts.get(pk, {})
        cells = [by_generation.get(g, 0) for g in generations]
        cells += [sum(cells), active.get(pk, 0)]
        rows.append([label, *cells])
        totals = [a + b for a, b in zip(totals, cells, strict=True)]
    rows.append([_("Total"), *totals])
    return Report(
        key="generation_areas",
        title=_("Certified trainers by district and generation"),
        headings=[
            _("District"),
            *(_("Generation %(n)s") % {"n": g} for g in generations),
            _("Certified trainers"),
            _("Active trainers"),
        ],
        rows=rows,
        note=_(
            "Trainers certified on %(day)s, under the district of their home area (communes since the 2025 reform "
            "counted under their former district). Active: led a session, was certified or certified someone they "
            "trained in the 12 months up to that day."
        )
        % {"day": f"{on:%d/%m/%Y}"},
        filters=filters,
    )
