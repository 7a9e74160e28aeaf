"""The reports dashboard's admin URLs and menu item, its export log action, and the admin for district targets."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from areas.admin_views import ScopedPermissionPolicy, ScopedViewSetMixin
from areas.models import admin_area_ids

from .admin_home import administrator_home_panel
from .figures import viewer_may_see_reports
from .learning_gain import urlpatterns as learning_gain_urlpatterns
from .models import Target
from .views import EXPORT_LOG_ACTION, urlpatterns


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/", include((urlpatterns, "trainers_reports"), namespace="trainers_reports")),
        path(
            "reports/learning-gain/",
            include((learning_gain_urlpatterns, "learning_gain"), namespace="learning_gain"),
        ),
    ]


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


@hooks.register("register_admin_menu_item")
def register_learning_gain_menu_item():
    return ReportsMenuItem(
        gettext_lazy("Learning gain and satisfaction"),
        reverse("learning_gain:index"),
        name="learning-gain",
        icon_name="table",
        order=241,  # just after the programme dashboard
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
    add_to_admin_menu = True
    menu_order = 245  # beside the programme dashboard (240)
    url_prefix = "trainers/targets"  # the URL from before the reports app
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


@hooks.register("register_admin_viewset")
def register_targets():
    return TargetViewSet()


@hooks.register("construct_homepage_panels")
def add_administrator_home_panel(request, panels):
    panel = administrator_home_panel(request.user)
    if panel is not None:
        panels.append(panel)
