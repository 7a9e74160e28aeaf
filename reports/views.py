"""The reports dashboard in the Wagtail admin ("Báo cáo") and its exports (registered in wagtail_hooks.py).

Every view asks `viewer_may_see_reports(user)` first (learners and trainers without an admin scope get
a 403), and every report is scoped to the viewer's AdminScope inside reports/figures.py. The figures are read
from the reports' replica where one is fit to serve them (core/db_routers.py); who may see what is decided first,
on the primary (and kept on the user object for the figures), so a scope just withdrawn is never read stale. URL
names and template paths are those from when the dashboard lived in `trainers` (trainers_reports:…,
trainers/dashboard/).
"""

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

from .figures import EXPORT_FORMATS, REPORTS, all_reports, report_by_key, viewer_may_see_reports
from .forms import ReportFilterForm

EXPORT_LOG_ACTION = "trainers.export_report"


def _check(request) -> None:
    if not viewer_may_see_reports(request.user):
        raise PermissionDenied


def _form(request) -> ReportFilterForm:
    return ReportFilterForm(request.GET or None, user=request.user, index=area_tree())


@require_GET
def dashboard(request):
    """All reports on one page: filter form, charts (Chart.js, local) and the same numbers as tables."""
    _check(request)
    with reading_for_reports() as reading:
        form = _form(request)
        filters = form.filters()
        reports = all_reports(filters, request.user)
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    sections = [
        {
            "report": report,
            "chart_id": f"chart-{report.key}",
            "data_id": f"chart-data-{report.key}",
            "exports": [
                (fmt.upper(), reverse("trainers_reports:export", args=[report.key, fmt]) + query)
                for fmt in EXPORT_FORMATS
            ],
        }
        for report in reports
    ]
    title = _("Programme dashboard")
    return TemplateResponse(
        request,
        "trainers/dashboard/index.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "table",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": "", "label": title},
            ],
            "form": form,
            "report_filters": filters,
            "sections": sections,
            "today": timezone.localdate(),
            "figures_as_of": reading.as_of,  # from a replica that is behind: the moment its figures stand at
        },
    )


@require_GET
def export(request, key: str, fmt: str):
    """One report as CSV or XLSX, with the filters of the dashboard it was downloaded from."""
    _check(request)
    if key not in REPORTS or fmt not in EXPORT_FORMATS:
        raise Http404
    with reading_for_reports():
        report = report_by_key(key, _form(request).filters(), request.user)
    render, content_type = EXPORT_FORMATS[fmt]
    response = HttpResponse(render(report), content_type=content_type)
    name = f"bao-cao-{slugify(fold_vi(report.title))[:60] or key}-{timezone.localdate():%Y%m%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    log(instance=request.user, action=EXPORT_LOG_ACTION, user=request.user, data={"report": key, "format": fmt})
    return response


urlpatterns = [
    path("", dashboard, name="index"),
    path("export/<str:key>.<str:fmt>", export, name="export"),
]
