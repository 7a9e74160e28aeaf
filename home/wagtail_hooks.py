from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.ui.components import Component

from areas.admin_views import may_see_wagtail_reports
from core.heartbeats import Heartbeat

ALERTS = {
    Heartbeat.WORKER: _(
        "No worker has reported for more than 5 minutes: e-mails and certificates wait until one runs again."
    ),
    Heartbeat.BEAT: _(
        "The scheduler (beat) has not reported for more than 5 minutes: reminders and catch-up sweeps are not queued."
    ),
}


class BackgroundProcessesPanel(Component):
    """On the province administrator's admin home: when each worker and beat was last seen, alarmed when stale."""

    name = "background_processes"
    order = 95
    template_name = "home/admin/background_processes_panel.html"

    def get_context_data(self, parent_context=None):
        heartbeats = list(Heartbeat.objects.all())
        kinds = [
            {
                "label": label,
                "heartbeats": [h for h in heartbeats if h.kind == kind],
                # None seen, or none seen lately: the work of this kind (e-mails, certificates) waits.
                "alert": ALERTS[kind] if all(h.is_stale for h in heartbeats if h.kind == kind) else "",
            }
            for kind, label in Heartbeat.KINDS
        ]
        return {"kinds": kinds}


@hooks.register("construct_homepage_panels")
def add_background_processes_panel(request, panels):
    # The processes serve the whole province; a district administrator can do nothing about them.
    if may_see_wagtail_reports(request.user):
        panels.append(BackgroundProcessesPanel())


class FormerCertificateSettingsView(RedirectView):
    """The certificate settings were home's until they moved to trainers: old bookmarks still find them."""

    permanent = True

    def get_redirect_url(self, pk=None):
        args = ["trainers", "certificatesettings"] + ([pk] if pk else [])
        return reverse("wagtailsettings:edit", args=args)


@hooks.register("register_admin_urls")
def certificate_settings_former_urls():
    return [
        path("settings/home/certificatesettings/", FormerCertificateSettingsView.as_view()),
        path("settings/home/certificatesettings/<int:pk>/", FormerCertificateSettingsView.as_view()),
    ]
