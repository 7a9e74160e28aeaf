"""The one rule of who sees what: an administrator sees the records filed in their area and below (`areas.rollup`)."""

from django.db import models

from .models import admin_area_ids


class AreaScopedQuerySet(models.QuerySet):
    """Base for tables whose rows are filed under an area; subclasses name the area fields."""

    area_fields: tuple[str, ...] = ()

    def _in_admin_scope(self, user) -> models.Q | None:
        """A Q for the rows in the user's admin scope: None when every row is, Q(pk__in=[]) when none is."""
        ids = admin_area_ids(user)
        if ids is None:
            return None
        condition = models.Q(pk__in=[])
        for field in self.area_fields:
            condition |= models.Q(**{f"{field}__in": ids})
        return condition
