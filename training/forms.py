"""Forms of the public site's "Lớp tập huấn" pages: a trainer's session, its participants' results."""

from __future__ import annotations

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from areas.models import Area, area_labels, vietnamese_sort_key
from courses.models import Audience, CoursePage
from trainers.models import Trainer

from .admin_forms import ResultForm
from .models import SessionParticipant, TrainingSession
from .services import teaching_areas


class DateInput(forms.DateInput):
    """The phone's own date picker; without it, a typed 05/03/2026 or 2026-03-05 is read too."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class CoTrainerField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, trainer):
        return f"{trainer.person.full_name} ({trainer.home_area.display_name})"


class SessionForm(forms.ModelForm):
    """A trainer's session: where and when, for whom, on what, with whom. The trainer leads it themselves."""

    co_trainers = CoTrainerField(
        label=_("Co-trainers"),
        queryset=Trainer.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Other certified trainers who lead the session with you: they can see and edit it too."),
    )

    class Meta:
        model = TrainingSession
        fields = [
            "title",
            "mode",
            "starts_on",
            "ends_on",
            "area",
            "venue",
            "audience",
            "courses",
            "expected_size",
            "is_tot",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "courses": forms.CheckboxSelectMultiple,
            "mode": forms.RadioSelect,
            "expected_size": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        }
        help_texts = {
            "area": _("Your home area and the units under it."),
            "expected_size": _("About how many people you expect."),
        }

    def __init__(self, *args, trainer: Trainer, **kwargs):
        super().__init__(*args, **kwargs)
        self.trainer = trainer
        areas = teaching_areas(trainer)
        labels = area_labels(areas)
        self.fields["area"].queryset = Area.objects.filter(pk__in=[a.pk for a in areas])
        self.fields["area"].choices = [("", "---------")] + sorted(
            ((a.pk, labels[a.pk]) for a in areas), key=lambda choice: vietnamese_sort_key(choice[1])
        )
        self.fields["area"].error_messages["invalid_choice"] = _(
            "Choose an area you teach in: your home area or a unit under it."
        )
        self.fields["audience"].queryset = Audience.objects.all()
        self.fields["courses"].queryset = CoursePage.objects.live().order_by("-is_tot", "title")
        self.fields["expected_size"].validators.append(MinValueValidator(1))
        self.fields["co_trainers"].queryset = (
            Trainer.objects.certified()
            .exclude(pk=trainer.pk)
            .select_related("person", "home_area")
            .order_by("person__full_name")
        )
        if self.instance.pk:
            self.fields["co_trainers"].initial = [t.pk for t in self.instance.trainers.all() if t.pk != trainer.pk]
        if trainer.level != Trainer.MASTER:
            del self.fields["is_tot"]  # a ToT class (it certifies trainers) is led by a master trainer

    def clean(self):
        cleaned = super().clean()
        starts, ends, area = cleaned.get("starts_on"), cleaned.get("ends_on"), cleaned.get("area")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        if starts and area and not area.is_valid_on(starts):
            self.add_error(
                "area", _("This unit did not exist on the first day of the session: choose the unit of that day.")
            )
        return cleaned

    def save_trainers(self, session: TrainingSession) -> None:
        """The trainer editing leads the session; the co-trainers chosen lead it with them."""
        session.trainers.set([self.trainer, *self.cleaned_data["co_trainers"]])


class TrainerResultForm(ResultForm):
    """One participant's result, as on the admin's Results page, phone-sized."""

    class Meta(ResultForm.Meta):
        widgets = {"result": forms.RadioSelect, "result_note": forms.Textarea(attrs={"rows": 2})}
        labels = {"result_note": _("Note")}


TrainerResultFormSet = forms.modelformset_factory(SessionParticipant, form=TrainerResultForm, extra=0, edit_only=True)
