"""Where a person is filed: the area their records count under, one rule for every app.

A profile (`trainers.Profile`) is filed under its former commune, else its place. Profiles live in
`trainers`, a floor above; the rule lives here so that apps below trainers (courses' attempt grants)
scope by it too, reaching the profile through the ORM. Its Python form is `Profile.filed_area`, its
SQL form `trainers.models.people.filed_area_sql`, both reading `FILED_UNDER`.
"""

from django.db import models
from django.db.models.functions import Coalesce

from .models import admin_area_ids

FILED_UNDER = ("commune", "area")  # the profile's fields, in order of precedence


def filed_area_expression(prefix: str = "") -> Coalesce:
    """The area id a profile is filed under, as an ORM expression (`prefix`: the path to the profile, "profile__")."""
    return Coalesce(*(f"{prefix}{name}" for name in FILED_UNDER))


def filed_in_admin_scope(queryset: models.QuerySet, user, *, profile: str) -> models.QuerySet:
    """Rows whose profile (the lookup path `profile`) is filed in the administrator's area; all for the province."""
    ids = admin_area_ids(user)
    if ids is None:
        return queryset
    return queryset.alias(person_filed_area=filed_area_expression(f"{profile}__")).filter(person_filed_area__in=ids)
