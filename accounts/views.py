import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, password_validation
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .forms import (
    AccountForm,
    ConsentForm,
    DataRequestForm,
    LoginForm,
    PasswordResetCodeForm,
    PasswordResetRequestForm,
    PhoneConfirmForm,
    RegistrationForm,
)
from .models import Consent, DataRequest, PhoneCode, User
from .phone_codes import (
    password_reset_by_code,
    password_reset_code_request,
    phone_change_confirm,
    phone_change_request,
    phone_code_match,
    phone_delivery_available,
)
from .privacy import PRIVACY_NOTICE_VERSION, consent_give, consent_withdraw, consents_record
from .profile_form import profile_form_for
from .rights import REQUEST_DEADLINES, data_request_file, data_request_log_done
from .services import account_data_export, account_delete
from .signals import registration_attempted
from .throttles import request_throttled

# What a shared phone must not keep for the next person: the saved courses and pages (Cache Storage),
# the offline queue (localStorage) and the service worker (https://www.w3.org/TR/clear-site-data/).
CLEAR_SITE_DATA = '"cache", "storage"'


class LogoutView(auth_views.LogoutView):
    """Log out and tell the browser to forget what this site saved on the phone."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response


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


# Registrations (and saves of the account page, which must refuse an address another account uses) per
# client address per window: a class registering together from one school's network fits, a stranger trying
# addresses one after another does not (accounts/throttles.py).
REGISTER_LIMIT = 20
REGISTER_WINDOW = 600


def _too_many(
    request, scope: str, *, limit: int = REGISTER_LIMIT, window: int = REGISTER_WINDOW
) -> TemplateResponse | None:
    """The 429 answer once this client sent more than `limit` posts of `scope` in `window` seconds."""
    if request.method != "POST" or not request_throttled(request, scope=scope, limit=limit, window=window):
        return None
    response = TemplateResponse(request, "accounts/too_many_requests.html", status=429)
    response["Retry-After"] = str(window)
    return response


# Asking for codes, and entering them, per client address per window (accounts/phone_codes.py limits each number).
CODE_REQUEST_LIMIT = 10
CODE_CHECK_LIMIT = 30
CODE_WINDOW = 900
RESET_PHONE_KEY = "accounts.reset_phone"  # the number typed, so that the code page needs it only once


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset link by e-mail; a phone number typed instead gets a code by SMS or Zalo.

    Whatever the number, the answer is the same page (the code page), reached the same way; where no phone
    channel is configured, the page says to ask a trainer or administrator of the area for an in-person link.
    """

    form_class = PasswordResetRequestForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/emails/password_reset.txt"
    subject_template_name = "accounts/emails/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request, *args, **kwargs):
        if refused := _too_many(request, "phone-code", limit=CODE_REQUEST_LIMIT, window=CODE_WINDOW):
            return refused
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(phone_delivery=phone_delivery_available(), **kwargs)

    def form_valid(self, form):
        if form.phone is None:
            return super().form_valid(form)
        if not phone_delivery_available():
            return TemplateResponse(self.request, "accounts/password_reset_in_person.html", {})
        password_reset_code_request(phone=form.phone)
        self.request.session[RESET_PHONE_KEY] = form.phone
        return redirect("accounts:password_reset_code")


WRONG_CODE = gettext_lazy(
    "This code is not right, has expired, or was tried too many times. Check it, or ask for a new code."
)


def password_reset_code(request):
    """Enter the code sent by phone and choose a new password; the same answer for any number typed."""
    if refused := _too_many(request, "phone-code-check", limit=CODE_CHECK_LIMIT, window=CODE_WINDOW):
        return refused
    form = PasswordResetCodeForm(request.POST or None, initial={"phone": request.session.get(RESET_PHONE_KEY, "")})
    if request.method == "POST" and form.is_valid():
        code = phone_code_match(
            phone=form.cleaned_data["phone"], purpose=PhoneCode.RESET, code=form.cleaned_data["code"]
        )
        password = form.cleaned_data["new_password1"]
        if code is None:
            form.add_error("code", WRONG_CODE)
        else:
            try:
                password_validation.validate_password(password, code.user)
            except ValidationError as error:
                form.add_error("new_password1", error)
            else:
                if password_reset_by_code(code=code, password=password):
                    request.session.pop(RESET_PHONE_KEY, None)
                    messages.success(request, _("Your password has been changed. Sign in with it."))
                    return redirect("accounts:login")
                form.add_error("code", WRONG_CODE)
    return TemplateResponse(
        request, "accounts/password_reset_code.html", {"form": form, "phone_delivery": phone_delivery_available()}
    )


def register(request):
    """Create an account, answering a stranger the same whether the email or phone typed has one already.

    A new address gets its account; an address in use gets nothing created, and its owner is told by
    message (accounts.signals.registration_attempted). Both are then sent to the sign-in page with the
    same words, so the answer says nothing about who has an account here. Attempts are throttled per
    client address.
    """
    if request.user.is_authenticated:
        return redirect("/")
    if refused := _too_many(request, "register"):
        return refused
    form = RegistrationForm(request.POST or None, prefix="account")
    profile_form = profile_form_for(request.POST or None)
    consent_form = ConsentForm(request.POST or None, prefix="consent")
    if request.method == "POST" and _all_valid(form, profile_form, consent_form):
        holders = form.accounts_holding_the_addresses()
        if not holders:
            try:
                with transaction.atomic():
                    user = form.save()
                    if profile_form is not None:
                        profile_form.save(user=user)
                    consents_record(person=user, purposes=consent_form.consented_purposes())
            except IntegrityError:  # registered a moment ago by another request: as if it had been found
                holders = form.accounts_holding_the_addresses()
        else:
            form.instance.set_password(form.cleaned_data["password1"])  # the work a new account costs
        if holders:
            registration_attempted.send(sender=User, users=holders)
        messages.success(
            request,
            _(
                "Thank you. If this email address or phone number had no account, yours is ready: sign in "
                "with it and the password you chose. If it already had one, we have written to its owner: "
                "sign in with your own password, or reset it."
            ),
        )
        target = _safe_next(request) or reverse("my_learning")
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': target})}")
    return TemplateResponse(
        request,
        "accounts/register.html",
        {"form": form, "profile_form": profile_form, "consent_form": consent_form},
    )


@login_required
def account(request):
    """A person edits their own account and profile; nobody else's is reachable here.

    The form says when an address is another account's (it cannot be saved): saves are throttled like
    registrations, so that an account is no way round registration's silence.
    """
    if refused := _too_many(request, "account"):
        return refused
    form = AccountForm(request.POST or None, instance=request.user, prefix="account")
    profile_form = profile_form_for(request.POST or None, user=request.user)
    if request.method == "POST" and _all_valid(form, profile_form):
        with transaction.atomic():
            form.save()
            if profile_form is not None:
                profile_form.save(user=request.user)
        messages.success(request, _("Your details have been saved."))
        if form.new_phone:
            _phone_change_start(request, form.new_phone)
        return redirect("accounts:account")
    context = {
        "form": form,
        "profile_form": profile_form,
        "consents": _consents_shown(request.user),
        "new_phone": request.session.get(NEW_PHONE_KEY),
        "phone_form": PhoneConfirmForm(),
    }
    return TemplateResponse(request, "accounts/account.html", context)


NEW_PHONE_KEY = "accounts.new_phone"  # the number waiting for its code, for the account page's confirm form


def _phone_change_start(request, phone: str) -> None:
    """Send a code to the new number; the same words (and the same confirm form) whether or not it was sent.

    Nothing goes to a number another account uses (accounts.phone_codes.phone_change_request): its code can
    only be "not right", as a mistyped one is, so the page never tells that the number has an account.
    """
    if not phone_delivery_available():
        messages.warning(
            request,
            _(
                "Your phone number was not changed: this site cannot send codes by phone yet. Ask a trainer or an "
                "administrator of your commune or district to change it."
            ),
        )
        return
    phone_change_request(user=request.user, phone=phone)
    request.session[NEW_PHONE_KEY] = phone
    messages.info(
        request,
        _(
            "We have sent a code to your new phone number. It becomes your number when you enter the code below; "
            "until then, your old number keeps working."
        ),
    )


@login_required
@require_POST
def phone_confirm(request):
    """Enter the code sent to the new number: only then does the account's number change."""
    if refused := _too_many(request, "phone-code-check", limit=CODE_CHECK_LIMIT, window=CODE_WINDOW):
        return refused
    phone = request.session.get(NEW_PHONE_KEY)
    if request.POST.get("action") == "cancel" or not phone:
        request.session.pop(NEW_PHONE_KEY, None)
        return redirect("accounts:account")
    form = PhoneConfirmForm(request.POST)
    code = form.is_valid() and phone_code_match(
        phone=phone, purpose=PhoneCode.PHONE_CHANGE, code=form.cleaned_data["code"], user=request.user
    )
    if code and phone_change_confirm(code=code):
        request.session.pop(NEW_PHONE_KEY, None)
        messages.success(request, _("Your phone number has been changed."))
    else:
        messages.error(request, WRONG_CODE)
    return redirect(f"{reverse('accounts:account')}#new-phone")


def _consents_shown(user: User) -> list[dict]:
    """Each purpose with the consent in force (or the last one withdrawn), for the account page."""
    latest: dict[str, Consent] = {}
    for consent in Consent.objects.filter(person=user).order_by("given_at", "pk"):
        latest[consent.purpose] = consent
    return [
        {"purpose": purpose, "label": label, "consent": latest.get(purpose), "required": purpose in Consent.REQUIRED}
        for purpose, label in Consent.PURPOSES
    ]


@login_required
@require_POST
def consent_change(request):
    """Give or withdraw one consent in one click; it takes effect at once (the outbox reads it when sending)."""
    purpose = request.POST.get("purpose", "")
    optional = [purpose for purpose, _label in Consent.PURPOSES if purpose not in Consent.REQUIRED]
    if purpose not in optional:
        return HttpResponseBadRequest()
    label = dict(Consent.PURPOSES)[purpose]
    if request.POST.get("action") == "withdraw":
        if consent_withdraw(person=request.user, purpose=purpose):
            data_request_log_done(person=request.user, kind=DataRequest.WITHDRAWAL, details=str(label))
        messages.success(request, _("You have withdrawn your consent: %(purpose)s.") % {"purpose": label})
    else:
        consent_give(person=request.user, purpose=purpose)
        messages.success(request, _("You have given your consent: %(purpose)s.") % {"purpose": label})
    return redirect(f"{reverse('accounts:account')}#consents")


def privacy_notice(request):
    """The privacy notice in the language of the page, with its version and whom to write to."""
    language = "en" if (request.LANGUAGE_CODE or "").startswith("en") else "vi"
    deadlines = [(label, REQUEST_DEADLINES[kind].days) for kind, label in DataRequest.KINDS]
    context = {"version": PRIVACY_NOTICE_VERSION, "contact": settings.PRIVACY_CONTACT, "deadlines": deadlines}
    return TemplateResponse(request, f"accounts/privacy_notice_{language}.html", context)


@login_required
def download_data(request):
    data_request_log_done(person=request.user, kind=DataRequest.ACCESS)
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
        with transaction.atomic():
            data_request_log_done(person=request.user, kind=DataRequest.DELETION)
            account_delete(user=request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted."))
        response = redirect("/")
        response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response
    return TemplateResponse(request, "accounts/delete.html", {})


@login_required
def data_requests(request):
    """A person asks for something about their data and sees each request with its legal deadline and answer."""
    if refused := _too_many(request, "data_request"):
        return refused
    form = DataRequestForm(request.POST or None, prefix="request")
    if request.method == "POST" and form.is_valid():
        data_request_file(person=request.user, kind=form.cleaned_data["kind"], details=form.cleaned_data["details"])
        messages.success(request, _("Your request has been received. You will find the answer here."))
        return redirect("accounts:data_requests")
    context = {"form": form, "data_requests": DataRequest.objects.filter(person=request.user).order_by("-received_at")}
    return TemplateResponse(request, "accounts/data_requests.html", context)
