"""The reports dashboard's admin URLs and menu item, its export log action, and the admin for district targets."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_home import administrator_home_panel
from .admin_plans import TargetViewSet
from .figures import viewer_may_see_reports
from .learning_gain import urlpatterns as learning_gain_urlpatterns
from .plans import APPROVE_ACTION, RETURN_ACTION, SUBMIT_ACTION
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
    actions.register_action(SUBMIT_ACTION, gettext_lazy("Submit plan"), gettext_lazy("Submitted the plan"))
    actions.register_action(APPROVE_ACTION, gettext_lazy("Approve plan"), gettext_lazy("Approved the plan"))
    actions.register_action(RETURN_ACTION, gettext_lazy("Return plan"), gettext_lazy("Returned the plan"))


# --- Targets: a district's plan, approved by the province ----------------------------------------


@hooks.register("register_admin_viewset")
def register_targets():
    return TargetViewSet()


@hooks.register("construct_homepage_panels")
def add_administrator_home_panel(request, panels):
    panel = administrator_home_panel(request.user)
    if panel is not None:
        panels.append(panel)
