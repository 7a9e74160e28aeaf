"""Zalo Notification Service (ZNS): a pre-approved template, its parameters, sent to a phone number.

The contract followed (Zalo's "Gửi ZNS" API, POST https://business.openapi.zalo.me/message/template, and its
error table, https://zalo.cloud/zns/guidelines/handle-error-code):
- the Official Account's token in the `access_token` header; a JSON body {phone: "84…", template_id,
  template_data: {parameter: value}, tracking_id}; the answer {error, message, data: {msg_id, sent_time, quota}}.
- error 0: sent. -100 "Unknown error … vui lòng thử lại sau": tried again. Every other code refuses the
  message for good (-108 phone number invalid, -109 template id invalid, -111/-112 template data empty or
  invalid, -124 access token invalid…), its message kept on the row. HTTP 429 and 5xx: tried again.

Which template each kind of message uses, and which field fills each parameter, is configuration
(ZALO_ZNS_TEMPLATES), since templates are approved by Zalo for one Official Account.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from .base import NotSendable, Outgoing, ProviderBusy, ProviderRefused, ProviderResult, post_json

SENT, RETRY_LATER = 0, -100


def international(phone: str) -> str:
    """+84905123456 → 84905123456, the form ZNS asks for."""
    return phone.lstrip("+")


def resolve(context: dict, path: str) -> str:
    """A dotted field ("course.title", "user.full_name") of the template's context, "" where missing."""
    value = context
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else getattr(value, part, None)
        if value is None:
            return ""
    return str(value() if callable(value) else value)


class ZaloChannel:
    name = "zalo"
    paid = True

    def off_reason(self) -> str:
        if settings.ZALO_ACCESS_TOKEN:
            return ""
        return _("The Zalo channel is not configured (ZALO_ACCESS_TOKEN).")

    def template_for(self, kind: str, language: str) -> dict | None:
        entry = settings.ZALO_ZNS_TEMPLATES.get(kind)
        if isinstance(entry, dict) and "template_id" not in entry:  # one template per language
            entry = entry.get(language) or entry.get("vi")
        return entry if isinstance(entry, dict) and entry.get("template_id") else None

    def prepare(self, *, notification, subject: str, body: str, context) -> Outgoing:
        language = notification.language or (notification.user.preferred_language if notification.user else "")
        template = self.template_for(notification.kind, language or "vi")
        if template is None:
            raise NotSendable(
                _("No approved Zalo template is configured for this kind of message (ZALO_ZNS_TEMPLATES: %s).")
                % notification.kind
            )
        fields = {"subject": subject, **context()}
        data = {name: resolve(fields, path) for name, path in (template.get("params") or {}).items()}
        return Outgoing(
            text=subject,
            template_params={
                "template_id": str(template["template_id"]),
                "template_data": data,
                "tracking_id": f"lms-notification-{notification.pk}",
            },
            cost=settings.ZALO_ZNS_PRICE_VND,
        )

    def send(self, to: str, text: str, template_params: dict) -> ProviderResult:
        payload = {
            "phone": international(to),
            "template_id": template_params["template_id"],
            "template_data": template_params["template_data"],
            "tracking_id": template_params.get("tracking_id", ""),
        }
        try:
            answer = post_json(
                settings.ZALO_ZNS_URL, payload, headers={"access_token": settings.ZALO_ACCESS_TOKEN}, name="Zalo ZNS"
            )
        except ProviderRefused as error:
            return ProviderResult(ok=False, error=str(error))
        code = answer.get("error")
        if code == SENT:
            return ProviderResult(ok=True, provider_id=str((answer.get("data") or {}).get("msg_id") or ""))
        reason = f"Zalo ZNS {code}: {answer.get('message') or 'refused'}"
        if code == RETRY_LATER:
            raise ProviderBusy(reason)
        return ProviderResult(ok=False, error=reason)
