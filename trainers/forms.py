"""The profile form: the details reports count by, asked at registration and on the account page.

Registered with `accounts.profile_form` in TrainersConfig.ready(), so `accounts` shows it without
importing this app.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from areas.models import Area

from .models import Profile


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

    def __init__(self, data=None, *, user=None, **kwargs):
        instance = Profile.objects.filter(user=user).first() if user is not None else None
        instance = instance or (Profile(user=user) if user is not None else Profile())
        super().__init__(data, instance=instance, **kwargs)
        field = self.fields["area"]
        today_units = Area.objects.current().exclude(kind__in=Area.DISTRICT_KINDS)
        self.stored_area = self.instance.filed_area if self.instance.pk else None
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

    def save(self, commit=True, *, user=None):
        """Store the profile for `user` (the account just created at registration)."""
        if user is not None:
            self.instance.user = user
        return super().save(commit=commit)
