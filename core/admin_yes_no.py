"""Booleans in the Wagtail admin read "Có"/"Không": in inspect views and in a listing's active filters.

Wagtail shows str(value) ("True") in both places; its listing cells are fixed by the template override
templates/wagtailadmin/tables/boolean_cell.html. Registered once for every model field and filter.
"""

import django_filters
from django.db import models
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.active_filters import ActiveFilter, BaseFilterAdapter, register_filter_adapter_class
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class
from wagtail.admin.ui.tables import BooleanColumn


def yes_no(value) -> str:
    if value is None:
        return _("Unknown")
    return _("Yes") if value else _("No")


class YesNoDisplay(BaseFieldDisplay):
    def render_html(self, parent_context=None):
        return escape(yes_no(self.value))


class YesNoFilterAdapter(BaseFilterAdapter):
    def get_active_filters(self):
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            yes_no(self.value),
            self.get_url_without_filter_param(self.name),
        )


def yes_no_column(model: type[models.Model], field_name: str) -> BooleanColumn:
    """A listing column for a boolean field, drawn as a tick or cross (Wagtail shows a plain column as "True")."""
    label = capfirst(model._meta.get_field(field_name).verbose_name)
    return BooleanColumn(field_name, label=label, sort_key=field_name)


register_display_class(models.BooleanField, display_class=YesNoDisplay)
register_filter_adapter_class(django_filters.BooleanFilter, adapter_class=YesNoFilterAdapter)
