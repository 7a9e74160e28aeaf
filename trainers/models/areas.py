"""Administrative areas: a tree with validity dates and successors, so old records still add up."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def admin_area_ids(user) -> set[int] | None:
    """The areas an administrator answers for: None means everywhere, an empty set nowhere.

    Superusers and administrators scoped to a province see everything; a scope on a district
    (or one of today's communes) covers what the reports count under it (`trainers.rollup`).
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    cached = getattr(user, "_trainers_area_scope", False)
    if cached is not False:
        return cached
    scope = _scope_area(user)
    if scope is None:
        result: set[int] | None = set()
    elif scope.kind == Area.PROVINCE:
        result = None
    else:
        from ..rollup import AreaTree  # the roll-up reads this module's Area

        result = AreaTree().members(scope)
    user._trainers_area_scope = result  # one lookup per request: the user object lives as long as it
    return result


def _scope_area(user) -> "Area | None":
    from .people import AdminScope  # people imports nothing from here; a late import keeps the modules flat

    scope = AdminScope.objects.filter(user=user).select_related("area").first()
    return scope.area if scope else None


class AreaQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date) -> "AreaQuerySet":
        return self.filter(models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day)).filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day)
        )

    def districts(self) -> "AreaQuerySet":
        return self.filter(kind__in=Area.DISTRICT_KINDS)

    def within(self, area: "Area") -> "AreaQuerySet":
        """The areas whose records count under `area`, across the reforms (the rule: `trainers.rollup`)."""
        from ..rollup import AreaTree

        return self.filter(pk__in=AreaTree().members(area))

    def visible_to(self, user) -> "AreaQuerySet":
        """The areas an administrator may file records under."""
        ids = admin_area_ids(user)
        return self if ids is None else self.filter(pk__in=ids)

    def district_map(self, on: datetime.date | None = None) -> dict[int, int | None]:
        """{area id: former district id} for every area, so reports roll up without a query per row."""
        from ..rollup import AreaTree

        tree = AreaTree()
        return {pk: (d.pk if (d := tree.district(pk, on=on)) else None) for pk in tree.areas}


class Area(models.Model):
    PROVINCE = "province"
    CITY = "city"  # thành phố thuộc tỉnh
    TOWN = "town"  # thị xã
    DISTRICT = "district"  # huyện
    WARD = "ward"  # phường
    COMMUNE = "commune"  # xã
    TOWNSHIP = "township"  # thị trấn
    KINDS = [
        (PROVINCE, _("Province or centrally run city")),
        (CITY, _("Provincial city")),
        (TOWN, _("Town")),
        (DISTRICT, _("District")),
        (WARD, _("Ward")),
        (COMMUNE, _("Commune")),
        (TOWNSHIP, _("Township")),
    ]
    DISTRICT_KINDS = (CITY, TOWN, DISTRICT)

    code = models.CharField(_("official code"), max_length=10, help_text=_("The statistics office's code."))
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=12, choices=KINDS)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True, help_text=_("Last day the unit existed."))
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("succeeded by"),
        symmetrical=False,
        blank=True,
        related_name="predecessors",
        help_text=_("The units this one was merged into or became."),
    )

    objects = AreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["code", "valid_from"]
        constraints = [
            # A code is reused by a new unit after a reform (e.g. Xã Duy Nghĩa 20635), never twice at once.
            models.UniqueConstraint(fields=["code", "valid_from"], name="area_code_valid_from_unique"),
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(valid_from__isnull=True),
                name="area_code_unique_without_start",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="area_valid_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}"

    @property
    def is_district(self) -> bool:
        return self.kind in self.DISTRICT_KINDS

    def is_valid_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or self.valid_to >= day)

    def former_district(self, on: datetime.date | None = None) -> "Area | None":
        """The former district this area's records count for (the rule: `trainers.rollup`).

        With `on`, a district merged before that day is followed to the district that took it over
        (Nông Sơn → Quế Sơn from 2025-01-01).
        """
        from ..rollup import AreaTree

        return AreaTree().district(self, on=on)

    def current_units(self, on: datetime.date | None = None) -> list["Area"]:
        """Today's units (or those valid `on` a day) this area's records now belong to, following successors.

        Duy Hòa (made in 2024) → [Xã Thu Bồn]; Duy Thu → Duy Tân → [Xã Thu Bồn]; a unit that
        ended without a recorded successor is returned as it is.
        """
        on = on or timezone.localdate()
        result: dict[int, Area] = {}
        seen: set[int] = set()
        frontier = [self]
        while frontier:
            area = frontier.pop()
            if area.pk in seen:
                continue
            seen.add(area.pk)
            successors = list(area.successors.all())
            if area.is_valid_on(on) or not successors:
                result[area.pk] = area
            else:
                frontier.extend(successors)
        return sorted(result.values(), key=lambda a: a.code)
