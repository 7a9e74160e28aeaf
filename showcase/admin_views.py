"""Wagtail admin views of the showcase; the scoped viewset views come from trainers.admin_views."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from trainers.admin_views import ScopedPermissionPolicy

from .forms import ReviewForm
from .models import StartupProject
from .services import project_review


class ReadOnlyScopedPermissionPolicy(ScopedPermissionPolicy):
    """Registrations are made and cancelled through the services (capacity, waiting list), never by hand."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(user, action)


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
