"""Reads over many rows of the showcase: who sees which events, registrations and projects; the public filters."""

from __future__ import annotations

import datetime

from django.core import signing
from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from areas.models import Area
from areas.scoping import AreaScopedQuerySet


class EventPageQuerySet(PageQuerySet, AreaScopedQuerySet):
    area_fields = ("area",)

    def visible_to(self, user) -> EventPageQuerySet:
        """Events an administrator runs the door for: those held in their area (all of them for the province)."""
        scope = self._in_admin_scope(user)
        return self if scope is None else self.filter(scope)

    def upcoming(self) -> EventPageQuerySet:
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self) -> EventPageQuerySet:
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


class EventPageManager(PageManager.from_queryset(EventPageQuerySet)):
    pass


class RegistrationQuerySet(AreaScopedQuerySet):
    area_fields = ("event__area",)

    def visible_to(self, user) -> RegistrationQuerySet:
        """Registrations are seen by whoever runs the event's door (see EventPageQuerySet.visible_to)."""
        scope = self._in_admin_scope(user)
        return self if scope is None else self.filter(scope)

    def confirmed(self) -> RegistrationQuerySet:
        return self.filter(status=self.model.CONFIRMED)

    def waiting(self) -> RegistrationQuerySet:
        return self.filter(status=self.model.WAITING).order_by("queued_at", "pk")

    def active(self) -> RegistrationQuerySet:
        return self.exclude(status=self.model.CANCELLED)

    def checked_in(self) -> RegistrationQuerySet:
        return self.filter(checked_in_at__isnull=False)


def _member_count(**filters) -> Coalesce:
    from .models import ProjectMember

    members = (
        ProjectMember.objects.filter(project=OuterRef("pk"), **filters)
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(members, output_field=models.IntegerField()), Value(0))


class StartupProjectQuerySet(AreaScopedQuerySet):
    area_fields = ("area", "commune")

    def visible_to(self, user) -> StartupProjectQuerySet:
        """Projects an administrator reviews: those filed in their district (or its communes); all for the province."""
        scope = self._in_admin_scope(user)
        return self if scope is None else self.filter(scope)

    def of_team(self, user) -> StartupProjectQuerySet:
        """The projects a person is a team member of."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        from .models import ProjectMember

        return self.filter(Exists(ProjectMember.objects.filter(project=OuterRef("pk"), person=user)))

    def published(self) -> StartupProjectQuerySet:
        return self.filter(status=self.model.PUBLISHED)

    def counted(self, until: datetime.date | None = None) -> StartupProjectQuerySet:
        """The projects a district's "startup projects" figure counts: published, on or before `until`.

        A draft or a project still in review is not a startup the programme can show; the day it
        counts from is the day it was first published, not the day the team started writing it.
        """
        projects = self.published()
        if until is not None:
            end = datetime.datetime.combine(
                until + datetime.timedelta(days=1), datetime.time.min, timezone.get_current_timezone()
            )
            projects = projects.filter(published_at__lt=end)
        return projects

    def in_area(self, area: Area) -> StartupProjectQuerySet:
        """Projects filed in the area or any unit below it."""
        return self.filter(area__in=Area.objects.within(area))

    def with_leadership(self) -> StartupProjectQuerySet:
        """Annotate `women_led` and `student_led` from the members' profiles, in the database.

        A project is women-led when its lead is a woman or women are more than half of the team;
        student-led likewise for members in the "students" learner group.
        """
        from courses.models import Audience
        from trainers.models import Profile

        from .models import ProjectMember

        woman = {"person__profile__gender": Profile.FEMALE}
        student = {"person__profile__learner_groups__code": Audience.STUDENTS}
        lead = ProjectMember.objects.filter(project=OuterRef("pk"), is_lead=True)
        return (
            self.annotate(
                member_count=_member_count(),
                women_count=_member_count(**woman),
                student_count=_member_count(**student),
                lead_is_woman=Exists(lead.filter(**woman)),
                lead_is_student=Exists(lead.filter(**student)),
            )
            .annotate(women_x2=F("women_count") * 2, students_x2=F("student_count") * 2)
            .annotate(
                women_led=Case(
                    When(Q(lead_is_woman=True) | Q(women_x2__gt=F("member_count")), then=Value(True)),
                    default=Value(False),
                    output_field=models.BooleanField(),
                ),
                student_led=Case(
                    When(Q(lead_is_student=True) | Q(students_x2__gt=F("member_count")), then=Value(True)),
                    default=Value(False),
                    output_field=models.BooleanField(),
                ),
            )
        )

    def awarded(self) -> StartupProjectQuerySet:
        from .models import Award

        return self.filter(Exists(Award.objects.filter(project=OuterRef("pk"))))

    def for_showcase(self, rendition: str = "fill-480x270") -> StartupProjectQuerySet:
        """Published projects with everything a showcase card shows, in a fixed number of queries."""
        from wagtail.images import get_image_model

        from .models import Award

        images = get_image_model().objects.prefetch_renditions(rendition)
        return (
            self.published()
            .select_related("area", "commune")
            .prefetch_related(
                models.Prefetch("cover_image", queryset=images),
                models.Prefetch("awards", queryset=Award.objects.select_related("event")),
            )
            .annotate(award_count=Count("awards", distinct=True))
            .order_by("-award_count", "-published_at", "pk")
        )

    def filter_showcase(self, chosen: dict[str, str]) -> StartupProjectQuerySet:
        """Apply the public showcase's filters (already validated strings; empty means any)."""
        from .models import Award, StartupProject

        qs = self
        if chosen.get("area"):
            area = Area.objects.filter(pk=chosen["area"]).first()
            qs = qs.in_area(area) if area else qs.none()
        for field in ("sector", "stage", "origin"):
            if chosen.get(field):
                qs = qs.filter(**{field: chosen[field]})
        if chosen.get("ocop"):
            qs = qs.filter(origin=StartupProject.OCOP)
        if chosen.get("year"):
            qs = qs.filter(Exists(Award.objects.filter(project=OuterRef("pk"), year=chosen["year"])))
        if chosen.get("awarded"):
            qs = qs.awarded()
        return qs


INVITATION_SALT = "showcase.project-invitation"  # a token for an invitation is never valid for anything else


def invitation_token_read(token: str) -> tuple[int, int] | None:
    """(invitation id, project id) from a genuine invitation token; None if it was not signed here."""
    try:
        invitation_id, project_id = signing.loads(token, salt=INVITATION_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not (isinstance(invitation_id, int) and isinstance(project_id, int)):
        return None
    return invitation_id, project_id


class ProjectInvitationQuerySet(models.QuerySet):
    def pending(self) -> ProjectInvitationQuerySet:
        return self.filter(status=self.model.PENDING)

    def with_token(self, token: str) -> ProjectInvitationQuerySet:
        """The invitation a link's token names (none for a forged or mangled one); see `ProjectInvitation.token`."""
        ids = invitation_token_read(token)
        if ids is None:
            return self.none()
        invitation_id, project_id = ids
        return self.filter(pk=invitation_id, project_id=project_id)

    def addressed_to(self, user) -> ProjectInvitationQuerySet:
        """The invitations written to the account's email or phone (both stored in the same forms as `address`)."""
        addresses = [address for address in (user.email, user.phone) if address]
        return self.filter(address__in=addresses) if addresses else self.none()


class SupportOrganisationQuerySet(models.QuerySet):
    def listed(self) -> SupportOrganisationQuerySet:
        return self.filter(is_listed=True)
