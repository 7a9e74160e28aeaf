"""The admin of attempt grants: an administrator gives a learner more attempts at a quiz, with a reason.

A grant is a record of who gave how many attempts to whom and why: added, looked at, never edited or
deleted. A district administrator sees and grants only to people filed in their area (`visible_to`).
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from areas.admin_views import ScopedPermissionPolicy, ScopedViewSetMixin
from areas.filing import filed_in_admin_scope

from .models import AttemptGrant, QuizPage


class AttemptGrantPermissionPolicy(ScopedPermissionPolicy):
    """Grants are added and read; what was granted, by whom and why is never rewritten."""

    def user_has_permission(self, user, action):
        if action in ("change", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(AttemptGrant, AttemptGrantPermissionPolicy(AttemptGrant))


class AttemptGrantForm(WagtailAdminModelForm):
    """Offers the people filed in the administrator's area and the quizzes with an attempt limit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "person" in self.fields and self.for_user is not None:
            # Only people who have tried a quiz that has a limit: a grant means nothing to anyone else.
            tried = get_user_model().objects.filter(enrollments__quiz_attempts__quiz__max_attempts__isnull=False)
            self.fields["person"].queryset = filed_in_admin_scope(
                tried.distinct(), self.for_user, profile="profile"
            ).order_by("full_name")
        if "quiz" in self.fields:
            self.fields["quiz"].queryset = QuizPage.objects.live().filter(max_attempts__isnull=False).order_by("path")

    def save(self, commit=True):
        self.instance.granted_by = self.for_user
        return super().save(commit)


class AttemptGrantViewSet(ScopedViewSetMixin, ModelViewSet):
    model = AttemptGrant
    icon = "redirect"
    menu_label = _("Quiz attempt grants")
    menu_order = 255  # after the trainer programme (250)
    add_to_admin_menu = True
    url_prefix = "courses/attempt-grants"
    name = "attempt_grant"
    inspect_view_enabled = True
    list_display = ["person", "quiz", "extra_attempts", "granted_by", "granted_at"]
    list_filter = ["granted_at"]
    search_fields = ["person__full_name", "person__email", "reason"]
    search_backend_name = None
    inspect_view_fields = ["person", "quiz", "extra_attempts", "reason", "granted_by", "granted_at"]
    edit_handler = ObjectList(
        [FieldPanel("person"), FieldPanel("quiz"), FieldPanel("extra_attempts"), FieldPanel("reason")],
        base_form_class=AttemptGrantForm,
    )

    def get_queryset(self, request):
        return AttemptGrant.objects.select_related("person", "quiz", "granted_by")


@hooks.register("register_admin_viewset")
def register_attempt_grants():
    return AttemptGrantViewSet()
