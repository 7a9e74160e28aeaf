import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from courses.models import Enrollment
from courses.progress import learner_progress
from trainers.models import Certificate, Profile

from .forms import AccountForm, LoginForm, ProfileForm, RegistrationForm
from .services import account_data_export, account_delete


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


def _safe_next(request) -> str:
    """The ?next= address when it stays on this site (as the login view checks it), else ""."""
    target = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


def register(request):
    if request.user.is_authenticated:
        return redirect("/")
    form = RegistrationForm(request.POST or None, prefix="account")
    profile_form = ProfileForm(request.POST or None, prefix="profile")
    if request.method == "POST" and form.is_valid() and profile_form.is_valid():
        with transaction.atomic():
            user = form.save()
            profile_form.instance.user = user
            profile_form.save()
        login(request, user, backend="accounts.backends.EmailOrPhoneBackend")
        messages.success(request, _("Welcome! Your account has been created."))
        return redirect(_safe_next(request) or "my_learning")
    return TemplateResponse(request, "accounts/register.html", {"form": form, "profile_form": profile_form})


@login_required
def account(request):
    """A person edits their own account and profile; nobody else's is reachable here."""
    profile, _created = Profile.objects.get_or_create(user=request.user)
    form = AccountForm(request.POST or None, instance=request.user, prefix="account")
    profile_form = ProfileForm(request.POST or None, instance=profile, prefix="profile")
    if request.method == "POST" and form.is_valid() and profile_form.is_valid():
        with transaction.atomic():
            form.save()
            profile_form.save()
        messages.success(request, _("Your details have been saved."))
        return redirect("accounts:account")
    return TemplateResponse(request, "accounts/account.html", {"form": form, "profile_form": profile_form})


@login_required
def download_data(request):
    data = account_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@login_required
def delete_account(request):
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm that you want to delete your account."))
            return redirect("accounts:delete")
        account_delete(user=request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted."))
        return redirect("/")
    return TemplateResponse(request, "accounts/delete.html", {})


@login_required
def my_learning(request):
    """Courses in progress and completed, with progress and certificates, in a fixed number of queries."""
    enrollments = list(Enrollment.objects.visible_to(request.user).select_related("course").order_by("-enrolled_at"))
    progress = learner_progress(enrollments)
    certificates = {
        c.course_id: c
        for c in Certificate.objects.filter(person=request.user, kind=Certificate.COURSE, status=Certificate.VALID)
    }
    for e in enrollments:
        e.progress_percent = progress[e.pk].percent
        e.certificate = certificates.get(e.course_id)
    return TemplateResponse(
        request,
        "accounts/my_learning.html",
        {
            "in_progress": [e for e in enrollments if not e.completed_at],
            "completed": [e for e in enrollments if e.completed_at],
        },
    )
