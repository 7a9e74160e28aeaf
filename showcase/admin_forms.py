"""Admin forms of the showcase: a district administrator files projects only inside their district."""

from django.db.models import Q, QuerySet
from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import User
from areas.models import Area, admin_area_ids
from trainers.models import Profile, Trainer
from training.models import TrainingSession

from .models import StartupProject


def _people_for(user, project) -> QuerySet:
    """People an administrator may put on a team: those filed in their area, and the team as it stands."""
    people = User.objects.filter(is_active=True)
    if admin_area_ids(user) is not None:
        # Profile.visible_to is the area rule for people; the province sees everyone, with a profile or not.
        people = people.filter(pk__in=Profile.objects.visible_to(user).values("user"))
    if project.pk:
        people = User.objects.filter(Q(pk__in=people.values("pk")) | Q(startup_teams__project=project)).distinct()
    return people.order_by("full_name", "pk")


def _in_scope_or_current(queryset: QuerySet, current: QuerySet | None) -> QuerySet:
    """Rows the administrator sees, plus those already chosen (so saving does not drop them)."""
    if current is None:
        return queryset
    return queryset.model._default_manager.filter(
        Q(pk__in=queryset.values("pk")) | Q(pk__in=current.values("pk"))
    ).distinct()


def _limit_inline(formset, field: str, queryset: QuerySet) -> None:
    """Limit one field of every form an inline formset builds (its rows and the blank template row)."""
    base = formset.form

    class Limited(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if field in self.fields:
                self.fields[field].queryset = queryset

    Limited.__name__ = base.__name__
    formset.form = Limited  # before its forms are built: Django builds them lazily, from `formset.form`


class ProjectAdminForm(WagtailAdminModelForm):
    """Every choice stays in the administrator's scope, on screen and on submit, so a forged POST is refused."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None:
            return
        project = self.instance
        areas = Area.objects.visible_to(user)
        if "area" in self.fields:
            self.fields["area"].queryset = areas.districts().order_by("name")
        if "commune" in self.fields:
            self.fields["commune"].queryset = areas.exclude(kind__in=[*Area.DISTRICT_KINDS, Area.PROVINCE]).order_by(
                "name"
            )
        if "sessions" in self.fields:
            current = project.sessions.all() if project.pk else None
            self.fields["sessions"].queryset = _in_scope_or_current(
                TrainingSession.objects.visible_to(user), current
            ).order_by("-starts_on", "title")
        if "mentor" in self.fields:
            current = Trainer.objects.filter(pk=project.mentor_id) if project.mentor_id else None
            self.fields["mentor"].queryset = _in_scope_or_current(Trainer.objects.visible_to(user), current).order_by(
                "person__full_name"
            )
        if "members" in self.formsets:
            _limit_inline(self.formsets["members"], "person", _people_for(user, project))


class SupportOrganisationAdminForm(WagtailAdminModelForm):
    """Editors link organisations to published projects only: a draft's title is its team's until published."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "supported_projects" in self.fields:
            current = self.instance.supported_projects.all() if self.instance.pk else None
            self.fields["supported_projects"].queryset = _in_scope_or_current(
                StartupProject.objects.published(), current
            ).order_by("title")
