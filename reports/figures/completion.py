"""Course completion rates."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from ..models import FirstReach
from .base import (
    Report,
    ReportFilters,
    _percent,
    filtered_enrollments,
    report_scope,
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
