"""The administrators' first screen: their area's key figures and what is waiting for them.

Shown on the Wagtail admin home (registered from wagtail_hooks). Every figure is read from the
reports module's own functions, scoped to the viewer, so the home screen and the dashboard cannot
disagree; the to-dos count what the linked listing shows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState, get_default_page_content_type

from areas.models import admin_area_ids, admin_scope_area
from core.db_routers import reading_for_reports
from trainers.admin_views import NotificationPermissionPolicy
from trainers.models import Notification
from training.admin_imports import can_import

from .admin_plans import plans_waiting
from .figures import (
    ReportFilters,
    expiring_certificates,
    filtered_sessions,
    report_scope,
    values_by_area,
    viewer_may_see_reports,
)
from .models import Target


@dataclass(frozen=True)
class Figure:
    label: str
    value: int | None
    url: str
    note: str = ""  # e.g. the year a figure counts


@dataclass(frozen=True)
class Todo:
    text: str
    count: int | None  # None: a standing task with nothing to count
    url: str


def key_figures(user, today: datetime.date | None = None) -> list[Figure]:
    """Certified trainers today, people trained, sessions this year and published projects in the user's scope.

    Counted by the progress-against-targets report's own per-area values (cut off today), so each
    figure equals that report's latest value for the administrator's area.
    """
    today = today or timezone.localdate()
    filters = ReportFilters()
    scope = report_scope(filters, user)
    values = values_by_area(filters, scope, [today])[0]

    def total(key: str) -> int | None:
        per_area = values[key]
        return None if per_area is None else sum(per_area.values())

    year = ReportFilters(date_from=today.replace(month=1, day=1), date_to=today)
    sessions = filtered_sessions(year).filter(scope.condition("area")).count()
    dashboard = reverse("trainers_reports:index")
    figures = [
        Figure(_("Certified trainers"), total("certified_trainers"), dashboard + "#report-certified"),
        Figure(_("People trained"), total("people_trained"), dashboard + "#report-reach"),
        Figure(
            _("Training sessions"),
            sessions,
            reverse("training_session:index") + f"?starts_on_from={year.date_from:%Y-%m-%d}",
            note=str(today.year),
        ),
    ]
    if values["startup_projects"] is not None:  # published projects, as the targets report counts them
        figures.append(Figure(_("Startup projects"), total("startup_projects"), reverse("startup_project:index")))
    return figures


def lessons_to_review(user) -> int:
    """Wagtail workflow tasks this person may approve or reject (the admin home's "Awaiting your review")."""
    return TaskState.objects.reviewable_by(user).count()


def own_lessons_in_review(user) -> int:
    """Pages this person submitted or owns that are in a workflow, as Wagtail's own home panel counts them."""
    owned = Q(base_content_type_id=get_default_page_content_type().id) & Exists(
        Page.objects.filter(owner=user, id=Cast(OuterRef("object_id"), output_field=IntegerField()))
    )
    return WorkflowState.objects.active().filter(owned | Q(requested_by=user)).count()


def todos(user) -> list[Todo]:
    """What waits for the user, each with its count and the screen that deals with it."""
    items = []
    if getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        count = lessons_to_review(user)
        if count:
            items.append(
                # Wagtail's own panel headings (and translations); the panels list the lessons below.
                Todo(_("Awaiting your review"), count, "#awaiting-review-section")
            )
        own = own_lessons_in_review(user)
        if own:
            items.append(Todo(_("Your pages and snippets in a workflow"), own, "#objects-in-workflow-section"))
    if viewer_may_see_reports(user):
        expiring = expiring_certificates(ReportFilters(), user)
        if expiring.rows:
            url = reverse("trainers_reports:index") + "#report-expiring"
            items.append(Todo(expiring.title, len(expiring.rows), url))
    if NotificationPermissionPolicy(Notification).user_has_permission(user, "view"):
        failed = Notification.objects.visible_to(user).failed().count()
        if failed:
            items.append(
                Todo(
                    ngettext(
                        "%(counter)s notification could not be sent.",
                        "%(counter)s notifications could not be sent.",
                        failed,
                    )
                    % {"counter": failed},
                    failed,
                    reverse("notification:index") + "?status=" + Notification.FAILED,
                )
            )
    plans, status = plans_waiting(user)
    if plans:
        message = (
            ngettext(
                "%(counter)s district plan waits for your approval.",
                "%(counter)s district plans wait for your approval.",
                plans,
            )
            if status == Target.SUBMITTED
            else ngettext("%(counter)s plan was returned to you.", "%(counter)s plans were returned to you.", plans)
        )
        items.append(Todo(message % {"counter": plans}, plans, reverse("target:index") + "?status=" + status))
    if can_import(user):
        # Imports keep no record of a rejected file (nothing is written until the preview is clean),
        # so there are no import errors to count: the to-do is the import itself.
        items.append(Todo(_("Import a participant list"), None, reverse("training_lists:index")))
    return items


class AdministratorHomePanel(Component):
    """Key figures for the administrator's district (or the province) and their to-dos, first on the admin home."""

    name = "administrator_home"
    order = 40
    template_name = "trainers/admin_home/panel.html"

    def __init__(self, *, heading: str, figures: list[Figure], todos: list[Todo]):
        self.heading = heading
        self.figures = figures
        self.todos = todos

    def get_context_data(self, parent_context=None):
        return {"heading": self.heading, "figures": self.figures, "todos": self.todos}


def panel_heading(user) -> str:
    ids = admin_area_ids(user)
    if ids is None:
        return str(_("The province at a glance"))
    area = admin_scope_area(user)
    if area is not None:
        return str(_("%(area)s at a glance") % {"area": area.name})
    return str(_("Your area at a glance"))


def administrator_home_panel(user) -> AdministratorHomePanel | None:
    """The panel for this user, or None when they have neither figures nor anything to do."""
    if viewer_may_see_reports(user):
        with reading_for_reports():  # the figures from the replica where one is fit to serve (core/db_routers.py)
            figures = key_figures(user)
    else:
        figures = []
    items = todos(user)  # on the primary: what the administrator has just done is gone from their to-dos
    if not figures and not items:
        return None
    return AdministratorHomePanel(heading=panel_heading(user), figures=figures, todos=items)
