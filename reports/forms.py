"""The dashboard's filter form: area (within the viewer's scope, rolled up), date range and course."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from areas.models import admin_area_ids
from areas.rollup import AreaTree
from courses.models import CoursePage

from .figures import ReportFilters, area_choices


class ReportFilterForm(forms.Form):
    """Area (former district or today's unit, within the viewer's scope), date range and course."""

    area = forms.ChoiceField(label=gettext_lazy("Area"), required=False)
    date_from = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    course = forms.ChoiceField(label=gettext_lazy("Course or programme"), required=False)

    def __init__(self, *args, user, index: AreaTree, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = admin_area_ids(user)
        self.areas = {str(a.pk): a for a in area_choices(user, index)}
        districts = [(pk, a.name) for pk, a in self.areas.items() if a.is_district]
        today_units = [(pk, str(a)) for pk, a in self.areas.items() if not a.is_district]
        self.fields["area"].choices = [
            ("", _("All areas") if allowed is None else _("All of my area")),
            (_("Former districts"), districts),
            (_("Today's units"), today_units),
        ]
        self.courses = {str(c.pk): c for c in CoursePage.objects.live().order_by("-is_tot", "title").only("title")}
        self.fields["course"].choices = [("", _("All courses"))] + [(pk, c.title) for pk, c in self.courses.items()]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the range is before its start."))
        return cleaned

    def filters(self) -> ReportFilters:
        if not self.is_valid():
            return ReportFilters()
        data = self.cleaned_data
        return ReportFilters(
            area=self.areas.get(data.get("area") or ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            course=self.courses.get(data.get("course") or ""),
        )
