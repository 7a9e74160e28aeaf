"""The outbox's channels: e-mail, SMS (eSMS.vn) and Zalo ZNS behind one interface (base.py).

trainers/notifications.py picks each message's channel (`channel_for_person`) and sends through it.
"""

from __future__ import annotations

from django.conf import settings

from .base import Channel, NotSendable, Outgoing, ProviderBusy, ProviderResult
from .email import EmailChannel
from .sms import SmsChannel
from .zalo import ZaloChannel

CHANNELS: dict[str, Channel] = {channel.name: channel for channel in (EmailChannel(), SmsChannel(), ZaloChannel())}
# The consent purpose each channel needs (accounts.privacy.CHANNEL_PURPOSES): SMS and Zalo are both "phone".
CONSENT_CHANNEL = {"email": "email", "sms": "phone", "zalo": "phone"}
PHONE_CHANNELS = ("sms", "zalo")


def channel(name: str) -> Channel:
    return CHANNELS[name]


def phone_channel_name() -> str:
    """The phone channel this site uses (NOTIFICATION_PHONE_CHANNEL: sms or zalo)."""
    return settings.NOTIFICATION_PHONE_CHANNEL


__all__ = [
    "CHANNELS",
    "CONSENT_CHANNEL",
    "PHONE_CHANNELS",
    "Channel",
    "NotSendable",
    "Outgoing",
    "ProviderBusy",
    "ProviderResult",
    "channel",
    "phone_channel_name",
]
