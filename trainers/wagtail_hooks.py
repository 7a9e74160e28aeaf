from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.models import DataRequest
from areas.admin_views import ScopedInspectView, ScopedPermissionPolicy, ScopedViewSetMixin, may_see_wagtail_reports
from areas.models import admin_area_ids
from core.admin_actions import ObjectActionsViewSetMixin
from core.admin_listing import ListingQuerySetMixin

from .admin_forms import ProfileAdminForm, TrainerAdminForm
from .admin_views import (
    CertificatePermissionPolicy,
    CertificateRenewView,
    CertificateRevokeView,
    NotificationPermissionPolicy,
    NotificationResendView,
    ProfilePasswordLinkView,
    TrainerCertifyView,
)
from .data_requests import ANSWER_LOG_ACTION as DATA_REQUEST_ANSWER
from .data_requests import DataRequestViewSet
from .models import Certificate, Issuer, Notification, Profile, RenewalRule, Trainer
from .notifications import RESEND_LOG_ACTION

for model in (Trainer, Profile):
    register_permission_policy(model, ScopedPermissionPolicy(model))
register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))
register_permission_policy(Notification, NotificationPermissionPolicy(Notification))


class IssuerPermissionPolicy(ModelPermissionPolicy):
    """Who issues certificates is the province's decision, for its districts too: province administrators only."""

    def user_has_permission(self, user, action):
        return admin_area_ids(user) is None and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


register_permission_policy(Issuer, IssuerPermissionPolicy(Issuer))


class TrainerViewSet(ObjectActionsViewSetMixin, ScopedViewSetMixin, ModelViewSet):
    model = Trainer
    icon = "user"
    menu_label = _("Trainers")
    url_prefix = "trainers/trainers"
    name = "trainer"
    inspect_view_enabled = True
    list_display = ["person", "level", "home_area", "trained_by", "generation"]
    list_filter = ["level", "generation"]
    list_export = ["person", "level", "home_area", "trained_by", "generation", "created_at"]
    export_filename = "trainers"
    search_fields = ["person__full_name", "person__email"]
    search_backend_name = None
    ordering = ["person__full_name"]
    object_actions = (TrainerCertifyView,)
    edit_handler = ObjectList(
        [
            FieldPanel("person"),
            FieldRowPanel([FieldPanel("level"), FieldPanel("home_area")]),
            FieldRowPanel([FieldPanel("trained_by"), FieldPanel("generation")]),
            FieldPanel("specialities"),
            FieldPanel("photo"),
            FieldPanel("bio"),
        ],
        base_form_class=TrainerAdminForm,
    )

    def get_queryset(self, request):
        return Trainer.objects.select_related("person", "home_area", "trained_by__person")


class CertificateInspectView(ScopedInspectView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.status == Certificate.VALID:  # a revoked certificate's PDF is refused
            url = reverse("trainers:certificate_pdf", args=[self.object.number])
            buttons.append(HeaderButton(_("Download PDF"), url=url, icon_name="download", priority=20))
        return buttons


class CertificateViewSet(ObjectActionsViewSetMixin, ScopedViewSetMixin, ModelViewSet):
    model = Certificate
    icon = "success"
    menu_label = _("Certificates")
    url_prefix = "trainers/certificates"
    name = "certificate"
    inspect_view_class = CertificateInspectView
    inspect_view_enabled = True
    list_display = [
        "number",
        "holder_name",
        "kind",
        Column("current_status", label=_("Status"), accessor="get_current_status_display"),
        "issued_on",
        "expires_on",
        "area",
    ]
    list_filter = ["kind", "status", "issued_on"]
    list_export = ["number", "holder_name", "kind", "status", "issued_on", "expires_on", "area", "code"]
    export_filename = "certificates"
    search_fields = ["number", "holder_name"]
    search_backend_name = None
    inspect_view_fields = [
        "number",
        "kind",
        "holder_name",
        "course",
        "trainer_level",
        "trained_by",
        "area",
        "issued_on",
        "expires_on",
        "status",
        "revoked_reason",
        "revoked_at",
        "issued_by",
        "pdf_sha256",
        "pdf_rendered_at",
        "renews",
        "renewal",
        "renewal_requested_at",
    ]
    form_fields = ["holder_name"]  # never editable (see CertificatePermissionPolicy); Wagtail needs a form
    object_actions = (CertificateRenewView, CertificateRevokeView)

    def get_queryset(self, request):
        return Certificate.objects.select_related("area")


class RenewalRuleViewSet(ModelViewSet):
    """The province's renewal rules, one per kind of certificate (trainers/renewal.py reads them)."""

    model = RenewalRule
    icon = "repeat"
    menu_label = _("Renewal rules")
    url_prefix = "trainers/renewal-rules"
    name = "renewal_rule"
    list_display = ["kind", "min_sessions", "min_participants", "refresher_course", "opens_days_before"]
    form_fields = ["kind", "min_sessions", "min_participants", "refresher_course", "opens_days_before"]


class NotificationViewSet(ObjectActionsViewSetMixin, ScopedViewSetMixin, ModelViewSet):
    """The outbox: what was sent, what is waiting and what failed, with its attempts and last error."""

    model = Notification
    icon = "mail"
    menu_label = _("Notifications")
    url_prefix = "trainers/notifications"
    name = "notification"
    inspect_view_enabled = True
    list_display = ["user", "address", "kind", "channel", "status", "attempts", "created_at", "sent_at", "last_error"]
    list_filter = ["status", "channel", "kind"]
    list_export = [
        "user",
        "address",
        "kind",
        "object_key",
        "period",
        "channel",
        "status",
        "attempts",
        "cost",
        "created_at",
        "sent_at",
        "last_error",
    ]
    export_filename = "notifications"
    search_fields = ["user__full_name", "user__email", "address", "object_key"]
    search_backend_name = None
    inspect_view_fields = [
        "user",
        "address",
        "language",
        "kind",
        "object_key",
        "period",
        "channel",
        "status",
        "attempts",
        "cost",
        "created_at",
        "claimed_at",
        "sent_at",
        "last_error",
    ]
    form_fields = ["status"]  # never editable (see NotificationPermissionPolicy); Wagtail needs a form
    object_actions = (NotificationResendView,)

    def get_queryset(self, request):
        return Notification.objects.select_related("user")


class ProfileViewSet(ObjectActionsViewSetMixin, ScopedViewSetMixin, ModelViewSet):
    model = Profile
    icon = "user"
    menu_label = _("Profiles")
    url_prefix = "trainers/profiles"
    name = "profile"
    inspect_view_enabled = True
    list_display = ["user", "gender", "birth_year", "area", "commune", "organisation"]
    list_filter = ["gender", "learner_groups"]
    list_export = ["user", "gender", "birth_year", "area", "commune", "organisation"]
    export_filename = "profiles"
    search_fields = ["user__full_name", "user__email", "user__phone", "organisation"]
    search_backend_name = None
    object_actions = (ProfilePasswordLinkView,)
    edit_handler = ObjectList(
        [
            FieldPanel("user"),
            FieldRowPanel([FieldPanel("gender"), FieldPanel("birth_year")]),
            FieldRowPanel([FieldPanel("area"), FieldPanel("commune")]),
            FieldPanel("organisation"),
            FieldPanel("learner_groups", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=ProfileAdminForm,
    )

    def get_queryset(self, request):
        return Profile.objects.select_related("user", "area", "commune")


class IssuerViewSet(ListingQuerySetMixin, ModelViewSet):
    """A district (or any area) that issues its own certificates; the rest print Settings → Certificate settings."""

    model = Issuer
    icon = "success"
    menu_label = _("Certificate issuers")
    url_prefix = "trainers/issuers"
    name = "issuer"
    copy_view_enabled = False
    list_display = ["area", "issuing_body", "signatory_name", "signatory_title"]
    search_fields = ["issuing_body", "area__name"]
    search_backend_name = None

    def get_queryset(self, request):
        return Issuer.objects.select_related("area")


class TrainerProgrammeGroup(ModelViewSetGroup):
    menu_label = _("Trainer programme")
    menu_icon = "group"
    menu_order = 250
    items = (
        TrainerViewSet,
        CertificateViewSet,
        IssuerViewSet,
        RenewalRuleViewSet,
        ProfileViewSet,
        NotificationViewSet,
    )


@hooks.register("register_admin_viewset")
def register_trainer_programme():
    return TrainerProgrammeGroup()


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action("trainers.certificate.issue", _("Issue certificate"), _("Certificate issued"))
    actions.register_action("trainers.certificate.revoke", _("Revoke certificate"), _("Certificate revoked"))
    actions.register_action("trainers.certificate.renew", _("Renew certificate"), _("Certificate renewed"))
    actions.register_action(
        "trainers.certificate.renewal_request", _("Ask for renewal"), _("Renewal requested by the holder")
    )
    actions.register_action(RESEND_LOG_ACTION, _("Send notification again"), _("Notification queued again"))
    actions.register_action("trainers.trainer.lineage", _("Change who trained the trainer"), _("Lineage changed"))
    actions.register_action(
        "trainers.profile.password_link", _("Give a password link"), _("Password link given in person")
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_reports_below_the_province(request, menu_items):
    """Wagtail's own reports span every district: shown to the province only (URLs refused by middleware)."""
    if not may_see_wagtail_reports(request.user):
        menu_items[:] = []


# Requests about personal data (accounts.rights): the province's log, each district its own people's.
register_permission_policy(DataRequest, ScopedPermissionPolicy(DataRequest))


@hooks.register("register_admin_viewset")
def register_data_requests():
    return DataRequestViewSet()


@hooks.register("register_log_actions")
def register_data_request_log_actions(actions):
    actions.register_action(DATA_REQUEST_ANSWER, _("Answer a personal data request"), _("Data request answered"))
