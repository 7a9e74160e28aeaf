"""Public pages of the showcase: tickets and check-in, the project showcase, a team's projects, the directory."""

import re

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from areas.models import Area

from .forms import CheckInCodeForm, ProjectForm
from .models import (
    Award,
    EventPage,
    ProjectDocument,
    ProjectImage,
    ProjectInvitation,
    ProjectMember,
    Registration,
    StartupProject,
    SupportOrganisation,
    clean_check_in_code,
)
from .permissions import can_check_in, can_review
from .querysets import invitation_token_read
from .services import (
    CheckInResult,
    project_invitation_accept,
    project_invitation_decline,
    project_submit,
    project_team_update,
    registration_cancel,
    registration_check_in,
)

CODE_PATTERN = re.compile(r"^[A-Za-z0-9-]{8,32}$")
SHOWCASE_PAGE_SIZE = 24
CARD_IMAGE = "fill-480x270"


def qr_svg(url: str) -> str:
    """An inline SVG QR code of a URL, large enough to scan from a phone screen."""
    return segno.make(url, error="m", micro=False).svg_inline(scale=5, border=2)


def _no_index(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    # same-origin, not no-referrer: with no-referrer browsers send "Origin: null" and CSRF refuses the form.
    response["Referrer-Policy"] = "same-origin"
    return response


def _registration_by_code(code: str) -> Registration:
    if not CODE_PATTERN.match(code or ""):
        raise Http404
    return get_object_or_404(
        Registration.objects.select_related("event", "event__area"), code=clean_check_in_code(code)
    )


# --- Tickets and check-in ------------------------------------------------------------------------


@never_cache
@require_safe
def ticket(request, code: str):
    """The registrant's confirmation: status, place in the queue, and the QR code to show at the door."""
    registration = _registration_by_code(code)
    qr = None
    if registration.status == Registration.CONFIRMED:
        # The QR code opens the check-in page in the site's default language, whoever scans it.
        with translation.override(settings.LANGUAGE_CODE):
            qr = qr_svg(request.build_absolute_uri(registration.get_check_in_url()))
    context = {
        "registration": registration,
        "event": registration.event,
        "qr_svg": qr,
        "waiting_position": registration.waiting_position(),
    }
    return _no_index(render(request, "showcase/ticket.html", context))


@require_POST
def ticket_cancel(request, code: str):
    registration = _registration_by_code(code)
    try:
        promoted = registration_cancel(registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your registration is cancelled."))
        if promoted:
            messages.info(request, _("Your place went to the next person on the waiting list. Thank you."))
    return redirect(registration.get_absolute_url())


def _result_message(request, result: CheckInResult) -> None:
    level = messages.SUCCESS if result.ok else (messages.WARNING if result.registration else messages.ERROR)
    messages.add_message(request, level, result.message)


@never_cache
@login_required
def check_in_desk(request, event_id: int):
    """The door list: check people in by code or by name; works on a phone without JavaScript."""
    event = get_object_or_404(EventPage.objects.visible_to(request.user).select_related("area"), pk=event_id)
    if not can_check_in(request.user, event):
        raise PermissionDenied
    query = (request.GET.get("q") or "").strip()
    form = CheckInCodeForm()
    if request.method == "POST":
        if request.POST.get("registration"):
            registration = get_object_or_404(Registration, event=event, pk=request.POST["registration"])
            _result_message(request, registration_check_in(code=registration.code, by=request.user, event=event))
            return redirect(f"{request.path}?{urlencode({'q': query})}" if query else request.path)
        form = CheckInCodeForm(request.POST)
        if form.is_valid():
            _result_message(
                request, registration_check_in(code=form.cleaned_data["code"], by=request.user, event=event)
            )
            return redirect(request.path)
    registrations = Registration.objects.filter(event=event).confirmed().order_by("full_name", "pk")
    if query:
        registrations = registrations.filter(
            Q(full_name__icontains=query) | Q(phone__contains=query.lstrip("0")) | Q(code__icontains=query)
        )
    counts = {
        "confirmed": Registration.objects.filter(event=event).confirmed().count(),
        "checked_in": Registration.objects.filter(event=event).checked_in().count(),
        "waiting": Registration.objects.filter(event=event).waiting().count(),
    }
    context = {"event": event, "form": form, "registrations": registrations[:200], "query": query, "counts": counts}
    return render(request, "showcase/check_in_desk.html", context)


@never_cache
def check_in_code(request, code: str):
    """Where the ticket's QR code leads: door staff check the person in; anyone else sees the ticket."""
    registration = _registration_by_code(code)
    if not can_check_in(request.user, registration.event):
        return redirect(registration.get_absolute_url())
    result = None
    if request.method == "POST":
        result = registration_check_in(code=registration.code, by=request.user)
        registration.refresh_from_db()
    context = {"registration": registration, "event": registration.event, "result": result}
    return _no_index(render(request, "showcase/check_in_code.html", context))


# --- The project showcase ------------------------------------------------------------------------


def _choice(value: str, choices) -> str:
    return value if value in {str(key) for key, _label in choices} else ""


def showcase_filters(params, years: list[int]) -> dict[str, str]:
    """The filters the visitor chose, reduced to known values (anything else is ignored)."""
    area = params.get("area", "")
    return {
        "area": area if area.isdigit() else "",
        "sector": _choice(params.get("sector", ""), StartupProject.SECTORS),
        "stage": _choice(params.get("stage", ""), StartupProject.STAGES),
        "origin": _choice(params.get("origin", ""), StartupProject.ORIGINS),
        "ocop": "1" if params.get("ocop") == "1" else "",
        "year": _choice(params.get("year", ""), [(y, y) for y in years]),
        "awarded": "1" if params.get("awarded") == "1" else "",
    }


@require_safe
def showcase(request):
    """Published projects, awarded ones first, filterable by area, sector, stage, origin, OCOP, year and award."""
    years = sorted(
        set(Award.objects.filter(project__status=StartupProject.PUBLISHED).values_list("year", flat=True)),
        reverse=True,
    )
    chosen = showcase_filters(request.GET, years)
    projects = StartupProject.objects.for_showcase(CARD_IMAGE).filter_showcase(chosen)
    page_obj = Paginator(projects, SHOWCASE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page_obj,
        "projects": page_obj.object_list,
        "chosen": chosen,
        "query": urlencode({k: v for k, v in chosen.items() if v}),
        "districts": Area.objects.districts().order_by("name"),
        "sectors": StartupProject.SECTORS,
        "stages": StartupProject.STAGES,
        "origins": StartupProject.ORIGINS,
        "years": years,
    }
    return render(request, "showcase/showcase.html", context)


def _project_for_page(request, pk: int) -> tuple[StartupProject, bool]:
    """A project as its public page shows it; unpublished ones only to their team and reviewers."""
    project = get_object_or_404(
        StartupProject.objects.with_leadership()
        .select_related("area", "commune", "cover_image", "mentor__person")
        .prefetch_related(
            Prefetch("members", queryset=ProjectMember.objects.select_related("person")),
            Prefetch("images", queryset=ProjectImage.objects.select_related("image")),
            Prefetch("documents", queryset=ProjectDocument.objects.select_related("document")),
            Prefetch("awards", queryset=Award.objects.select_related("event")),
            Prefetch("supporters", queryset=SupportOrganisation.objects.listed()),
            "courses",
        ),
        pk=pk,
    )
    is_team = StartupProject.objects.of_team(request.user).filter(pk=pk).exists()
    if not project.is_published:
        if not (is_team or can_review(request.user, project)):
            raise Http404
    return project, is_team


@require_safe
def project_detail(request, pk: int):
    project, is_team = _project_for_page(request, pk)
    response = render(request, "showcase/project_detail.html", {"project": project, "is_team": is_team})
    return response if project.is_published else _no_index(response)


@never_cache
@login_required
def my_projects(request):
    """The person's projects. Invitations are not listed here: only an invitation's link answers it."""
    projects = StartupProject.objects.of_team(request.user).select_related("area").order_by("-updated_at")
    return render(request, "showcase/my_projects.html", {"projects": projects})


@never_cache
@login_required
def invitation(request, token: str):
    """The page an invitation's link opens: which team asks, and the buttons to join or decline.

    Signing in is required, so a new person registers first (the sign-in page keeps the link as ?next=).
    """
    invitation = ProjectInvitation.objects.pending().with_token(token).select_related("project", "invited_by").first()
    if invitation is None:
        ids = invitation_token_read(token)
        if ids and ProjectMember.objects.filter(project_id=ids[1], person=request.user).exists():
            return redirect("showcase:project_detail", pk=ids[1])
        response = render(request, "showcase/invitation.html", {"invitation": None})
        response.status_code = 404
        return response
    return _no_index(render(request, "showcase/invitation.html", {"invitation": invitation, "token": token}))


@require_POST
@login_required
def invitation_answer(request, token: str, accept: bool):
    """Join a team, or decline: whoever holds the invitation's link."""
    try:
        if accept:
            project = project_invitation_accept(token=token, person=request.user)
        else:
            project_invitation_decline(token=token, person=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("showcase:my_projects")
    if accept:
        messages.success(request, _("You joined the team of “%(title)s”.") % {"title": project.title})
        return redirect(project.get_absolute_url())
    messages.info(request, _("Invitation declined."))
    return redirect("showcase:my_projects")


def _save_project(form: ProjectForm, *, user) -> StartupProject:
    with transaction.atomic():
        project = form.save(commit=False)
        if project.pk is None:
            project.created_by = user
        project.save()
        form.save_m2m()
        project_team_update(
            project=project,
            by=user,
            invite=form.cleaned_data["invite"],
            remove=form.cleaned_data.get("remove_members") or [],
            withdraw=form.cleaned_data.get("withdraw_invitations") or [],
        )
        form.save_cover(project)
    return project


@never_cache
@login_required
def project_create(request):
    form = ProjectForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        project = _save_project(form, user=request.user)
        messages.success(request, _("Project saved as a draft. Submit it for review when it is ready."))
        return redirect(project.get_absolute_url())
    return render(request, "showcase/project_form.html", {"form": form, "project": None})


@never_cache
@login_required
def project_edit(request, pk: int):
    """Team members edit their own project while it is a draft, submitted or returned; others get a 404."""
    project = get_object_or_404(StartupProject.objects.of_team(request.user), pk=pk)
    if not project.team_can_edit:
        messages.info(request, _("A published project is changed by the administrators; write to them."))
        return redirect(project.get_absolute_url())
    form = ProjectForm(request.POST or None, request.FILES or None, instance=project, user=request.user)
    if request.method == "POST" and form.is_valid():
        _save_project(form, user=request.user)
        messages.success(request, _("Project saved."))
        return redirect(project.get_absolute_url())
    # The team may pass a link on itself (a phone number gets no email); each link answers one invitation.
    invitations = list(project.invitations.pending())
    return render(request, "showcase/project_form.html", {"form": form, "project": project, "invitations": invitations})


@require_POST
@login_required
def project_submit_view(request, pk: int):
    project = get_object_or_404(StartupProject.objects.of_team(request.user), pk=pk)
    try:
        project_submit(project=project, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Submitted. An administrator of your district will review it."))
    return redirect(project.get_absolute_url())


# --- Support organisations -----------------------------------------------------------------------


@require_safe
def organisation_directory(request):
    kind = _choice(request.GET.get("kind", ""), SupportOrganisation.KINDS)
    organisations = SupportOrganisation.objects.listed().select_related("area", "logo")
    if kind:
        organisations = organisations.filter(kind=kind)
    context = {"organisations": organisations, "kinds": SupportOrganisation.KINDS, "chosen_kind": kind}
    return render(request, "showcase/organisation_directory.html", context)


@require_safe
def organisation_detail(request, slug: str):
    organisation = get_object_or_404(SupportOrganisation.objects.listed().select_related("area", "logo"), slug=slug)
    projects = organisation.supported_projects.published().select_related("area").order_by("title")
    return render(request, "showcase/organisation_detail.html", {"organisation": organisation, "projects": projects})
