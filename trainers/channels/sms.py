"""SMS by brandname through eSMS.vn (ViHAT): "Send OTP/Customer care message", SendMultipleMessage_V4_post_json.

The contract followed (https://developers.esms.vn/en/esms-api/send-sms-api/send-otp-customer-care-message and
its table of error codes, https://developers.esms.vn/en/esms-api/table-of-error-codes):
- POST JSON {ApiKey, SecretKey, Phone, Content, Brandname, SmsType: "2" (customer care), IsUnicode "0"/"1",
  Sandbox "0"/"1", RequestId}; the answer is JSON {CodeResult, SMSID, ErrorMessage}.
- CodeResult "100": accepted (not yet delivered: delivery is reported to a CallbackUrl, not used here).
- "124" Duplicate RequestId: the same message was accepted before (our retry after a lost answer). The
  RequestId is the outbox row's, so a retry never sends twice within eSMS's 24 hours of blocking.
- Any other code refuses the message: 101 wrong keys, 103 balance, 104 brandname, 108 phone format, 146
  wrong customer-care template… The table lists no rate-limit code: HTTP 429 and 5xx are treated as "busy".
"""

from __future__ import annotations

import math

from django.conf import settings
from django.utils.translation import gettext as _

from core.text import unaccent

from .base import Outgoing, ProviderRefused, ProviderResult, post_json

ACCEPTED, DUPLICATE_REQUEST = "100", "124"
PART_CHARS = {False: 160, True: 70}  # a message part: GSM 7-bit text, or Unicode (accented) text
MAX_PARTS = 2


def national(phone: str) -> str:
    """+84905123456 → 0905123456, the form eSMS's examples use."""
    return "0" + phone[3:] if phone.startswith("+84") else phone


class SmsChannel:
    name = "sms"
    paid = True

    def off_reason(self) -> str:
        if settings.ESMS_API_KEY and settings.ESMS_SECRET_KEY and settings.ESMS_BRANDNAME:
            return ""
        return _("The SMS channel is not configured (ESMS_API_KEY, ESMS_SECRET_KEY, ESMS_BRANDNAME).")

    def prepare(self, *, notification, subject: str, body: str, context) -> Outgoing:
        """Short: the message's subject and the site's address; unaccented unless SMS_UNICODE."""
        unicode = settings.SMS_UNICODE
        site = settings.SITE_URL.rstrip("/").split("://", 1)[-1]
        text = f"{subject} - {site}"
        if not unicode:
            text = unaccent(text)
        limit = PART_CHARS[unicode] * MAX_PARTS
        if len(text) > limit:
            text = text[: limit - 1] + "…" if unicode else text[: limit - 3] + "..."
        parts = max(1, math.ceil(len(text) / PART_CHARS[unicode]))
        return Outgoing(
            text=text,
            template_params={"request_id": f"lms-notification-{notification.pk}"},
            cost=parts * settings.SMS_PRICE_VND,
        )

    def send(self, to: str, text: str, template_params: dict) -> ProviderResult:
        payload = {
            "ApiKey": settings.ESMS_API_KEY,
            "SecretKey": settings.ESMS_SECRET_KEY,
            "Phone": national(to),
            "Content": text,
            "Brandname": settings.ESMS_BRANDNAME,
            "SmsType": "2",
            "IsUnicode": "1" if settings.SMS_UNICODE else "0",
            "Sandbox": "1" if settings.ESMS_SANDBOX else "0",
            "RequestId": template_params.get("request_id", ""),
        }
        try:
            answer = post_json(settings.ESMS_API_URL, payload, name="eSMS")
        except ProviderRefused as error:
            return ProviderResult(ok=False, error=str(error))
        code = str(answer.get("CodeResult", ""))
        if code in (ACCEPTED, DUPLICATE_REQUEST):
            return ProviderResult(ok=True, provider_id=str(answer.get("SMSID") or ""))
        return ProviderResult(ok=False, error=f"eSMS {code}: {answer.get('ErrorMessage') or 'refused'}")
