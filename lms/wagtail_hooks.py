from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import may_create_staff, staff_create, staff_edit, staff_index


@hooks.register("insert_global_admin_js")
def date_time_choosers():
    """Start the admin's date and time pickers from a file, as the Content-Security-Policy requires."""
    return format_html('<script src="{}" defer></script>', static("lms/admin-choosers.js"))


@hooks.register("register_admin_urls")
def register_staff_urls():
    urls = [
        path("", staff_index, name="index"),
        path("new/", staff_create, name="create"),
        path("<int:pk>/", staff_edit, name="edit"),
    ]
    return [path("staff/", include((urls, "lms_staff"), namespace="lms_staff"))]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return may_create_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_staff_menu_item():
    return StaffMenuItem(
        gettext_lazy("Staff accounts"), reverse("lms_staff:index"), name="staff-accounts", icon_name="user", order=900
    )
