"""The reports dashboard in the Wagtail admin ("Báo cáo"), its exports, and the admin for district targets.

Every view asks `viewer_may_see_reports(user)` first (learners and trainers without an admin scope get
a 403), and every report is scoped to the viewer's AdminScope inside trainers/reports.py.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permissions import register_permission_policy

from areas.models import admin_area_ids
from courses.models import CoursePage
from courses.text import fold_vi

from .admin_views import ScopedPermissionPolicy, ScopedViewSetMixin
from .models import Target
from .reports import (
    EXPORT_FORMATS,
    REPORTS,
    AreaTree,
    ReportFilters,
    all_reports,
    report_by_key,
    viewer_may_see_reports,
)

EXPORT_LOG_ACTION = "trainers.export_report"


class ReportFilterForm(forms.Form):
    """Area (former district or today's unit, within the viewer's scope), date range and course."""

    area = forms.ChoiceField(label=gettext_lazy("Area"), required=False)
    date_from = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    course = forms.ChoiceField(label=gettext_lazy("Course or programme"), required=False)

    def __init__(self, *args, user, index: AreaTree, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = admin_area_ids(user)
        self.areas = {str(a.pk): a for a in index.choices(allowed)}
        districts = [(pk, a.name) for pk, a in self.areas.items() if a.is_district]
        today_units = [(pk, str(a)) for pk, a in self.areas.items() if not a.is_district]
        self.fields["area"].choices = [
            ("", _("All areas") if allowed is None else _("All of my area")),
            (_("Former districts"), districts),
            (_("Today's units"), today_units),
        ]
        self.courses = {str(c.pk): c for c in CoursePage.objects.live().order_by("-is_tot", "title").only("title")}
        self.fields["course"].choices = [("", _("All courses"))] + [(pk, c.title) for pk, c in self.courses.items()]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the range is before its start."))
        return cleaned

    def filters(self) -> ReportFilters:
        if not self.is_valid():
            return ReportFilters()
        data = self.cleaned_data
        return ReportFilters(
            area=self.areas.get(data.get("area") or ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            course=self.courses.get(data.get("course") or ""),
        )


def _check(request) -> None:
    if not viewer_may_see_reports(request.user):
        raise PermissionDenied


def _form(request) -> ReportFilterForm:
    return ReportFilterForm(request.GET or None, user=request.user, index=AreaTree())


@require_GET
def dashboard(request):
    """All reports on one page: filter form, charts (Chart.js, local) and the same numbers as tables."""
    _check(request)
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
        },
    )


@require_GET
def export(request, key: str, fmt: str):
    """One report as CSV or XLSX, with the filters of the dashboard it was downloaded from."""
    _check(request)
    if key not in REPORTS or fmt not in EXPORT_FORMATS:
        raise Http404
    form = _form(request)
    report = report_by_key(key, form.filters(), request.user)
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


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/", include((urlpatterns, "trainers_reports"), namespace="trainers_reports"))]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return viewer_may_see_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        gettext_lazy("Programme dashboard"),
        reverse("trainers_reports:index"),
        name="reports",
        icon_name="table",
        order=240,
    )


@hooks.register("register_log_actions")
def register_report_log_actions(actions):
    actions.register_action(EXPORT_LOG_ACTION, gettext_lazy("Export report"), gettext_lazy("Exported a report"))


# --- Targets: entered by the province, viewed by districts ---------------------------------------


class TargetPermissionPolicy(ScopedPermissionPolicy):
    """District administrators may view their area's targets; only the province adds, edits or deletes."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete") and admin_area_ids(user) is not None:
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Target, TargetPermissionPolicy(Target))


class TargetViewSet(ScopedViewSetMixin, ModelViewSet):
    model = Target
    icon = "pick"
    menu_label = gettext_lazy("Targets")
    url_prefix = "trainers/targets"
    name = "target"
    inspect_view_enabled = True
    list_display = [
        "area",
        "year",
        "certified_trainers",
        "people_trained",
        "women_reached",
        "students_reached",
        "startup_projects",
    ]
    list_filter = ["year"]
    list_export = list_display
    export_filename = "targets"
    search_fields = ["area__name"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("area"), FieldPanel("year")]),
            FieldRowPanel([FieldPanel("certified_trainers"), FieldPanel("people_trained")]),
            FieldRowPanel([FieldPanel("women_reached"), FieldPanel("students_reached")]),
            FieldPanel("startup_projects"),
        ]
    )

    def get_queryset(self, request):
        return Target.objects.select_related("area")
