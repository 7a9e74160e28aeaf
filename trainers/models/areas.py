"""Administrative areas: a tree with validity dates and successors, so old records still add up."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class AreaQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date) -> "AreaQuerySet":
        return self.filter(models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day)).filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day)
        )

    def districts(self) -> "AreaQuerySet":
        return self.filter(kind__in=Area.DISTRICT_KINDS)


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
