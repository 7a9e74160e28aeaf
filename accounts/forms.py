from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .models import Consent, DataRequest, User
from .phones import looks_like_phone, normalise_phone


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Email or phone number"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password.")},
    )
    error_messages = {
        "invalid_login": _("The email/phone number or password is not correct. Please try again."),
        "inactive": _("This account is inactive."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = _("Enter your email address or phone number.")


class AdminLoginForm(WagtailLoginForm):
    """The admin's sign-in in the words of the site's own: staff sign in with a phone as well as an e-mail.

    Wagtail's form leaves the password without a label (shown as "Password" in every language)
    and names the e-mail field only.
    """

    username = LoginForm.base_fields["username"]
    password = LoginForm.base_fields["password"]
    error_messages = LoginForm.error_messages

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].widget.attrs["placeholder"] = _("Email or phone number")
        self.fields["password"].widget.attrs["placeholder"] = _("Password")

    def get_invalid_login_error(self):
        return forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")


class ContactForm(forms.ModelForm):
    """Name, email and phone: at least one way to sign in, each used by one account only.

    `says_taken`: whether an address another account uses is an error of the form. The account page
    says so to its signed-in owner; registration does not tell a stranger (accounts/views.py).
    """

    says_taken = True

    class Meta:
        model = User
        fields = ["full_name", "email", "phone"]
        help_texts = {"phone": _("For example 0905 123 456.")}
        error_messages = {
            "full_name": {"required": _("Enter your full name.")},
            # Say what is wrong with what was typed, not just that something is.
            "email": {
                "invalid": _(
                    "“%(value)s” is not a complete email address: it needs one @ and a domain after it, "
                    "for example nhung@gmail.com."
                )
            },
        }
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip().lower() or None
        if self.says_taken and email and User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("An account with this email address already exists."))
        return email

    def clean_phone(self):
        raw = (self.cleaned_data.get("phone") or "").strip()
        if not raw:
            return None
        phone = normalise_phone(raw)
        if phone is None:
            raise forms.ValidationError(_("Enter a valid Vietnamese phone number, for example 0905 123 456."))
        if self.says_taken and User.objects.filter(phone=phone).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("An account with this phone number already exists."))
        return phone

    def _get_validation_exclusions(self):
        # The model's unique constraints would name a taken address too (the form's fields check the rest).
        exclude = super()._get_validation_exclusions()
        return exclude if self.says_taken else exclude | {"email", "phone"}

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and not self.errors:
            raise forms.ValidationError(_("Enter an email address or a phone number."))
        return cleaned


class RegistrationForm(ContactForm):
    says_taken = False  # the view answers a taken address as it answers a new one

    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Choose a password.")},
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Type the same password again.")},
    )

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords do not match."))
        elif p1:
            try:
                password_validation.validate_password(p1, self.instance)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password1"])
        if commit:
            user.save()
        return user

    def accounts_holding_the_addresses(self) -> list[User]:
        """The accounts that already sign in with the email or phone typed (after is_valid())."""
        email, phone = self.cleaned_data.get("email"), self.cleaned_data.get("phone")
        found = User.objects.filter(
            (models.Q(email__iexact=email) if email else models.Q(pk__in=[]))
            | (models.Q(phone=phone) if phone else models.Q(pk__in=[]))
        )
        return list(found.order_by("pk"))


class ConsentForm(forms.Form):
    """The purposes a person agrees to at registration, one unticked box each.

    Each purpose asked for on its own and nothing ticked in advance: silence is not consent
    (Law 91/2025/QH15, Article 9). Only the learning records are needed to use the site.
    """

    learning_records = forms.BooleanField(
        label=Consent.PURPOSES[0][1],
        required=True,
        error_messages={
            "required": _(
                "The site keeps your account and learning records to let you take part: tick this box to "
                "create an account."
            )
        },
    )
    statistics = forms.BooleanField(label=Consent.PURPOSES[1][1], required=False)
    notify_email = forms.BooleanField(label=Consent.PURPOSES[2][1], required=False)
    notify_phone = forms.BooleanField(label=Consent.PURPOSES[3][1], required=False)

    def consented_purposes(self) -> list[str]:
        """The purposes whose box was ticked (after is_valid()); the field names are the purposes."""
        return [purpose for purpose, _label in Consent.PURPOSES if self.cleaned_data.get(purpose)]


class AccountForm(ContactForm):
    """The account page's form. A new phone number is not saved here: it waits for the code sent to it
    (`new_phone`, accounts/phone_codes.py), and the form never says whether another account uses it."""

    class Meta(ContactForm.Meta):
        fields = ["full_name", "email", "phone", "preferred_language", "notification_channel"]
        widgets = {**ContactForm.Meta.widgets, "notification_channel": forms.RadioSelect}

    new_phone: str | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the channels the person can receive on: e-mail with an address, SMS and Zalo with a phone.
        field = self.fields["notification_channel"]
        field.choices = [(value, label) for value, label in field.choices if self._can_receive(value)]
        field.help_text = _("How the site sends you messages (enrolments, certificates, sessions).")

    def _can_receive(self, value: str, *, email=None, phone=None) -> bool:
        email = self.instance.email if email is None else email
        phone = self.instance.phone if phone is None else phone
        return (
            not value or (value == User.EMAIL_CHANNEL and bool(email)) or (value != User.EMAIL_CHANNEL and bool(phone))
        )

    def clean_notification_channel(self):
        value = self.cleaned_data.get("notification_channel") or ""
        email = self.data.get(self.add_prefix("email"), "").strip()
        if value == User.EMAIL_CHANNEL and not email:
            raise forms.ValidationError(_("To get messages by e-mail, enter your email address."))
        return value

    def clean_phone(self):
        raw = (self.cleaned_data.get("phone") or "").strip()
        if not raw:
            return None
        phone = normalise_phone(raw)
        if phone is None:
            raise forms.ValidationError(_("Enter a valid Vietnamese phone number, for example 0905 123 456."))
        return phone

    def clean(self):
        cleaned = super().clean()
        phone = cleaned.get("phone")
        if phone and phone != self.instance.phone:
            self.new_phone = phone
            cleaned["phone"] = self.instance.phone  # the old number keeps working until the code is entered
            if not cleaned["phone"] and not cleaned.get("email"):
                self.add_error("email", _("Keep your email address until your new phone number is confirmed."))
        return cleaned

    def _get_validation_exclusions(self):
        return super()._get_validation_exclusions() | {"phone"}


class PasswordResetRequestForm(PasswordResetForm):
    """Django's reset by e-mail, or a phone number instead (a code then comes by phone: accounts/phone_codes.py)."""

    email = forms.CharField(
        label=_("Email or phone number"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
        error_messages={"required": _("Enter your email address or phone number.")},
    )

    def clean_email(self):
        value = self.cleaned_data["email"].strip()
        self.phone = None
        if looks_like_phone(value):
            self.phone = normalise_phone(value)
            if self.phone is None:
                raise forms.ValidationError(_("Enter a valid Vietnamese phone number, for example 0905 123 456."))
            return value
        return forms.EmailField().clean(value)


class PhoneCodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Code"))
        kwargs.setdefault("max_length", 12)
        kwargs.setdefault("error_messages", {"required": _("Enter the code you received.")})
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}),
        )
        super().__init__(**kwargs)


class PasswordResetCodeForm(forms.Form):
    """The number the code went to, the code, and the new password twice."""

    phone = forms.CharField(
        label=_("Phone number"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={"required": _("Enter your phone number.")},
    )
    code = PhoneCodeField()
    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Choose a password.")},
    )
    new_password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Type the same password again.")},
    )

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        if phone is None:
            raise forms.ValidationError(_("Enter a valid Vietnamese phone number, for example 0905 123 456."))
        return phone

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("new_password1"), cleaned.get("new_password2")
        if p1 and p2 and p1 != p2:
            self.add_error("new_password2", _("The two passwords do not match."))
        elif p1:
            try:  # the rules that need no account first; the account's own (similarity) once the code is known
                password_validation.validate_password(p1)
            except forms.ValidationError as error:
                self.add_error("new_password1", error)
        return cleaned


class PhoneConfirmForm(forms.Form):
    code = PhoneCodeField()


class DataRequestForm(forms.ModelForm):
    """A request about one's personal data (Law 91/2025/QH15, Article 4): what is asked, in the person's words."""

    kind = forms.ChoiceField(label=_("What do you ask for?"), choices=DataRequest.KINDS, widget=forms.RadioSelect)

    class Meta:
        model = DataRequest
        fields = ["kind", "details"]
        labels = {"details": _("Details (optional)")}
        help_texts = {"details": _("E.g. which data is wrong and what it should say.")}
        widgets = {"details": forms.Textarea(attrs={"rows": 3})}
