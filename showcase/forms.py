"""Public forms of the showcase: event registration, check-in at the door, a team's project; admin review."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField

from accounts.models import User
from accounts.phones import normalise_phone
from accounts.privacy import PRIVACY_NOTICE_VERSION
from areas.models import Area
from core.image_collections import PROJECTS, image_collection
from courses.models import CoursePage
from trainers.models import Trainer

from .models import ProjectInvitation, StartupProject, invitation_address


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

    # Unticked; required of a visitor and of a signed-in person alike (Law 91/2025/QH15, Article 9).
    consent = forms.BooleanField(
        label=_(
            "I agree that my name, phone number and e-mail address are used to keep my place, check me in "
            "and contact me about this event, as the privacy notice says."
        ),
        error_messages={"required": _("Tick the box to agree to the use of your details for this event.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user if user is not None and user.is_authenticated else None
        if self.user is not None:
            for name in list(self.fields):
                if name != "consent":
                    del self.fields[name]

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        if phone is None:
            raise forms.ValidationError(_("Enter a valid Vietnamese phone number, for example 0905 123 456."))
        return phone

    def registration_kwargs(self) -> dict:
        kwargs = {
            "language": translation.get_language() or settings.LANGUAGE_CODE,
            "consent_notice_version": PRIVACY_NOTICE_VERSION,
        }
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


MAX_INVITATIONS = 20


def _team_member_label(user) -> str:
    # Never the email or phone (User.__str__ falls back to them): the team sees names only.
    return user.full_name or str(_("A team member without a name"))


class ProjectForm(forms.ModelForm):
    """What a team writes about its project; review fields and awards stay with administrators."""

    invite = forms.CharField(
        label=_("Invite team members"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The email address or phone number of each person to invite, one per line. "
            "An email address is sent a link to join; for a phone number, send the link shown after saving."
        ),
    )
    remove_members = forms.ModelMultipleChoiceField(
        label=_("Remove from the team"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    withdraw_invitations = forms.ModelMultipleChoiceField(
        label=_("Withdraw invitations"),
        queryset=ProjectInvitation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
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
        removable = User.objects.none()
        invitations = ProjectInvitation.objects.none()
        if self.instance.pk:
            removable = User.objects.filter(startup_teams__project=self.instance, startup_teams__is_lead=False).exclude(
                pk=user.pk
            )
            invitations = self.instance.invitations.pending()
        self.fields["remove_members"].queryset = removable.order_by("full_name", "pk")
        self.fields["remove_members"].label_from_instance = _team_member_label
        self.fields["withdraw_invitations"].queryset = invitations
        self.fields["withdraw_invitations"].label_from_instance = lambda invitation: invitation.masked_address
        for name, queryset in (("remove_members", removable), ("withdraw_invitations", invitations)):
            if not queryset.exists():
                del self.fields[name]
        self.fields["cover_upload"].help_text = _("A photo of the product or the team (JPEG, PNG or WebP).")

    def clean_invite(self) -> list[str]:
        """The addresses in their stored form; only their shape is checked, never whether an account has them."""
        addresses, invalid = [], []
        for line in (self.cleaned_data.get("invite") or "").splitlines():
            address = invitation_address(line)
            if address is None:
                if line.strip():
                    invalid.append(line.strip())
            elif address not in addresses:
                addresses.append(address)
        if invalid:
            raise forms.ValidationError(
                _("Not an email address or a Vietnamese phone number: %(list)s") % {"list": ", ".join(invalid)}
            )
        if len(addresses) > MAX_INVITATIONS:
            raise forms.ValidationError(_("Invite at most %(max)s people at a time.") % {"max": MAX_INVITATIONS})
        return addresses

    def save_cover(self, project: StartupProject) -> None:
        upload = self.cleaned_data.get("cover_upload")
        if upload:
            image = get_image_model().objects.create(
                title=project.title[:255],
                file=upload,
                uploaded_by_user=self.user,
                collection=image_collection(PROJECTS),  # out of the trainers' reach (core/image_collections.py)
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
