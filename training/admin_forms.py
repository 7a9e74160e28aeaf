"""Admin forms for sessions: offered within the administrator's area (trainers.admin_forms.ScopedAdminForm)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from trainers.admin_forms import ScopedAdminForm

from .models import SessionParticipant


class TrainingSessionAdminForm(ScopedAdminForm):
    def save(self, commit=True):
        if not self.instance.pk and self.for_user is not None:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return cleaned


class ResultForm(forms.ModelForm):
    class Meta:
        model = SessionParticipant
        fields = ["result", "result_note"]
        widgets = {"result_note": forms.Textarea(attrs={"rows": 2})}


# edit_only: a posted id outside the session's participants can never become a new row.
ResultFormSet = forms.modelformset_factory(SessionParticipant, form=ResultForm, extra=0, edit_only=True)


class SessionReviewForm(forms.Form):
    """An administrator's decision on a session or its class report: approve, or return with a comment."""

    APPROVE, RETURN = "approve", "return"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (APPROVE, pgettext_lazy("training session", "Approve")),
            (RETURN, _("Return to the trainers for changes")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment for the trainers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when returning: say what to change."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.RETURN and not (cleaned.get("comment") or "").strip():
            self.add_error("comment", _("Say what the trainer should change."))
        return cleaned
