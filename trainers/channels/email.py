"""E-mail: the outbox's first channel, through Django's mail backend (EMAIL_URL)."""

from __future__ import annotations

from django.core.mail import EmailMessage

from .base import Outgoing, ProviderResult


class EmailChannel:
    name = "email"
    paid = False

    def off_reason(self) -> str:
        return ""  # always on: with EMAIL_URL empty, messages are kept as files (lms/settings/environment.py)

    def prepare(self, *, notification, subject: str, body: str, context) -> Outgoing:
        # Lets a mail provider that honours it drop a duplicate.
        headers = {"X-Idempotency-Key": f"lms-notification-{notification.pk}"}
        return Outgoing(text=body, template_params={"subject": subject, "headers": headers})

    def send(self, to: str, text: str, template_params: dict) -> ProviderResult:
        # An SMTP error raises (an OSError): the row goes back to pending, as for any transient error.
        EmailMessage(
            subject=template_params["subject"], body=text, to=[to], headers=template_params.get("headers")
        ).send()
        return ProviderResult(ok=True)
