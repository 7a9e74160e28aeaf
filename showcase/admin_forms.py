"""Admin forms of the showcase: a district administrator files projects only inside their district."""

from wagtail.admin.forms import WagtailAdminModelForm

from trainers.models import Area


class ProjectAdminForm(WagtailAdminModelForm):
    """Area and commune offer only units in the administrator's scope, so a project cannot leave it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        areas = Area.objects.visible_to(self.for_user)
        if "area" in self.fields:
            self.fields["area"].queryset = areas.districts().order_by("name")
        if "commune" in self.fields:
            self.fields["commune"].queryset = areas.exclude(kind__in=[*Area.DISTRICT_KINDS, Area.PROVINCE]).order_by(
                "name"
            )
