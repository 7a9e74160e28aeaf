"""The log of requests about personal data in the admin (accounts.rights), scoped like every other screen.

Who an administrator answers for is where the person's profile is filed (`Profile.objects.visible_to`, the
areas' roll-up rule): a province administrator sees every request, a district administrator those of the
people filed in their district, nobody else's. The registration of that rule (`people_answered_for`) is made
in TrainersConfig.ready(), since `accounts` cannot know about areas.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from accounts.models import DataRequest
from accounts.rights import DUE_SOON, data_request_answer
from areas.admin_views import ScopedEditView, ScopedIndexView, ScopedViewSetMixin
from areas.models import admin_area_ids

from .models import Profile

ANSWER_LOG_ACTION = "accounts.data_request.answer"


def people_answered_for(user):
    """The ids of the people an administrator answers for (None: everyone, for the province)."""
    if admin_area_ids(user) is None:
        return None
    return Profile.objects.visible_to(user).values("user")


def deadline_state(data_request: DataRequest, now=None) -> str:
    """How the request stands against its deadline: answered, overdue, due soon (within a day) or on time."""
    if not data_request.is_open:
        return "answered"
    now = now or timezone.now()
    if data_request.due_at < now:
        return "overdue"
    return "due_soon" if data_request.due_at - now <= DUE_SOON else "on_time"


DEADLINE_LABELS = {
    "answered": _("Answered"),
    "overdue": _("Overdue"),
    "due_soon": _("Due within 24 hours"),
    "on_time": _("On time"),
}


class DataRequestAnswerForm(WagtailAdminModelForm):
    """Answer a request: done, or refused with the reason the person is told."""

    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(DataRequest.ANSWERED, _("Done")), (DataRequest.REFUSED, _("Refused"))],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = DataRequest
        fields = ["status", "answer_note"]


class DataRequestAnswerView(ScopedEditView):
    """Saving the form answers the request through `data_request_answer` (time, who, the log entry)."""

    success_message = _("Request answered.")

    def save_instance(self):
        answered = data_request_answer(
            data_request=self.object,
            status=self.form.cleaned_data["status"],
            note=self.form.cleaned_data["answer_note"],
            answered_by=self.request.user,
        )
        log(instance=answered, action=ANSWER_LOG_ACTION, user=self.request.user)
        return answered


class DataRequestIndexView(ScopedIndexView):
    """Open requests first, nearest deadline on top; each row's person read in the one query."""

    def get_base_queryset(self):
        open_first = models.Case(models.When(status=DataRequest.RECEIVED, then=0), default=1)
        return (
            super()
            .get_base_queryset()
            .select_related("person", "answered_by")
            .alias(open_first=open_first)
            .order_by("open_first", "due_at", "pk")
        )


class DataRequestViewSet(ScopedViewSetMixin, ModelViewSet):
    """Open requests first, the nearest deadline on top; overdue and due-within-a-day ones marked."""

    model = DataRequest
    icon = "lock"
    menu_label = _("Data requests")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "accounts/data-requests"
    name = "data_request"
    add_view_enabled = False
    inspect_view_enabled = True
    index_view_class = DataRequestIndexView
    edit_view_class = DataRequestAnswerView
    list_display = [
        "person",
        "kind",
        "received_at",
        "due_at",
        StatusTagColumn(
            "deadline",
            label=_("Deadline"),
            accessor=lambda item: DEADLINE_LABELS[deadline_state(item)],
            primary=lambda item: deadline_state(item) in ("overdue", "due_soon"),
        ),
        "status",
        Column("answered_at", label=_("answered at")),
    ]
    list_filter = ["status", "kind"]
    list_export = ["person", "kind", "details", "received_at", "due_at", "status", "answered_at", "answer_note"]
    export_filename = "data-requests"
    search_fields = ["person__full_name", "person__email", "person__phone"]
    search_backend_name = None
    inspect_view_fields = [
        "person",
        "kind",
        "details",
        "received_at",
        "due_at",
        "status",
        "answered_at",
        "answered_by",
        "answer_note",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("person", read_only=True), FieldPanel("kind", read_only=True)]),
            FieldPanel("details", read_only=True),
            FieldRowPanel([FieldPanel("received_at", read_only=True), FieldPanel("due_at", read_only=True)]),
            FieldPanel("status"),
            FieldPanel("answer_note"),
        ],
        base_form_class=DataRequestAnswerForm,
    )
