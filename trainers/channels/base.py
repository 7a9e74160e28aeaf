"""The interface every channel of the outbox follows, and what a send answers.

A channel turns a rendered notification into what its provider takes (`prepare`), says whether it is
configured (`off_reason`), and sends (`send(to, text, template_params) -> ProviderResult`). What each
outcome does to the outbox row is decided in one place, trainers/notifications.py `notification_send`:
- `ProviderResult(ok=True)`: sent;
- `ProviderResult(ok=False, error=…)`: the provider refused this message for good (an invalid phone number,
  a template error): failed, with the provider's reason, not retried;
- `ProviderBusy` raised (a rate limit, a timeout, a provider error it asks to retry): the row goes back to
  pending with the reason and is tried again, until it has had its attempts; then it is failed, that reason kept;
- `NotSendable` raised by `prepare` (no template configured for this kind): it waits, pending, reason shown.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings


@dataclass(frozen=True)
class ProviderResult:
    ok: bool
    provider_id: str = ""
    error: str = ""


@dataclass(frozen=True)
class Outgoing:
    """What a channel sends for one row: its text, the template parameters, and what it costs (VND)."""

    text: str
    template_params: dict = field(default_factory=dict)
    cost: int = 0


class ProviderBusy(OSError):
    """Worth another try later (a rate limit, a timeout, a provider's temporary error).

    An OSError, so the send task's retry on transient errors (core/transient_errors.py) covers it.
    """


class NotSendable(Exception):
    """This message cannot go by this channel as configured (the reason is shown on the row)."""


class Channel(Protocol):
    name: str
    paid: bool

    def off_reason(self) -> str:
        """Why the channel is off (no credentials), or "" when it is on."""

    def prepare(self, *, notification, subject: str, body: str, context) -> Outgoing:
        """The text and parameters for this row (`context()` gives the template's fields); NotSendable if none."""

    def send(self, to: str, text: str, template_params: dict) -> ProviderResult:
        """Send one message; ProviderBusy when it is worth trying again."""


class ProviderRefused(Exception):
    """The provider refused the request for good (HTTP 4xx other than a rate limit): not worth a retry."""


def post_json(url: str, payload: dict, *, headers: dict | None = None, name: str) -> dict:
    """POST `payload` as JSON and read a JSON answer.

    Rate limits (HTTP 429), server errors (5xx), timeouts and unreachable hosts raise ProviderBusy; any other
    HTTP error raises ProviderRefused.
    """
    request = urllib.request.Request(
        url,
        data=json.dumps(payload, ensure_ascii=False).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.CHANNEL_TIMEOUT_SECONDS) as response:  # noqa: S310
            raw = response.read()
    except urllib.error.HTTPError as error:
        reason = f"{name}: HTTP {error.code} {error.reason}"
        if error.code in (408, 429) or error.code >= 500:
            raise ProviderBusy(reason) from error
        raise ProviderRefused(reason) from error
    except TimeoutError as error:
        raise ProviderBusy(f"{name}: no answer within {settings.CHANNEL_TIMEOUT_SECONDS:g} s") from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise ProviderBusy(f"{name}: no answer within {settings.CHANNEL_TIMEOUT_SECONDS:g} s") from error
        raise ProviderBusy(f"{name}: {error.reason}") from error
    try:
        return json.loads(raw or b"{}")
    except ValueError as error:
        raise ProviderBusy(f"{name}: an answer that is not JSON") from error
