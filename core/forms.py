"""Every form on the site and in the admin renders through this: required fields say so, and an
empty choice reads "— Choose … —" instead of a row of dashes."""

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

DASHES = "---------"


class AccessibleBoundField(forms.BoundField):
    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        placeholder = format_lazy(_("— Choose {label} —"), label=str(field.label or "").lower())
        # A ModelChoiceField draws its empty choice from empty_label; a model field with choices
        # puts Django's dashes first in its list.
        # (Never iterate a ModelChoiceField's choices here: that would query the database.)
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label == DASHES:
                field.empty_label = placeholder
        elif isinstance(field, forms.ChoiceField) and field.choices and field.choices[0] == ("", DASHES):
            field.choices = [("", placeholder), *field.choices[1:]]

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        # Django writes `required` where the browser could check it (not on checkbox groups);
        # say the same to screen readers, which our novalidate forms leave to the server.
        if attrs.get("required"):
            attrs["aria-required"] = "true"
        return attrs


class FormRenderer(DjangoTemplates):
    bound_field_class = AccessibleBoundField
