"""The admin of areas and administrators' scopes: province administrators (and superusers) only."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import AdminScope, Area, admin_area_ids


class ProvincePermissionPolicy(ModelPermissionPolicy):
    """Group permissions, and only for administrators of the whole province: areas and scopes span districts."""

    def user_has_permission(self, user, action):
        return admin_area_ids(user) is None and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


register_permission_policy(Area, ProvincePermissionPolicy(Area))
register_permission_policy(AdminScope, ProvincePermissionPolicy(AdminScope))


class AreaViewSet(ModelViewSet):
    model = Area
    icon = "site"
    menu_label = _("Areas")
    url_prefix = "trainers/areas"  # the URL of the admin from before the areas app
    name = "area"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "code", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    search_backend_name = None
    form_fields = ["code", "name", "kind", "parent", "valid_from", "valid_to", "successors"]

    def get_queryset(self, request):
        return Area.objects.select_related("parent")


class AdminScopeViewSet(ModelViewSet):
    model = AdminScope
    icon = "lock"
    menu_label = _("Administrative scopes")
    url_prefix = "trainers/scopes"
    name = "admin_scope"
    copy_view_enabled = False
    list_display = ["user", "area"]
    search_fields = ["user__full_name", "user__email"]
    search_backend_name = None
    form_fields = ["user", "area"]

    def get_queryset(self, request):
        return AdminScope.objects.select_related("user", "area")


class AreasGroup(ModelViewSetGroup):
    menu_label = _("Areas and scopes")
    menu_icon = "site"
    menu_order = 260  # after the trainer programme (250)
    items = (AreaViewSet, AdminScopeViewSet)


@hooks.register("register_admin_viewset")
def register_areas():
    return AreasGroup()
