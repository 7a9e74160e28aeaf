"""Wagtail admin views of the trainer programme: its permission policies and object actions.

The scoped views and policy they build on (`visible_to(user)` for every view) live in `areas.admin_views`.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from areas.admin_views import ScopedPermissionPolicy
from areas.models import admin_area_ids
from core.admin_actions import ObjectActionView

from .admin_forms import CertifyForm, RevokeForm
from .models import Certificate, Notification, Trainer
from .notifications import notification_resend
from .services import certificate_revoke, trainer_certification_unmet, trainer_certify


class CertificatePermissionPolicy(ScopedPermissionPolicy):
    """Certificates are issued by services and revoked with a reason: never added, edited or deleted by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


class NotificationPermissionPolicy(ScopedPermissionPolicy):
    """The outbox is written by the notification services only: administrators view it and resend failed rows."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


# --- Actions -------------------------------------------------------------------------------------


class CertificateRevokeView(ObjectActionView):
    model = Certificate
    url_name = "revoke"
    button_label = gettext_lazy("Revoke")
    permission = "revoke"
    page_title = gettext_lazy("Revoke certificate")
    header_icon = "warning"
    button_priority = 30
    template_name = "trainers/admin/certificate_revoke.html"

    @classmethod
    def applies_to(cls, obj) -> bool:
        return obj.status == Certificate.VALID

    def get(self, request, pk):
        return self.render(form=RevokeForm())

    def post(self, request, pk):
        form = RevokeForm(request.POST)
        if form.is_valid() and self.object.status == Certificate.VALID:
            try:
                certificate_revoke(certificate=self.object, reason=form.cleaned_data["reason"], by=request.user)
            except ValidationError as error:
                form.add_error("reason", error)
            else:
                messages.success(request, _("Certificate %(number)s revoked.") % {"number": self.object.number})
                return redirect(self.viewset.get_url_name("inspect"), self.object.pk)
        return self.render(form=form)


class TrainerCertifyView(ObjectActionView):
    """Province administrators certify a trainer once the rules are met; unmet rules are listed."""

    model = Trainer
    url_name = "certify"
    button_label = gettext_lazy("Certify")
    permission = "change"
    page_title = gettext_lazy("Certify trainer")
    header_icon = "success"
    template_name = "trainers/admin/trainer_certify.html"

    @classmethod
    def user_may(cls, user, viewset) -> bool:
        return admin_area_ids(user) is None and super().user_may(user, viewset)

    def get(self, request, pk):
        initial = {"level": Trainer.MASTER if self.object.level == Trainer.CORE else Trainer.CORE}
        return self.render(form=CertifyForm(initial=initial), unmet=trainer_certification_unmet(trainer=self.object))

    def post(self, request, pk):
        form = CertifyForm(request.POST)
        if form.is_valid():
            try:
                certificate = trainer_certify(
                    trainer=self.object, level=form.cleaned_data["level"], issued_by=request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Certified; certificate %(number)s issued.") % {"number": certificate.number}
                )
                return redirect(self.viewset.get_url_name("edit"), self.object.pk)
        return self.render(form=form, unmet=trainer_certification_unmet(trainer=self.object))


class NotificationResendView(ObjectActionView):
    """Send a failed notification again, after saying that the person may already have it."""

    model = Notification
    url_name = "resend"
    button_label = gettext_lazy("Send again")
    permission = "resend"
    page_title = gettext_lazy("Send again")
    header_icon = "mail"
    template_name = "trainers/admin/notification_resend.html"

    @classmethod
    def applies_to(cls, obj) -> bool:
        return obj.status == Notification.FAILED

    def get(self, request, pk):
        return self.render()

    def post(self, request, pk):
        if notification_resend(notification=self.object, user=request.user):
            messages.success(request, _("The notification is queued to be sent again."))
        else:
            messages.error(request, _("Only a failed notification can be sent again; this one is not failed."))
        return redirect(self.viewset.get_url_name("index"))


class CertificateRenewView(ObjectActionView):
    """An administrator of the certificate's area renews it once its holder meets the province's renewal rules."""

    model = Certificate
    url_name = "renew"
    button_label = gettext_lazy("Renew")
    permission = "renew"
    page_title = gettext_lazy("Renew certificate")
    header_icon = "repeat"
    button_priority = 25
    template_name = "trainers/admin/certificate_renew.html"

    @classmethod
    def applies_to(cls, obj) -> bool:
        return obj.kind == Certificate.TRAINER and obj.status == Certificate.VALID and obj.expires_on is not None

    def _render(self, **context):
        from .renewal import renewal_check

        return self.render(check=renewal_check(self.object), **context)

    def get(self, request, pk):
        return self._render()

    def post(self, request, pk):
        from .services import certificate_renew

        try:
            renewal = certificate_renew(certificate=self.object, issued_by=request.user)
        except ValidationError as error:
            return self._render(errors=error.messages)
        messages.success(
            request,
            _("Certificate %(old)s renewed: certificate %(new)s issued.")
            % {"old": self.object.number, "new": renewal.number},
        )
        return redirect(self.viewset.get_url_name("inspect"), renewal.pk)
