"""Wagtail admin views of the showcase, every one loading rows through the model's `visible_to(user)`.

Wagtail filters only the listing by a viewset's queryset; edit, delete, inspect, history and usage
views load their object through the default manager. The mixins below close that gap.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.permission_policies import ModelPermissionPolicy

from .forms import ReviewForm
from .models import StartupProject
from .services import project_review


def visible(model, user):
    return model._default_manager.visible_to(user)


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the user's groups; instances limited to the model's `visible_to(user)`."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and visible(self.model, user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return visible(self.model, user)
        return self.model._default_manager.none()


class ReadOnlyScopedPermissionPolicy(ScopedPermissionPolicy):
    """Registrations are made and cancelled through the services (capacity, waiting list), never by hand."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(user, action)


class ScopedObjectMixin:
    """Load the object as Wagtail does, then refuse it (404) unless `visible_to(user)` contains it."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is not None and not visible(self.model, self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        # Listing, search, filters and spreadsheet exports all start here.
        return super().get_base_queryset().filter(pk__in=visible(self.model, self.request.user).values("pk"))


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


class ScopedViewSetMixin:
    """Every view class of a ModelViewSet goes through the scope; copying is off."""

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_enabled = False


class ProjectReviewView(WagtailAdminTemplateMixin, View):
    """Publish a project or return it to its team with a comment; only within the reviewer's area."""

    page_title = gettext_lazy("Review project")
    header_icon = "tick"
    template_name = "showcase/admin/project_review.html"
    viewset = None

    def dispatch(self, request, pk):
        self.object = get_object_or_404(StartupProject.objects.visible_to(request.user), pk=pk)
        if not self.viewset.permission_policy.user_has_permission_for_instance(request.user, "review", self.object):
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.object)

    def render(self, form):
        context = self.get_context_data(object=self.object, form=form)
        return TemplateResponse(self.request, self.template_name, context)

    def get(self, request, pk):
        return self.render(ReviewForm(initial={"comment": self.object.review_comment}))

    def post(self, request, pk):
        form = ReviewForm(request.POST)
        if form.is_valid():
            publish = form.cleaned_data["decision"] == ReviewForm.PUBLISH
            try:
                project_review(
                    project=self.object, by=request.user, publish=publish, comment=form.cleaned_data["comment"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if publish:
                    messages.success(request, _("“%(title)s” is published in the showcase.") % {"title": self.object})
                else:
                    messages.success(request, _("“%(title)s” is returned to its team.") % {"title": self.object})
                return redirect(self.viewset.get_url_name("index"))
        return self.render(form)
