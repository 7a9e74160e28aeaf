"""The public site's "Lớp tập huấn" pages: a certified trainer plans their own sessions, sends them for approval,
records the results after the class and submits the class report (the administrator's side: `admin_views`).

Every page finds its session through `TrainingSession.objects.managed_by(user)`: a trainer reaches only the
sessions they lead or co-lead, and any other session's address answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from trainers.models import Trainer

from .forms import SessionForm, TrainerResultFormSet
from .models import SessionParticipant, SessionReview, SessionStatus, TrainingSession
from .services import certified_trainer, session_results_record, session_submit


def _not_certified(request):
    return TemplateResponse(request, "training/not_certified.html", status=403)


def _managed(request, pk: int, *extra):
    sessions = TrainingSession.objects.managed_by(request.user).select_related("area", "audience")
    return get_object_or_404(sessions.prefetch_related(*extra), pk=pk)


@never_cache
@login_required
def session_list(request):
    """The sessions the trainer leads or co-leads, newest first, with where each stands."""
    sessions = (
        TrainingSession.objects.managed_by(request.user)
        .for_trainer_list()
        .annotate(participant_count=Count("participants"))
    )
    context = {
        "sessions": list(sessions),
        "may_create": certified_trainer(request.user) is not None,
        "is_trainer": Trainer.objects.filter(person=request.user).exists(),
    }
    return TemplateResponse(request, "training/session_list.html", context)


@never_cache
@login_required
def session_create(request):
    """A certified trainer plans a session in their area; it is saved as a draft, which only its trainers see."""
    trainer = certified_trainer(request.user)
    if trainer is None:
        return _not_certified(request)
    form = SessionForm(request.POST or None, trainer=trainer)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            session = form.save(commit=False)
            session.created_by = request.user
            session.review_status = SessionStatus.DRAFT
            session.report_status = TrainingSession.REPORT_OPEN[0]  # no results yet
            session.save()
            form.save_m2m()
            form.save_trainers(session)
        messages.success(request, _("Session saved as a draft. Submit it for approval when it is ready."))
        return redirect("training:session_detail", pk=session.pk)
    return TemplateResponse(request, "training/session_form.html", {"form": form, "session": None})


@never_cache
@login_required
def session_edit(request, pk: int):
    """The session's trainers change it while it is a draft or was returned; a certified trainer only."""
    session = _managed(request, pk, "trainers")
    trainer = certified_trainer(request.user)
    if trainer is None:
        return _not_certified(request)
    if not session.trainer_can_edit:
        messages.info(request, _("This session is waiting for approval or approved: it cannot be changed now."))
        return redirect("training:session_detail", pk=session.pk)
    form = SessionForm(request.POST or None, instance=session, trainer=trainer)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            session = form.save()
            form.save_trainers(session)
        messages.success(request, _("Session saved."))
        return redirect("training:session_detail", pk=session.pk)
    return TemplateResponse(request, "training/session_form.html", {"form": form, "session": session})


@never_cache
@login_required
def session_detail(request, pk: int):
    """One session: its details, where it stands, what the trainer can do next, and its history with comments."""
    session = _managed(
        request,
        pk,
        "courses",
        "trainers__person",
        Prefetch("reviews", queryset=SessionReview.objects.select_related("by")),
    )
    trainer = Trainer.objects.filter(person=request.user).first()
    counts = session.participants.aggregate(
        total=Count("pk"),
        passed=Count("pk", filter=Q(result=SessionParticipant.PASSED)),
        failed=Count("pk", filter=Q(result=SessionParticipant.FAILED)),
    )
    context = {
        "session": session,
        "counts": counts,
        "reviews": list(session.reviews.all()),
        "may_record": session.results_recordable_by(trainer),
    }
    return TemplateResponse(request, "training/session_detail.html", context)


def _submit(request, pk: int, stage: str, done: str):
    session = _managed(request, pk)
    try:
        session_submit(session=session, by=request.user, stage=stage)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("training:session_detail", pk=session.pk)


@require_POST
@login_required
def session_submit_view(request, pk: int):
    return _submit(
        request, pk, SessionReview.SESSION, _("Submitted. An administrator of the area will approve the session.")
    )


@require_POST
@login_required
def report_submit_view(request, pk: int):
    return _submit(
        request, pk, SessionReview.REPORT, _("Class report submitted. An administrator of the area will approve it.")
    )


@never_cache
@login_required
def session_results(request, pk: int):
    """After the class, its trainers record each participant's result (passed or not), then submit the report."""
    session = _managed(request, pk)
    trainer = Trainer.objects.filter(person=request.user).first()
    if not session.results_recordable_by(trainer):
        messages.info(request, _("The results of this session cannot be recorded now."))
        return redirect("training:session_detail", pk=session.pk)
    participants = session.participants.select_related("person").order_by("person__full_name", "pk")
    formset = TrainerResultFormSet(request.POST or None, queryset=participants)
    if request.method == "POST" and formset.is_valid():
        try:
            session_results_record(session=session, by=request.user, participants=formset.save(commit=False))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Results saved. Submit the class report when every result is in."))
        return redirect("training:session_detail", pk=session.pk)
    return TemplateResponse(request, "training/session_results.html", {"session": session, "formset": formset})
