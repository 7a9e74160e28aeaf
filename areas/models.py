"""Administrative areas (a tree with validity dates and successors, so old records still add up) and the
scope each administrator answers for.

The tables keep the names they had when these models lived in `trainers` (see migrations/0001).
"""

import datetime
from collections import Counter
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import vietnamese_sort_key


def admin_area_ids(user) -> set[int] | None:
    """The areas an administrator answers for: None means everywhere, an empty set nowhere.

    Superusers and administrators scoped to a province see everything; a scope on a district
    (or one of today's communes) covers what the reports count under it (`areas.rollup`).
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
        from .rollup import area_tree  # the roll-up reads this module's Area

        result = area_tree().members(scope)
    user._trainers_area_scope = result  # one lookup per request: the user object lives as long as it
    return result


def _scope_area(user) -> "Area | None":
    """The area of the user's AdminScope (None without one), kept on the user object for `admin_scope_area`."""
    scope = AdminScope.objects.filter(user=user).select_related("area").first()
    user._areas_scope_area = scope.area if scope else None
    return user._areas_scope_area


def admin_scope_area(user) -> "Area | None":
    """The area an administrator's scope names (None without a scope): what their screens are headed with."""
    if not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_areas_scope_area", False)
    return _scope_area(user) if cached is False else cached


class AreaQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date) -> "AreaQuerySet":
        return self.filter(models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day)).filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day)
        )

    def current(self, on: datetime.date | None = None) -> "AreaQuerySet":
        """The units below province level that exist today (or `on` a day): what forms offer."""
        return self.valid_on(on or timezone.localdate()).exclude(kind=Area.PROVINCE)

    def choices(self, on: datetime.date | None = None) -> list[tuple[int, str]]:
        """(id, label) pairs in Vietnamese order, each label unique within the list."""
        areas = list(self.select_related("parent"))
        labels = area_labels(areas, on=on)
        areas.sort(key=lambda a: (vietnamese_sort_key(a.name), vietnamese_sort_key(labels[a.pk])))
        return [(a.pk, labels[a.pk]) for a in areas]

    def districts(self) -> "AreaQuerySet":
        return self.filter(kind__in=Area.DISTRICT_KINDS)

    def within(self, area: "Area") -> "AreaQuerySet":
        """The areas whose records count under `area`, across the reforms (the rule: `areas.rollup`)."""
        from .rollup import area_tree

        return self.filter(pk__in=area_tree().members(area))

    def visible_to(self, user) -> "AreaQuerySet":
        """The areas an administrator may file records under."""
        ids = admin_area_ids(user)
        return self if ids is None else self.filter(pk__in=ids)

    def district_map(self, on: datetime.date | None = None) -> dict[int, int | None]:
        """{area id: former district id} for every area, so reports roll up without a query per row."""
        from .rollup import area_tree

        tree = area_tree()
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
    # The kind word is part of a unit's Vietnamese name ("Xã Thu Bồn"), not interface text, so it is
    # not translated.
    NAME_PREFIXES = {
        CITY: "Thành phố",
        TOWN: "Thị xã",
        DISTRICT: "Huyện",
        WARD: "Phường",
        COMMUNE: "Xã",
        TOWNSHIP: "Thị trấn",
    }

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
        db_table = "trainers_area"
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
        return self.display_name

    @property
    def full_name(self) -> str:
        """The name with its kind word: "Xã Thu Bồn", "Thành phố Hội An", "Huyện Quế Sơn"."""
        prefix = self.NAME_PREFIXES.get(self.kind)
        return f"{prefix} {self.name}" if prefix else self.name

    @property
    def display_name(self) -> str:
        """The name as people say it: a commune with its kind ("Xã Thu Bồn"), a district or province bare ("Hội An")."""
        return self.name if self.kind == self.PROVINCE or self.is_district else self.full_name

    @property
    def is_district(self) -> bool:
        return self.kind in self.DISTRICT_KINDS

    def is_valid_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or self.valid_to >= day)

    def former_district(self, on: datetime.date | None = None) -> "Area | None":
        """The former district this area's records count for (the rule: `areas.rollup`).

        With `on`, a district merged before that day is followed to the district that took it over
        (Nông Sơn → Quế Sơn from 2025-01-01).
        """
        from .rollup import area_tree

        return area_tree().district(self, on=on)

    def current_units(self, on: datetime.date | None = None) -> list["Area"]:
        """Today's units (or those valid `on` a day) this area's records now belong to (`AreaTree.current_units`)."""
        from .rollup import area_tree

        return area_tree().current_units(self, on=on or timezone.localdate())


class AdminScopeQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AdminScopeQuerySet":
        """Only administrators of the whole province hand out scopes."""
        return self if admin_area_ids(user) is None else self.none()


class AdminScope(models.Model):
    """The area an administrator answers for: a district administrator sees only that district."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("administrator"), on_delete=models.CASCADE, related_name="admin_scope"
    )
    area = models.ForeignKey(Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")

    objects = AdminScopeQuerySet.as_manager()

    class Meta:
        db_table = "trainers_adminscope"
        verbose_name = _("administrative scope")
        verbose_name_plural = _("administrative scopes")

    def __str__(self):
        return f"{self.user} · {self.area}"


def area_labels(areas: Iterable[Area], on: datetime.date | None = None) -> dict[int, str]:
    """{area id: label} for a list of areas, telling apart units that would read the same.

    Labels are display names. A former district sharing its bare name with a commune-level unit in
    the list is given its kind ("Huyện Quế Sơn" beside "Xã Quế Sơn"). Where two units still read the
    same (the former Xã Duy Nghĩa and today's Xã Duy Nghĩa), the one that exists on the day keeps the
    plain name and the others say where and until when they existed. `parent` should be selected.
    """
    on = on or timezone.localdate()
    areas = list(areas)
    bare = Counter(a.name for a in areas)
    labels = {a.pk: a.full_name if a.is_district and bare[a.name] > 1 else a.display_name for a in areas}
    groups: dict[str, list[Area]] = {}
    for area in areas:
        groups.setdefault(labels[area.pk], []).append(area)
    for label, group in groups.items():
        if len(group) < 2:
            continue
        current = [a for a in group if a.is_valid_on(on)]
        for area in group:
            if len(current) == 1 and area is current[0]:
                continue
            labels[area.pk] = _qualified(area, label)
    duplicates = Counter(labels.values())
    for area in areas:
        if duplicates[labels[area.pk]] > 1:
            labels[area.pk] = f"{labels[area.pk]} [{area.code}]"  # last resort: the official code
    return labels


def _qualified(area: Area, label: str) -> str:
    """ "Xã Duy Nghĩa (Duy Xuyên, until 30/06/2025)": the label with the unit's parent and its dates."""
    parts = [area.parent.display_name] if area.parent is not None else []
    if area.valid_to is not None:
        parts.append(_("until %(date)s") % {"date": area.valid_to.strftime("%d/%m/%Y")})
    elif area.valid_from is not None:
        parts.append(_("from %(date)s") % {"date": area.valid_from.strftime("%d/%m/%Y")})
    return _("%(name)s (%(context)s)") % {"name": label, "context": ", ".join(str(p) for p in parts)}
