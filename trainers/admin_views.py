"""Wagtail admin views of the trainer programme: its permission policies and object actions.

The scoped views and policy they build on (`visible_to(user)` for every view) live in `areas.admin_views`.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from accounts.links import password_link_notice, password_setting_link
from areas.admin_views import ScopedPermissionPolicy
from areas.models import admin_area_ids
from core.admin_actions import ObjectActionView

from .admin_forms import CertifyForm, RevokeForm
from .models import Certificate, Notification, Profile, Trainer
from .notifications import notification_resend
from .pdf import qr_svg
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


class ProfilePasswordLinkView(ObjectActionView):
    """Let a person back in who has no e-mail (or no phone channel): an administrator of their area makes a one-time
    link to choose a password, shown as a QR code to scan from the screen or a link to write down, and handed over
    in person. Only the person's area's administrators see the profile (the scoped viewset); each link is logged
    with who made it."""

    model = Profile
    url_name = "password_link"
    button_label = gettext_lazy("Password link")
    permission = "change"
    page_title = gettext_lazy("A link to choose a new password")
    header_icon = "key"
    button_priority = 40
    template_name = "trainers/admin/profile_password_link.html"

    @classmethod
    def applies_to(cls, obj) -> bool:
        return obj.user.is_active

    def get(self, request, pk):
        return self.render(link=None)

    def post(self, request, pk):
        person = self.object.user
        if not person.is_active:
            return redirect(self.viewset.get_url_name("inspect"), self.object.pk)
        link = password_setting_link(person)
        log(self.object, "trainers.profile.password_link", user=request.user)
        response = self.render(link=link, qr=qr_svg(link), notice=password_link_notice())
        add_never_cache_headers(response)  # the link lets whoever holds it in: never kept by a browser or proxy
        return response


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
