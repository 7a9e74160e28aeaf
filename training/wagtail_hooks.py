from . import admin_imports  # noqa: F401, I001  (registers the import/export admin views; kept first)

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from areas.admin_views import ScopedPermissionPolicy, ScopedViewSetMixin
from core.admin_actions import ObjectActionsViewSetMixin
from core.admin_yes_no import yes_no_column

from .admin_forms import TrainingSessionAdminForm
from .admin_views import (
    ReportReviewView,
    SessionCertificatesDownloadView,
    SessionCertificatesView,
    SessionCertificatesZipView,
    SessionResultsView,
    SessionReviewView,
)
from .models import Attendance, SessionParticipant, TrainingSession

for model in (TrainingSession, SessionParticipant, Attendance):
    register_permission_policy(model, ScopedPermissionPolicy(model))


class TrainingSessionViewSet(ObjectActionsViewSetMixin, ScopedViewSetMixin, ModelViewSet):
    model = TrainingSession
    icon = "date"
    menu_label = _("Training sessions")
    add_to_admin_menu = True
    menu_order = 260
    url_prefix = "training/sessions"
    name = "training_session"
    inspect_view_enabled = True
    list_display = [
        "title",
        "starts_on",
        "ends_on",
        "area",
        "mode",
        yes_no_column(TrainingSession, "is_tot"),
        "review_status",
        "report_status",
    ]
    list_filter = ["review_status", "report_status", "mode", "is_tot", "starts_on"]
    list_export = ["title", "starts_on", "ends_on", "area", "venue", "mode", "is_tot"]
    export_filename = "training-sessions"
    search_fields = ["title", "venue"]
    search_backend_name = None
    object_actions = (
        SessionReviewView,
        ReportReviewView,
        SessionResultsView,
        SessionCertificatesView,
        SessionCertificatesDownloadView,
        SessionCertificatesZipView,
    )
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            FieldRowPanel([FieldPanel("mode"), FieldPanel("is_tot")]),
            FieldRowPanel([FieldPanel("area"), FieldPanel("venue")]),
            FieldRowPanel([FieldPanel("audience"), FieldPanel("expected_size")]),
            FieldPanel("courses", widget=forms.CheckboxSelectMultiple),
            FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=TrainingSessionAdminForm,
    )

    def get_queryset(self, request):
        return TrainingSession.objects.select_related("area")


@hooks.register("register_admin_viewset")
def register_training_sessions():
    return TrainingSessionViewSet()


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    for action, label, message in [
        ("training.session.submit", _("Submit session"), _("Submitted the session for approval")),
        ("training.session.approve", _("Approve session"), _("Approved the session")),
        ("training.session.return", _("Return session"), _("Returned the session for changes")),
        ("training.report.submit", _("Submit class report"), _("Submitted the class report")),
        ("training.report.approve", _("Approve class report"), _("Approved the class report")),
        ("training.report.return", _("Return class report"), _("Returned the class report for changes")),
        ("training.results.record", _("Record results"), _("Recorded participants' results")),
        ("training.certificates.issue", _("Issue the class's certificates"), _("Issued the class's certificates")),
    ]:
        actions.register_action(action, label, message)
