from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from areas.models import Area
from trainers.models import Profile

from .models import User
from .phones import normalise_phone


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


class ContactForm(forms.ModelForm):
    """Name, email and phone: at least one way to sign in, each used by one account only."""

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
        if email and User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("An account with this email address already exists."))
        return email

    def clean_phone(self):
        raw = (self.cleaned_data.get("phone") or "").strip()
        if not raw:
            return None
        phone = normalise_phone(raw)
        if phone is None:
            raise forms.ValidationError(_("Enter a valid Vietnamese phone number, for example 0905 123 456."))
        if User.objects.filter(phone=phone).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("An account with this phone number already exists."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and not self.errors:
            raise forms.ValidationError(_("Enter an email address or a phone number."))
        return cleaned


class RegistrationForm(ContactForm):
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


class AccountForm(ContactForm):
    class Meta(ContactForm.Meta):
        fields = ["full_name", "email", "phone", "preferred_language"]


class _AreaChoices(forms.models.ModelChoiceIterator):
    """The units in Vietnamese order with names as people say them, told apart where two read the same."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.choices()


class ProfileForm(forms.ModelForm):
    """The details reports count by; asked at registration and editable later.

    The place is one of today's commune-level units (the district level ended on 2025-07-01). A
    profile filed under a former unit that went wholly into one of today's shows that unit, saved
    with the next save; one filed under a unit that was split (a former district) keeps it, with a
    note, until the person picks today's unit: only the person knows which part they live in.
    """

    class Meta:
        model = Profile
        fields = ["gender", "birth_year", "area", "organisation", "learner_groups"]
        labels = {"area": _("Commune or ward")}
        widgets = {
            "learner_groups": forms.CheckboxSelectMultiple,
            "birth_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        help_texts = {
            "area": _("Where you live or work, as the units are named since 1 July 2025."),
            "learner_groups": _("Choose every group you belong to."),
        }
        error_messages = {
            "birth_year": {"invalid": _("Enter the year you were born as four digits, for example 1990.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["area"]
        today_units = Area.objects.current().exclude(kind__in=Area.DISTRICT_KINDS)
        self.stored_area = self.instance.commune or self.instance.area if self.instance.pk else None
        stored = self.stored_area
        if stored is None or stored.is_valid_on(timezone.localdate()):
            units = today_units
        else:
            successors = stored.current_units()
            if len(successors) == 1 and successors[0] != stored:
                # Merged into one of today's units: that is where the person lives now.
                self.initial["area"] = successors[0].pk
                units = today_units
                field.help_text = _("You chose %(former)s, which is now part of %(today)s.") % {
                    "former": stored.display_name,
                    "today": successors[0].display_name,
                }
            else:
                # Split between several units: only the person knows which one; keep theirs until they choose.
                self.initial["area"] = stored.pk
                units = Area.objects.filter(pk=stored.pk) | today_units
                field.help_text = _(
                    "%(former)s no longer exists since 1 July 2025: "
                    "choose the commune or ward you live or work in today."
                ) % {"former": stored.display_name}
        field.iterator = _AreaChoices
        field.queryset = units

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        this_year = timezone.localdate().year
        low, high = this_year - 100, this_year - 10
        if year is not None and not low <= year <= high:
            raise forms.ValidationError(
                _("Enter a year of birth between %(low)s and %(high)s."), params={"low": low, "high": high}
            )
        return year

    def _post_clean(self):
        # The form shows one place; the profile keeps a former commune in its own field. Only a new choice
        # replaces what was stored, so saving other details never rewrites the place a person gave.
        if "area" in self.cleaned_data:
            if self.cleaned_data["area"] == self.stored_area:
                self.cleaned_data["area"] = self.instance.area
            else:
                self.instance.commune = None
        super()._post_clean()
