"""Learning gain and satisfaction of training sessions, by trainer and by former district, with their exports.

The figures come from `training.rollcall.learning_results` (the one rule: mean post-test minus mean
pre-test over the participants with both, and mean ratings); this module only scopes the sessions like
every other report (`report_scope`: the viewer's AdminScope and the area filter, rolled up) and arranges
rows. The screen and the CSV/XLSX exports read the same `Report.rows`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.log_actions import log

from areas.rollup import area_tree
from core.db_routers import reading_for_reports
from core.text import fold_vi
from trainers.models import Trainer
from training.models import RATING_FIELDS
from training.rollcall import Results, learning_results

from .figures import EXPORT_FORMATS, Report, ReportFilters, filtered_sessions, report_scope, viewer_may_see_reports
from .forms import ReportFilterForm
from .views import EXPORT_LOG_ACTION


def _headings(first: str) -> list[str]:
    return [
        first,
        _("Sessions"),
        _("People with both tests"),
        _("Mean pre-test"),
        _("Mean post-test"),
        _("Learning gain"),
        _("Evaluations"),
        _("Content (1–5)"),
        _("Trainer (1–5)"),
        _("Usefulness (1–5)"),
        _("Satisfaction (1–5)"),
    ]


def _cells(label: str, sessions: int, results: Results) -> list:
    return [
        label,
        sessions,
        results.pairs,
        results.pre_mean,
        results.post_mean,
        results.gain,
        results.evaluations,
        *(results.rating(name) for name in RATING_FIELDS),
        results.satisfaction,
    ]


def _sessions(filters: ReportFilters, user):
    scope = report_scope(filters, user)
    return scope, filtered_sessions(filters).filter(scope.condition("area"))


def _note() -> str:
    return _(
        "Learning gain: mean post-test score minus mean pre-test score (out of 100), over the participants "
        "with both. Satisfaction: mean of the three ratings. Sessions that started within the date range."
    )


def learning_gain_by_area(filters: ReportFilters, user) -> Report:
    """Learning gain and satisfaction by former district (a session counts where it was held, rolled up)."""
    scope, sessions = _sessions(filters, user)
    by_area = learning_results(sessions, by="area")
    session_areas = list(sessions.values_list("area_id", flat=True).order_by())
    by_district: dict[int | None, Results] = {}
    counts: dict[int | None, int] = {}
    for area_id in session_areas:
        district = scope.index.district_of.get(area_id)
        counts[district] = counts.get(district, 0) + 1
    for area_id, results in by_area.items():
        by_district.setdefault(scope.index.district_of.get(area_id), Results()).add(results)
    rows, total = [], Results()
    districts = [(d.name, d.pk) for d in scope.districts if d.pk in counts]
    if counts.get(None):
        districts.append((_("Other or province level"), None))
    for label, pk in districts:
        results = by_district.get(pk, Results())
        total.add(results)
        rows.append(_cells(label, counts.get(pk, 0), results))
    rows.append(_cells(_("All areas"), len(session_areas), total))
    return Report(
        key="gain_by_area",
        title=_("Learning gain and satisfaction by district"),
        headings=_headings(_("Former district")),
        rows=rows,
        note=_note(),
        filters=filters,
    )


def learning_gain_by_trainer(filters: ReportFilters, user) -> Report:
    """Learning gain and satisfaction of each trainer's sessions (a session led by two counts for both)."""
    _scope, sessions = _sessions(filters, user)
    by_trainer = learning_results(sessions, by="trainer")
    led = {}
    for trainer_id in sessions.values_list("trainers", flat=True).order_by():
        if trainer_id is not None:
            led[trainer_id] = led.get(trainer_id, 0) + 1
    trainers = sorted(
        Trainer.objects.filter(pk__in=led).select_related("person"), key=lambda t: fold_vi(t.person.full_name)
    )
    rows = [_cells(t.person.full_name, led[t.pk], by_trainer.get(t.pk, Results())) for t in trainers]
    everyone = learning_results(sessions).get(None) or Results()
    rows.append(_cells(_("All sessions"), sessions.count(), everyone))
    return Report(
        key="gain_by_trainer",
        title=_("Learning gain and satisfaction by trainer"),
        headings=_headings(_("Trainer")),
        rows=rows,
        note=_note(),
        filters=filters,
    )


REPORTS = {"gain_by_area": learning_gain_by_area, "gain_by_trainer": learning_gain_by_trainer}


# --- Views (admin: registered in wagtail_hooks.py) ------------------------------------------------


def _form(request) -> ReportFilterForm:
    return ReportFilterForm(request.GET or None, user=request.user, index=area_tree())


@require_GET
def learning_gain(request):
    """Both tables, with the dashboard's filters, and their downloads."""
    if not viewer_may_see_reports(request.user):
        raise PermissionDenied
    with reading_for_reports():  # the replica where one is fit to serve (core/db_routers.py)
        form = _form(request)
        filters = form.filters()
        reports = [function(filters, request.user) for function in REPORTS.values()]
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    sections = [
        {
            "report": report,
            "exports": [
                (fmt.upper(), reverse("learning_gain:export", args=[report.key, fmt]) + query) for fmt in EXPORT_FORMATS
            ],
        }
        for report in reports
    ]
    title = _("Learning gain and satisfaction")
    return TemplateResponse(
        request,
        "reports/learning_gain.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "table",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse("trainers_reports:index"), "label": _("Programme dashboard")},
                {"url": "", "label": title},
            ],
            "form": form,
            "report_filters": filters,
            "sections": sections,
        },
    )


@require_GET
def export(request, key: str, fmt: str):
    """One of the two tables as CSV or XLSX, with the filters of the page it was downloaded from."""
    if not viewer_may_see_reports(request.user):
        raise PermissionDenied
    if key not in REPORTS or fmt not in EXPORT_FORMATS:
        raise Http404
    with reading_for_reports():
        report = REPORTS[key](_form(request).filters(), request.user)
    render, content_type = EXPORT_FORMATS[fmt]
    response = HttpResponse(render(report), content_type=content_type)
    name = f"bao-cao-{slugify(fold_vi(report.title))[:60] or key}-{timezone.localdate():%Y%m%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    log(instance=request.user, action=EXPORT_LOG_ACTION, user=request.user, data={"report": key, "format": fmt})
    return response


urlpatterns = [
    path("", learning_gain, name="index"),
    path("export/<str:key>.<str:fmt>", export, name="export"),
]
