"""Public forms of the showcase: event registration, check-in at the door, a team's project; admin review."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

from accounts.models import User
from accounts.phones import normalise_phone
from courses.models import CoursePage
from trainers.image_collections import PROJECTS, image_collection
from trainers.models import Area, Trainer

from .models import StartupProject


class RegistrationForm(forms.Form):
    """Visitors give a name and phone (email optional); a signed-in person just confirms."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=20,
        help_text=_("For example 0905 123 456."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        help_text=_("Optional: we send your confirmation here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user if user is not None and user.is_authenticated else None
        if self.user is not None:
            for name in list(self.fields):
                del self.fields[name]

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        if phone is None:
            raise forms.ValidationError(_("Enter a valid Vietnamese phone number, for example 0905 123 456."))
        return phone

    def registration_kwargs(self) -> dict:
        kwargs = {"language": translation.get_language() or settings.LANGUAGE_CODE}
        if self.user is not None:
            return {**kwargs, "person": self.user}
        return {
            **kwargs,
            "full_name": self.cleaned_data["full_name"],
            "phone": self.cleaned_data["phone"],
            "email": self.cleaned_data.get("email") or None,
        }


class CheckInCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=32,
        help_text=_("The 12 letters and digits on the ticket, with or without dashes."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "autofocus": True}),
    )


def _find_person(identifier: str) -> User | None:
    identifier = identifier.strip()
    if "@" in identifier:
        return User.objects.filter(email__iexact=identifier, is_active=True).first()
    phone = normalise_phone(identifier)
    return User.objects.filter(phone=phone, is_active=True).first() if phone else None


class ProjectForm(forms.ModelForm):
    """What a team writes about its project; review fields and awards stay with administrators."""

    other_members = forms.CharField(
        label=_("Other team members"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The email address or phone number each member signs in with, one per line."),
    )
    cover_upload = WagtailImageField(label=_("Cover image"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = StartupProject
        fields = [
            "title",
            "pitch",
            "description",
            "area",
            "commune",
            "sector",
            "stage",
            "origin",
            "ocop_stars",
            "website",
            "mentor",
            "courses",
        ]
        widgets = {
            "pitch": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "courses": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["area"].queryset = Area.objects.districts().order_by("name")
        self.fields["commune"].queryset = Area.objects.filter(
            kind__in=[Area.COMMUNE, Area.WARD, Area.TOWNSHIP]
        ).order_by("name")
        self.fields["mentor"].queryset = Trainer.objects.select_related("person").order_by("person__full_name")
        self.fields["courses"].queryset = CoursePage.objects.live().public().order_by("title")
        if self.instance.pk:
            others = self.instance.members.filter(is_lead=False).select_related("person")
            self.fields["other_members"].initial = "\n".join(m.person.email or m.person.phone or "" for m in others)
        self.fields["cover_upload"].help_text = _("A photo of the product or the team (JPEG, PNG or WebP).")

    def clean_other_members(self) -> list[User]:
        people, unknown = [], []
        for line in (self.cleaned_data.get("other_members") or "").splitlines():
            if not line.strip():
                continue
            person = _find_person(line)
            if person is None:
                unknown.append(line.strip())
            elif person.pk != self.user.pk and person not in people:
                people.append(person)
        if unknown:
            raise forms.ValidationError(
                _("No account signs in with: %(list)s. Ask them to register first.") % {"list": ", ".join(unknown)}
            )
        return people

    def save_cover(self, project: StartupProject) -> None:
        upload = self.cleaned_data.get("cover_upload")
        if upload:
            image = get_image_model().objects.create(
                title=project.title[:255],
                file=upload,
                uploaded_by_user=self.user,
                collection=image_collection(PROJECTS),  # out of the trainers' reach (trainers/image_collections.py)
            )
            project.cover_image = image
            project.save(update_fields=["cover_image"])


class ReviewForm(forms.Form):
    PUBLISH, RETURN = "publish", "return"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(PUBLISH, _("Publish in the showcase")), (RETURN, _("Return to the team for changes"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment for the team"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when returning the project: say what to change."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.RETURN and not (cleaned.get("comment") or "").strip():
            self.add_error("comment", _("Say what the team should change."))
        return cleaned
