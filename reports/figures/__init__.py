"""The programme's reports: each a function of (filters, viewing user) returning the table the dashboard shows.

One module per report (`certified`, `targets`, `reach`, `completion`, `cascade`, `expiring`, `showcase`) over
what they share (`base`: filters, results, the area scope, the people reached); this package names them all,
with the registry the dashboard, the exports and the home strip read.

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

from areas.rollup import area_tree
from core.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, csv_bytes, xlsx_bytes
from trainers.models import Trainer
from training.models import TrainingSession

from ..generations import certified_by_generation
from ..plans import PLAN_START
from .base import (
    CASCADE_ROWS,
    DEFAULT_MONTHS,
    EXPIRY_WINDOW_DAYS,
    Report,
    ReportFilters,
    Scope,
    StatusCell,
    _first_reached,
    area_choices,
    district_rows_of,
    filtered_enrollments,
    filtered_sessions,
    report_area_ids,
    report_scope,
    viewer_may_see_reports,
)
from .cascade import (
    CASCADE_GENERATIONS_SQL,
    CASCADE_SQL,
    KEPT_REACH,
    LIVE_REACH,
    trainer_cascade,
    trainer_generations,
    trainer_reach,
)
from .certified import certified_trainers_by_month
from .completion import course_completion
from .expiring import expiring_certificates
from .reach import GENDER_COLUMNS, people_reached
from .showcase import (
    event_reach,
    event_reach_report,
    event_reach_totals,
    project_breakdown,
    project_pipeline,
    projects_by_district,
    public_counts,
    startup_projects,
)
from .targets import progress_against_targets, values_by_area

__all__ = [
    "CASCADE_GENERATIONS_SQL",
    "CASCADE_ROWS",
    "CASCADE_SQL",
    "DEFAULT_MONTHS",
    "EXPIRY_WINDOW_DAYS",
    "EXPORT_FORMATS",
    "GENDER_COLUMNS",
    "KEPT_REACH",
    "LIVE_REACH",
    "PLAN_START",
    "REPORTS",
    "Report",
    "ReportFilters",
    "Scope",
    "StatusCell",
    "all_reports",
    "area_choices",
    "certified_trainers_by_month",
    "course_completion",
    "district_rows_of",
    "event_reach",
    "event_reach_report",
    "event_reach_totals",
    "expiring_certificates",
    "filtered_enrollments",
    "filtered_sessions",
    "people_reached",
    "progress_against_targets",
    "project_breakdown",
    "project_pipeline",
    "projects_by_district",
    "public_counts",
    "public_statistics",
    "report_area_ids",
    "report_by_key",
    "report_csv",
    "report_scope",
    "report_xlsx",
    "startup_projects",
    "trainer_cascade",
    "trainer_generations",
    "trainer_reach",
    "values_by_area",
    "viewer_may_see_reports",
]


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
    everyone = Scope(index=index, area_ids=None, districts=index.districts(), district_of=district_rows_of(index))
    certified = Trainer.objects.certified().count()
    people = _first_reached(ReportFilters(), everyone).count()
    session_areas = set(TrainingSession.objects.counted().values_list("area", flat=True).distinct().order_by())
    trainer_areas = set(Trainer.objects.certified().values_list("home_area", flat=True).distinct().order_by())
    covered = {index.district_of.get(pk) for pk in session_areas | trainer_areas} - {None}
    return {"certified_trainers": certified, "people_trained": people, "districts_covered": len(covered)}
