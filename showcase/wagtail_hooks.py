"""Admin wiring of the showcase: projects (scoped to the reviewer's district), registrations, the directory."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from areas.admin_views import ScopedPermissionPolicy, ScopedViewSetMixin
from core.admin_actions import ObjectActionsViewSetMixin
from core.admin_listing import ListingQuerySetMixin
from core.admin_yes_no import yes_no_column

from .admin_forms import ProjectAdminForm, SupportOrganisationAdminForm
from .admin_views import ProjectReviewView, ReadOnlyScopedPermissionPolicy
from .models import EventPage, Registration, StartupProject, SupportOrganisation
from .services import event_fill_places

register_permission_policy(StartupProject, ScopedPermissionPolicy(StartupProject))
register_permission_policy(Registration, ReadOnlyScopedPermissionPolicy(Registration))


class StartupProjectViewSet(ObjectActionsViewSetMixin, ScopedViewSetMixin, ModelViewSet):
    model = StartupProject
    icon = "rocket"
    menu_label = _("Startup projects")
    url_prefix = "showcase/projects"
    name = "startup_project"
    object_actions = (ProjectReviewView,)
    inspect_view_enabled = True
    list_display = ["title", "area", "stage", "origin", "status", "updated_at"]
    list_filter = ["status", "stage", "origin", "sector"]
    list_export = ["title", "area", "commune", "sector", "stage", "origin", "ocop_stars", "status", "published_at"]
    export_filename = "startup-projects"
    search_fields = ["title", "pitch"]
    search_backend_name = None
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("pitch"),
                    FieldPanel("description"),
                    FieldRowPanel([FieldPanel("area"), FieldPanel("commune")]),
                    FieldRowPanel([FieldPanel("sector"), FieldPanel("stage")]),
                    FieldRowPanel([FieldPanel("origin"), FieldPanel("ocop_stars")]),
                    FieldPanel("website"),
                    FieldPanel("cover_image"),
                ],
                heading=_("Project"),
            ),
            ObjectList([InlinePanel("members", heading=_("Team members"))], heading=_("Team")),
            ObjectList(
                [
                    FieldPanel("mentor"),
                    FieldPanel("courses", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("sessions", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Training and mentoring"),
            ),
            ObjectList(
                [InlinePanel("images", heading=_("Images")), InlinePanel("documents", heading=_("Documents"))],
                heading=_("Images and documents"),
            ),
            ObjectList([InlinePanel("awards", heading=_("Awards"))], heading=_("Awards")),
        ],
        base_form_class=ProjectAdminForm,
    )

    def get_queryset(self, request):
        return StartupProject.objects.select_related("area")


class RegistrationViewSet(ScopedViewSetMixin, ModelViewSet):
    model = Registration
    icon = "clipboard-list"
    menu_label = _("Event registrations")
    url_prefix = "showcase/registrations"
    name = "registration"
    inspect_view_enabled = True
    list_display = [
        "full_name",
        "event",
        "status",
        Column("checked_in_at", label=_("Checked in at")),
        "created_at",
    ]
    list_filter = ["status", "event"]
    list_export = ["full_name", "phone", "email", "event", "status", "created_at", "promoted_at", "checked_in_at"]
    export_filename = "event-registrations"
    search_fields = ["full_name", "phone", "email"]
    search_backend_name = None
    form_fields = ["full_name"]  # never editable (see ReadOnlyScopedPermissionPolicy); Wagtail needs a form
    inspect_view_fields = [
        "event",
        "full_name",
        "phone",
        "email",
        "language",
        "status",
        "created_at",
        "promoted_at",
        "cancelled_at",
        "checked_in_at",
        "checked_in_by",
    ]

    def get_queryset(self, request):
        return Registration.objects.select_related("event")


class SupportOrganisationViewSet(ListingQuerySetMixin, ModelViewSet):
    model = SupportOrganisation
    icon = "group"
    menu_label = _("Support organisations")
    url_prefix = "showcase/organisations"
    name = "support_organisation"
    copy_view_enabled = False
    list_display = [
        "name",
        "kind",
        "area",
        yes_no_column(SupportOrganisation, "publish_contact"),
        yes_no_column(SupportOrganisation, "is_listed"),
    ]
    list_filter = ["kind", "publish_contact", "is_listed"]
    search_fields = ["name", "summary"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("area")]),
            FieldPanel("summary"),
            FieldPanel("offers"),
            FieldPanel("logo"),
            FieldPanel("website"),
            FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            FieldPanel("address"),
            FieldPanel("publish_contact"),
            FieldPanel("supported_projects", widget=forms.CheckboxSelectMultiple),
            FieldPanel("is_listed"),
        ],
        base_form_class=SupportOrganisationAdminForm,
    )

    def get_queryset(self, request):
        return SupportOrganisation.objects.select_related("area")


class ShowcaseGroup(ModelViewSetGroup):
    menu_label = _("Startup showcase")
    menu_icon = "rocket"
    menu_order = 260
    items = (StartupProjectViewSet, RegistrationViewSet, SupportOrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_showcase():
    return ShowcaseGroup()


@hooks.register("register_log_actions")
def register_project_log_actions(actions):
    actions.register_action("showcase.project.submit", _("Submit project"), _("Project submitted for review"))
    actions.register_action("showcase.project.publish", _("Publish project"), _("Project published"))
    actions.register_action("showcase.project.return", _("Return project"), _("Project returned to its team"))


@hooks.register("after_publish_page")
def fill_places_after_capacity_change(request, page):
    """An editor who raises an event's capacity gives the new places to the waiting list, in order."""
    if isinstance(page.specific, EventPage):
        event_fill_places(event=page.specific)
