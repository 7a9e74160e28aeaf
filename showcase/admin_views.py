"""Wagtail admin views of the showcase; the scoped viewset views come from areas.admin_views."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from areas.admin_views import ScopedPermissionPolicy
from core.admin_actions import ObjectActionView

from .forms import ReviewForm
from .models import StartupProject
from .services import project_review


class ReadOnlyScopedPermissionPolicy(ScopedPermissionPolicy):
    """Registrations are made and cancelled through the services (capacity, waiting list), never by hand."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(user, action)


class ProjectReviewView(ObjectActionView):
    """Publish a project or return it to its team with a comment; only within the reviewer's area."""

    model = StartupProject
    url_name = "review"
    button_label = gettext_lazy("Review")
    permission = "review"
    page_title = gettext_lazy("Review project")
    header_icon = "tick"
    button_priority = 15
    template_name = "showcase/admin/project_review.html"

    def get(self, request, pk):
        return self.render(form=ReviewForm(initial={"comment": self.object.review_comment}))

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
        return self.render(form=form)
