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

from .forms import AccountForm, LoginForm, RegistrationForm
from .profile_form import profile_form_for
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


def _all_valid(*forms) -> bool:
    """Check every form (not stopping at the first), so the page shows all the errors in one pass."""
    return all([form.is_valid() for form in forms if form is not None])


def register(request):
    if request.user.is_authenticated:
        return redirect("/")
    form = RegistrationForm(request.POST or None, prefix="account")
    profile_form = profile_form_for(request.POST or None)
    if request.method == "POST" and _all_valid(form, profile_form):
        with transaction.atomic():
            user = form.save()
            if profile_form is not None:
                profile_form.save(user=user)
        login(request, user, backend="accounts.backends.EmailOrPhoneBackend")
        messages.success(request, _("Welcome! Your account has been created."))
        return redirect(_safe_next(request) or "my_learning")
    return TemplateResponse(request, "accounts/register.html", {"form": form, "profile_form": profile_form})


@login_required
def account(request):
    """A person edits their own account and profile; nobody else's is reachable here."""
    form = AccountForm(request.POST or None, instance=request.user, prefix="account")
    profile_form = profile_form_for(request.POST or None, user=request.user)
    if request.method == "POST" and _all_valid(form, profile_form):
        with transaction.atomic():
            form.save()
            if profile_form is not None:
                profile_form.save(user=request.user)
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
