"""Roll-call on a phone: the trainer's tick list, latecomers, the day's QR code, tests and paper scores;
the learner's check-in by code, tests and evaluation. Plain forms: everything works without JavaScript.

Who may run a session's roll-call is `training.rollcall.may_run`; everything a trainer sees of results is
aggregated (`learning_results`): never an individual evaluation with a name.
"""

from __future__ import annotations

import datetime

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .models import Attendance, SessionDayCode, SessionParticipant, SessionTest, TestResult, TrainingSession
from .rollcall import (
    attending_participant,
    commune_choices,
    day_code_for,
    day_code_refusal,
    evaluation_submit,
    latecomer_add,
    learning_results,
    may_run,
    paper_scores_record,
    participant_check_in,
    roll_call_tick,
    session_days,
    sessions_run_by,
    shown_name,
    test_answer,
)
from .rollcall_forms import (
    AnswerForm,
    DayCodeForm,
    EvaluationForm,
    LatecomerForm,
    PaperScoresForm,
    TestQuestionsForm,
    TickForm,
    questions_text,
)


def _no_index(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


def _session_run_by(request, pk: int) -> TrainingSession:
    session = get_object_or_404(TrainingSession.objects.select_related("area"), pk=pk)
    if not may_run(request.user, session):
        raise PermissionDenied
    return session


def _chosen_day(request, session: TrainingSession) -> datetime.date:
    """The day asked for (?day=YYYY-MM-DD, one of the session's), else today if the session runs, else its first."""
    days = session_days(session)
    raw = request.GET.get("day") or request.POST.get("day") or ""
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        day = None
    if day in days:
        return day
    today = timezone.localdate()
    return today if today in days else days[0]


# --- The trainer's side ---------------------------------------------------------------------------


@never_cache
@login_required
def index(request):
    """The sessions the user runs, newest first, each with its aggregate results."""
    sessions = list(sessions_run_by(request.user).select_related("area").order_by("-starts_on", "pk")[:100])
    results = learning_results(TrainingSession.objects.filter(pk__in=[s.pk for s in sessions]), by="session")
    rows = [(s, results.get(s.pk)) for s in sessions]
    return render(request, "training/rollcall/index.html", {"rows": rows})


@never_cache
@login_required
def roll_call(request, pk: int):
    """The tick list of one day: a checkbox per participant, one POST; the day's results and links."""
    session = _session_run_by(request, pk)
    day = _chosen_day(request, session)
    participants = list(
        SessionParticipant.objects.filter(session=session)
        .select_related("person")
        .prefetch_related(Prefetch("attendance", queryset=Attendance.objects.filter(day=day), to_attr="that_day"))
    )
    form = TickForm(request.POST or None, participant_ids=[p.pk for p in participants])
    if request.method == "POST":
        if form.is_valid():
            added, removed = roll_call_tick(
                session=session,
                day=day,
                ticked=set(form.cleaned_data["present"]),
                shown_present=set(form.cleaned_data["shown_present"]),
                shown=set(form.cleaned_data["shown"]),
            )
            messages.success(
                request,
                _("Roll-call saved: %(added)s marked present, %(removed)s marked absent.")
                % {"added": added, "removed": removed},
            )
        else:
            messages.error(request, _("The list changed meanwhile: check the names and save again."))
        return redirect(f"{request.path}?day={day.isoformat()}")
    rows = sorted(
        ((p, shown_name(p), bool(p.that_day and p.that_day[0].present)) for p in participants),
        key=lambda row: row[1].lower(),
    )
    context = {
        "session": session,
        "day": day,
        "days": session_days(session),
        "rows": rows,
        "present_count": sum(1 for row in rows if row[2]),
        "results": learning_results(TrainingSession.objects.filter(pk=session.pk)).get(None),
        "tests": {t.kind: t for t in SessionTest.objects.filter(session=session)},
    }
    return _no_index(render(request, "training/rollcall/roll_call.html", context))


@never_cache
@login_required
def latecomer(request, pk: int):
    """Add someone at the door: linked to their account when it is filed in the session's area, else as listed."""
    session = _session_run_by(request, pk)
    day = _chosen_day(request, session)
    form = LatecomerForm(request.POST or None, communes=commune_choices(session))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        added = latecomer_add(
            session=session,
            day=day,
            full_name=data["full_name"],
            phone=data["phone"],
            gender=data["gender"],
            birth_year=data["birth_year"],
            commune=data["commune"],
        )
        name = shown_name(added.check_in.participant)
        if not added.check_in.counted:
            messages.info(request, _("%(name)s was already recorded present that day.") % {"name": name})
        elif added.linked:
            messages.success(request, _("%(name)s is recorded present, linked to their account.") % {"name": name})
        elif added.new_account:
            messages.success(request, _("%(name)s is recorded present with a new account.") % {"name": name})
        else:
            messages.success(
                request,
                _(
                    "%(name)s is recorded present as listed: the phone number belongs to a person registered "
                    "outside this session's area, whose account is neither shown nor changed."
                )
                % {"name": name},
            )
        return redirect(f"{reverse('rollcall:roll_call', args=[session.pk])}?day={day.isoformat()}")
    context = {"session": session, "day": day, "form": form}
    return _no_index(render(request, "training/rollcall/latecomer.html", context))


def qr_svg(url: str) -> str:
    """An inline SVG QR code of a URL, large enough to scan from a phone screen or a printed sheet."""
    return segno.make(url, error="m", micro=False).svg_inline(scale=6, border=2)


@never_cache
@login_required
def day_code(request, pk: int):
    """The day's check-in QR code and short code, to show on the trainer's phone or print."""
    session = _session_run_by(request, pk)
    day = _chosen_day(request, session)
    code = day_code_for(session, day)
    with translation.override(settings.LANGUAGE_CODE):  # the QR opens the site's default language
        url = request.build_absolute_uri(reverse("rollcall:check_in", args=[session.pk, code.code]))
    context = {
        "session": session,
        "day": day,
        "code": code,
        "url": url,
        "qr_svg": qr_svg(url),
        "refusal": day_code_refusal(code, session),
    }
    return _no_index(render(request, "training/rollcall/day_code.html", context))


@never_cache
@login_required
def test_edit(request, pk: int, kind: str):
    """The trainer types the pre-test or post-test questions (a light text format, no JavaScript)."""
    session = _session_run_by(request, pk)
    if kind not in dict(SessionTest.KINDS):
        raise Http404
    test = SessionTest.objects.filter(session=session, kind=kind).first()
    initial = {"questions": questions_text(test.questions) if test else ""}
    form = TestQuestionsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        questions = form.cleaned_data["questions"]
        if questions:
            SessionTest.objects.update_or_create(session=session, kind=kind, defaults={"questions": questions})
            messages.success(request, _("The test is saved: %(count)s questions.") % {"count": len(questions)})
        else:
            SessionTest.objects.filter(session=session, kind=kind).delete()
            messages.success(request, _("The session has no such test now."))
        return redirect("rollcall:roll_call", session.pk)
    context = {"session": session, "form": form, "kind_label": dict(SessionTest.KINDS)[kind]}
    return _no_index(render(request, "training/rollcall/test_edit.html", context))


@never_cache
@login_required
def paper_scores(request, pk: int):
    """The trainer types the scores of tests taken on paper (0–100 per participant)."""
    session = _session_run_by(request, pk)
    participants = sorted(
        SessionParticipant.objects.filter(session=session).select_related("person"), key=lambda p: shown_name(p)
    )
    scores = {
        (r.participant_id, r.kind): r.score
        for r in TestResult.objects.filter(participant__session=session).only("participant_id", "kind", "score")
    }
    rows = [
        (p.pk, shown_name(p), scores.get((p.pk, SessionTest.PRE)), scores.get((p.pk, SessionTest.POST)))
        for p in participants
    ]
    form = PaperScoresForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        changed = paper_scores_record(session=session, scores=form.scores(), by=request.user)
        messages.success(request, _("Scores saved: %(count)s recorded or changed.") % {"count": changed})
        return redirect("rollcall:roll_call", session.pk)
    return _no_index(render(request, "training/rollcall/paper_scores.html", {"session": session, "form": form}))


# --- The learner's side ---------------------------------------------------------------------------


@never_cache
@login_required
def enter_code(request):
    """A learner types the code on the trainer's screen instead of scanning it."""
    form = DayCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = SessionDayCode.objects.filter(code=form.cleaned_data["code"]).first()
        refusal = day_code_refusal(code)
        if refusal is None:
            return redirect("rollcall:check_in", code.session_id, code.code)
        form.add_error("code", refusal)
    return _no_index(render(request, "training/rollcall/enter_code.html", {"form": form}))


def _code_for(session_pk: int, raw_code: str) -> tuple[TrainingSession, SessionDayCode | None, str | None]:
    session = get_object_or_404(TrainingSession.objects.select_related("area"), pk=session_pk)
    code = SessionDayCode.objects.filter(code=raw_code.upper()).first()
    return session, code, day_code_refusal(code, session)


@never_cache
@login_required
def check_in(request, pk: int, code: str):
    """Where the day's QR code leads: the signed-in learner confirms with one tap and is recorded present once."""
    session, day_code, refusal = _code_for(pk, code)
    context = {"session": session, "code": day_code, "refusal": refusal}
    if refusal is None:
        if request.method == "POST":
            result = participant_check_in(session=session, person=request.user, day=day_code.day)
            if result.counted:
                messages.success(request, _("You are checked in. Welcome!"))
            else:
                messages.info(request, _("You were already checked in today."))
            return redirect("rollcall:check_in", session.pk, day_code.code)
        participant = attending_participant(session, request.user, day_code.day)
        context["participant"] = participant
        if participant:
            context["tests"] = {t.kind: t for t in SessionTest.objects.filter(session=session)}
            context["done"] = set(TestResult.objects.filter(participant=participant).values_list("kind", flat=True))
            context["evaluated"] = hasattr(participant, "evaluation")
    elif request.method == "POST":
        messages.error(request, refusal)
    return _no_index(render(request, "training/rollcall/check_in.html", context, status=200 if not refusal else 410))


def _learner_place(request, pk: int, code: str):
    """(session, day code, participant) for a learner answering with today's code, or a refusal page."""
    session, day_code, refusal = _code_for(pk, code)
    if refusal:
        context = {"session": session, "refusal": refusal}
        return None, render(request, "training/rollcall/check_in.html", context, status=410)
    participant = attending_participant(session, request.user, day_code.day)
    if participant is None:
        messages.error(request, _("Check in first: only people present today can answer."))
        return None, redirect("rollcall:check_in", session.pk, day_code.code)
    return (session, day_code, participant), None


@never_cache
@login_required
def answer_test(request, pk: int, code: str, kind: str):
    """A learner answers the pre-test or post-test on their phone, once."""
    place, refused = _learner_place(request, pk, code)
    if refused:
        return refused
    session, day_code, participant = place
    test = get_object_or_404(SessionTest, session=session, kind=kind)
    back = redirect("rollcall:check_in", session.pk, day_code.code)
    if TestResult.objects.filter(participant=participant, kind=kind).exists():
        messages.info(request, _("You have already answered this test."))
        return back
    form = AnswerForm(request.POST or None, test=test)
    if request.method == "POST" and form.is_valid():
        try:
            result = test_answer(participant=participant, test=test, answers=form.answers())
        except ValidationError as error:
            messages.info(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you. Your score: %(score)s/100.") % {"score": result.score})
        return back
    context = {"session": session, "test": test, "form": form}
    return _no_index(render(request, "training/rollcall/answer_test.html", context))


@never_cache
@login_required
def evaluate(request, pk: int, code: str):
    """A learner rates the session (content, trainer, usefulness) and may comment, once."""
    place, refused = _learner_place(request, pk, code)
    if refused:
        return refused
    session, day_code, participant = place
    back = redirect("rollcall:check_in", session.pk, day_code.code)
    if hasattr(participant, "evaluation"):
        messages.info(request, _("You have already evaluated this session."))
        return back
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            evaluation_submit(
                participant=participant,
                ratings={name: data[name] for name in ("content", "trainer", "usefulness")},
                comment=data["comment"],
            )
        except ValidationError as error:
            messages.info(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you for your evaluation."))
        return back
    return _no_index(render(request, "training/rollcall/evaluate.html", {"session": session, "form": form}))
