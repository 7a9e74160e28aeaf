"""The Wagtail admin for targets: districts draft and submit their plan, the province approves or returns it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from areas.admin_views import ScopedEditView, ScopedIndexView, ScopedPermissionPolicy, ScopedViewSetMixin
from areas.models import admin_area_ids
from core.admin_actions import ObjectActionsViewSetMixin, ObjectActionView
from trainers.admin_forms import ScopedAdminForm

from .models import Target
from .plans import target_review, target_submit


class TargetPermissionPolicy(ScopedPermissionPolicy):
    """District administrators add their area's plans and change them while draft or returned; the province
    approves or returns them ("review") and alone deletes."""

    def user_has_permission(self, user, action):
        province = admin_area_ids(user) is None
        if action == "review":
            return province and super().user_has_permission(user, "change")
        if action == "submit":
            return super().user_has_permission(user, "change")
        if action == "delete" and not province:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action in ("change", "submit") and admin_area_ids(user) is not None:
            return instance.status in Target.EDITABLE_BY_DISTRICT
        return True


register_permission_policy(Target, TargetPermissionPolicy(Target))


def plans_waiting(user) -> tuple[int, str]:
    """(count, status) of the plans that wait for the user: submitted ones for the province, returned ones for
    a district (the admin home's to-do)."""
    if TargetPermissionPolicy(Target).user_has_permission(user, "review"):
        status = Target.SUBMITTED
    elif TargetPermissionPolicy(Target).user_has_permission(user, "change"):
        status = Target.RETURNED
    else:
        return 0, ""
    return Target.objects.visible_to(user).filter(status=status).count(), status


class TargetAdminForm(ScopedAdminForm):
    """Areas limited to the administrator's; a new plan is a draft for a district, approved for the province."""

    def save(self, commit=True):
        if self.instance._state.adding and self.for_user is not None and admin_area_ids(self.for_user) is None:
            self.instance.status = Target.APPROVED
            self.instance.reviewed_by = self.for_user
        elif self.instance.status == Target.RETURNED:
            self.instance.status = Target.DRAFT  # edited after the province's comment: a draft again
        return super().save(commit)


class TargetIndexView(ScopedIndexView):
    """Links a district's submitted or approved plans to their inspect view, not to an edit form it would refuse."""

    def get_edit_url(self, instance):
        if self._district_user and instance.status not in Target.EDITABLE_BY_DISTRICT:
            return None
        return super().get_edit_url(instance)

    @cached_property
    def _district_user(self) -> bool:
        return admin_area_ids(self.request.user) is not None


class TargetEditView(ScopedEditView):
    """Refuses a plan the user may not change now (a district's submitted or approved plan)."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", obj):
            raise PermissionDenied
        return obj


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required when returning the plan: say what the district should change."),
    )


class TargetSubmitView(ObjectActionView):
    model = Target
    url_name = "submit"
    button_label = gettext_lazy("Submit for approval")
    permission = "submit"
    page_title = gettext_lazy("Submit plan")
    header_icon = "upload"
    template_name = "reports/admin/target_action.html"

    @classmethod
    def applies_to(cls, obj) -> bool:
        return obj.status in Target.EDITABLE_BY_DISTRICT

    def has_permission(self) -> bool:
        return self.viewset.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission, self.object
        )

    def get(self, request, pk):
        return self.render(form=None, submit_label=self.button_label)

    def post(self, request, pk):
        try:
            target_submit(target=self.object, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Plan %(target)s submitted to the province.") % {"target": self.object})
        return redirect(self.viewset.get_url_name("inspect"), self.object.pk)


class TargetReviewView(ObjectActionView):
    """The province approves a submitted plan or returns it with a comment (one form, two buttons)."""

    model = Target
    url_name = "review"
    button_label = gettext_lazy("Approve or return")
    permission = "review"
    page_title = gettext_lazy("Approve or return plan")
    header_icon = "success"
    template_name = "reports/admin/target_action.html"

    @classmethod
    def applies_to(cls, obj) -> bool:
        return obj.status == Target.SUBMITTED

    def get(self, request, pk):
        return self.render(form=ReviewForm(), review=True)

    def post(self, request, pk):
        form = ReviewForm(request.POST)
        if form.is_valid():
            approve = "approve" in request.POST
            try:
                target_review(
                    target=self.object, by=request.user, approve=approve, comment=form.cleaned_data["comment"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                done = _("Plan %(target)s approved.") if approve else _("Plan %(target)s returned to the district.")
                messages.success(request, done % {"target": self.object})
                return redirect(self.viewset.get_url_name("inspect"), self.object.pk)
        return self.render(form=form, review=True)


class TargetViewSet(ObjectActionsViewSetMixin, ScopedViewSetMixin, ModelViewSet):
    model = Target
    icon = "pick"
    menu_label = gettext_lazy("Targets")
    add_to_admin_menu = True
    menu_order = 245  # beside the programme dashboard (240)
    url_prefix = "trainers/targets"  # the URL from before the reports app
    name = "target"
    inspect_view_enabled = True
    index_view_class = TargetIndexView
    edit_view_class = TargetEditView
    object_actions = (TargetSubmitView, TargetReviewView)
    list_display = [
        "area",
        "year",
        "status",
        "certified_trainers",
        "people_trained",
        "women_reached",
        "students_reached",
        "startup_projects",
    ]
    list_filter = ["year", "status"]
    list_export = list_display
    export_filename = "targets"
    search_fields = ["area__name"]
    search_backend_name = None
    inspect_view_fields = [
        *list_display,
        "submitted_by",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
        "review_comment",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("area"), FieldPanel("year")]),
            FieldRowPanel([FieldPanel("certified_trainers"), FieldPanel("people_trained")]),
            FieldRowPanel([FieldPanel("women_reached"), FieldPanel("students_reached")]),
            FieldPanel("startup_projects"),
        ],
        base_form_class=TargetAdminForm,
    )

    def get_queryset(self, request):
        return Target.objects.select_related("area")
