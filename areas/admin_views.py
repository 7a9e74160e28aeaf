"""Wagtail admin views scoped to the administrator's area: every view loads its rows through `visible_to(user)`.

Wagtail filters only the listing by a viewset's queryset: edit, delete, inspect, history, usage and
copy views load their object from the default manager (wagtail/wagtail#10746). The mixins below
close that gap for every view class, and the permission policy makes buttons follow the same rule.
Every app whose admin lists area-scoped records (trainers, showcase, reports) builds on these.
Wagtail's own reports, which cannot be scoped, are for the province alone (the middleware at the end).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.permission_policies import ModelPermissionPolicy

from core.admin_actions import ObjectActionsIndexViewMixin, ObjectActionsInspectViewMixin
from core.admin_listing import ListingQuerySetMixin

from .models import admin_area_ids


def visible(model, user):
    return model._default_manager.visible_to(user)


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the user's groups, instances limited to the model's `visible_to(user)`."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and visible(self.model, user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return visible(self.model, user)
        return self.model._default_manager.none()


class ScopedObjectMixin:
    """Loads the object as Wagtail does, then refuses it (404) unless `visible_to(user)` contains it."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is not None and not visible(self.model, self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class ScopedIndexView(ObjectActionsIndexViewMixin, generic.IndexView):
    def get_base_queryset(self):
        # Listing, search, filters and CSV/XLSX exports all start here.
        queryset = super().get_base_queryset()
        return queryset.filter(pk__in=visible(self.model, self.request.user).values("pk"))


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    def form_valid(self, form):
        """A rule checked again under its lock while saving (a lineage edit that lost a race to another) refuses
        with its message on the form, as the form's own check would have, not with an error page."""
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedInspectView(ScopedObjectMixin, ObjectActionsInspectViewMixin, generic.InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


class ScopedCopyView(ScopedObjectMixin, generic.CopyView):
    pass


class ScopedViewSetMixin(ListingQuerySetMixin):
    """Every view class of a ModelViewSet through the scope; no view is left on the default manager."""

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_class = ScopedCopyView
    copy_view_enabled = False


# --- Wagtail's own reports ------------------------------------------------------------------------

WAGTAIL_REPORTS_NAMESPACE = "wagtailadmin_reports"


def may_see_wagtail_reports(user) -> bool:
    """Wagtail's reports (site history, locked pages, workflows, aging pages, page types) span every
    district and cannot be scoped: only administrators of the whole province and superusers see them."""
    return admin_area_ids(user) is None


class WagtailReportsForTheProvinceMiddleware:
    """Refuses Wagtail's report URLs (pages, results and CSV/XLSX exports) to everyone else.

    Wagtail mounts them before any URL a hook can add and checks no permission on site history, so
    the refusal happens here, once the URL is resolved; `construct_reports_menu` hides the menu items.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or WAGTAIL_REPORTS_NAMESPACE not in match.namespaces:
            return None
        if request.user.is_authenticated and not may_see_wagtail_reports(request.user):
            raise PermissionDenied
        return None
