"""Admin forms that offer only what the administrator's area allows, and file new records inside it."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from areas.models import Area, admin_area_ids
from areas.rollup import area_tree
from courses.models import CoursePage

from .models import Profile, Trainer
from .services import trainer_lineage_set


def _users_in_scope(user):
    """People an administrator may pick: everyone for the province, those filed in their area otherwise."""
    users = get_user_model().objects.order_by("full_name")
    if admin_area_ids(user) is None:
        return users
    return users.filter(pk__in=Profile.objects.visible_to(user).values("user_id"))


class ScopedAdminForm(WagtailAdminModelForm):
    """Limits area, trainer and person choices to the administrator's area.

    Area fields offer only units in scope, so a district administrator can create records only in
    their own district; choosing another unit by editing the form is refused by the field itself.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None:
            return
        areas = Area.objects.visible_to(user).order_by("kind", "name")
        # Certified trainers are public (the directory lists them), so any of them may be named as a trainer.
        trainers = Trainer.objects.filter(
            Q(pk__in=Trainer.objects.visible_to(user).values("pk")) | Q(level__in=[Trainer.CORE, Trainer.MASTER])
        ).select_related("person")
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            model = field.queryset.model
            if model is Area:
                field.queryset = areas
            elif model is Trainer:
                field.queryset = trainers.exclude(pk=self.instance.pk) if name == "trained_by" else trainers
            elif model is get_user_model() and name in ("person", "user"):
                current = getattr(self.instance, f"{name}_id", None)
                field.queryset = _users_in_scope(user) | get_user_model().objects.filter(pk=current)
            elif model is CoursePage:
                field.queryset = CoursePage.objects.live().order_by("title")


class TrainerAdminForm(ScopedAdminForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "level" in self.fields and self.instance.pk and self.instance.level != Trainer.CANDIDATE:
            # Levels change through certification, which issues the certificate.
            self.fields["level"].disabled = True
        elif "level" in self.fields:
            self.fields["level"].choices = [(Trainer.CANDIDATE, Trainer.LEVELS[0][1])]
            self.fields["level"].help_text = _("Trainers become core or master trainers by certification.")
        if "generation" in self.fields:
            # Follows from the lineage (trainer_lineage_set renumbers it), never typed.
            self.fields["generation"].disabled = True

    def save(self, commit=True):
        """Everything but the lineage is saved as the form says; the lineage through `trainer_lineage_set`.

        The form checked the lineage already (`Trainer.clean`); the service checks again under the lineage
        lock, inside the edit view's transaction, and renumbers the generations below.
        """
        if not commit:
            return super().save(commit=False)
        trained_by, trainer = self.instance.trained_by, self.instance
        if trainer.pk is not None:
            # Lineage first: the rest is then saved with the trained_by and generation just written under the lock.
            saved = trainer_lineage_set(trainer=trainer, trained_by=trained_by, by=self.for_user)
            trainer.trained_by, trainer.generation = saved.trained_by, saved.generation
            return super().save()
        trainer = super().save()  # a new trainer has nobody below them: no loop to close
        saved = trainer_lineage_set(trainer=trainer, trained_by=trained_by, by=self.for_user)
        trainer.generation = saved.generation
        return trainer


class ProfileAdminForm(ScopedAdminForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "user" in self.fields:
            self.fields["user"].disabled = True

    def clean(self):
        """A person is filed under their former commune, else their place (`Profile.filed_area`): a new place
        replaces the former commune, as on the person's own form, and a former commune must lie in the place."""
        cleaned = super().clean()
        area, commune = cleaned.get("area"), cleaned.get("commune")
        if "area" in self.changed_data and "commune" not in self.changed_data:
            cleaned["commune"] = None
        elif area and commune and commune.pk not in area_tree().members(area):
            self.add_error("commune", _("Choose a former commune of %(place)s.") % {"place": area.display_name})
        return cleaned


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the public verification page."),
    )


class CertifyForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Certify as"), choices=[(Trainer.CORE, _("Core trainer")), (Trainer.MASTER, _("Master trainer"))]
    )
