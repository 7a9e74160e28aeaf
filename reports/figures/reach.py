"""People reached by gender and learner group."""

from __future__ import annotations

from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from courses.models import Audience

from .. import first_reach
from .base import (
    Report,
    ReportFilters,
    _first_reached,
    report_scope,
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
