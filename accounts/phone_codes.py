"""One-time codes sent to a phone number: a password reset for a phone-only person, and a new number's check.

A code has 6 digits, works for CODE_LIFETIME (10 minutes), once, and dies after MAX_ATTEMPTS wrong entries;
asking for a new one ends the earlier one. The database keeps no code: the row keeps a random salt and the
code is a keyed hash of it under SECRET_KEY (`code_for`), so a copy of the database gives no working code.

Sending is not this app's: the outbox lives above it (trainers), which registers how to send and whether a
phone channel is on (`register_sender`, from its `AppConfig.ready()`, as it registers the profile form).
A registry rather than a signal because `accounts` needs an answer (is a phone channel on?) and a signal
returns none worth reading.

Whoever asks is answered the same whether or not the number has an account (the views say the same words
and take the same path); requests are throttled per number (silently: a refusal would tell that the number
is known) and per client (a 429, as registration is).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from .backends import login_attempts_forget
from .models import PhoneCode, User
from .throttles import value_throttled

CODE_DIGITS = 6
CODE_LIFETIME = timezone.timedelta(minutes=10)
MAX_ATTEMPTS = 5
# Codes one number may be sent per window, whoever asks: a person who mistyped asks again; a stranger cannot
# make the site send a number message after message (it costs money, and it bothers its owner).
PER_NUMBER_LIMIT = 3
PER_NUMBER_WINDOW = 900


@dataclass(frozen=True)
class Sender:
    available: Callable[[], bool]
    send: Callable[[PhoneCode], None]


_registered: dict[str, Sender] = {}


def register_sender(*, available: Callable[[], bool], send: Callable[[PhoneCode], None]) -> None:
    """Declare how codes are sent (`send(code)`, in the transaction that made the row) and whether they can be."""
    _registered["sender"] = Sender(available=available, send=send)


def phone_delivery_available() -> bool:
    """Whether a code can go by phone here (an SMS or Zalo channel is configured)."""
    sender = _registered.get("sender")
    return bool(sender and sender.available())


def code_for(code: PhoneCode) -> str:
    """The code's digits: a keyed hash of the row's salt (computed again, never stored)."""
    digest = salted_hmac("accounts.PhoneCode", code.salt).hexdigest()
    return str(int(digest, 16) % 10**CODE_DIGITS).zfill(CODE_DIGITS)


def is_live(code: PhoneCode) -> bool:
    return code.used_at is None and code.attempts < MAX_ATTEMPTS and code.expires_at > timezone.now()


@transaction.atomic
def phone_code_issue(*, user: User, purpose: str, phone: str) -> PhoneCode:
    """Make a new code for `user` sent to `phone` (ending their earlier ones for the purpose), and send it."""
    now = timezone.now()
    PhoneCode.objects.filter(user=user, purpose=purpose, used_at__isnull=True, expires_at__gt=now).update(
        expires_at=now
    )
    code = PhoneCode.objects.create(
        user=user, purpose=purpose, phone=phone, salt=secrets.token_hex(32), expires_at=now + CODE_LIFETIME
    )
    sender = _registered.get("sender")
    if sender is not None:
        sender.send(code)
    return code


def password_reset_code_request(*, phone: str) -> PhoneCode | None:
    """Send a reset code to the active account of `phone`, if there is one and the number is not over its limit.

    The caller answers the same whatever this returns.
    """
    if value_throttled(scope="phone-code", value=phone, limit=PER_NUMBER_LIMIT, window=PER_NUMBER_WINDOW):
        return None
    user = User.objects.filter(phone=phone, is_active=True).first()
    if user is None:
        return None
    return phone_code_issue(user=user, purpose=PhoneCode.RESET, phone=phone)


def phone_change_request(*, user: User, phone: str) -> PhoneCode | None:
    """Send a code to the new number `phone`; the number changes only when it is entered (`phone_change_confirm`).

    Nothing is sent to a number another account uses (the caller answers the same), nor past the number's limit.
    """
    if value_throttled(scope="phone-code", value=phone, limit=PER_NUMBER_LIMIT, window=PER_NUMBER_WINDOW):
        return None
    if User.objects.filter(phone=phone).exclude(pk=user.pk).exists():
        return None
    return phone_code_issue(user=user, purpose=PhoneCode.PHONE_CHANGE, phone=phone)


def phone_change_pending(user: User) -> PhoneCode | None:
    """The new number waiting for its code, if any."""
    if not user.is_authenticated:
        return None
    return PhoneCode.objects.live().filter(user=user, purpose=PhoneCode.PHONE_CHANGE).order_by("-created_at").first()


def phone_code_match(*, phone: str, purpose: str, code: str, user: User | None = None) -> PhoneCode | None:
    """The live code sent to `phone` for `purpose` if `code` is its digits, else None; every try counts.

    The attempt is counted by a conditional UPDATE before comparing, so requests racing cannot try more than
    MAX_ATTEMPTS times between them. Only the newest code for the number works.
    """
    codes = PhoneCode.objects.live().filter(phone=phone, purpose=purpose)
    if user is not None:
        codes = codes.filter(user=user)
    row = codes.order_by("-created_at").first()
    if row is None:
        return None
    counted = PhoneCode.objects.filter(pk=row.pk, used_at__isnull=True, attempts__lt=MAX_ATTEMPTS).update(
        attempts=F("attempts") + 1
    )
    typed = "".join(ch for ch in str(code) if ch.isdigit())
    if not counted or not constant_time_compare(code_for(row), typed):
        return None
    return row


def _spend(code: PhoneCode) -> bool:
    """Use the code up; False if another request used it first."""
    return bool(PhoneCode.objects.filter(pk=code.pk, used_at__isnull=True).update(used_at=timezone.now()))


@transaction.atomic
def password_reset_by_code(*, code: PhoneCode, password: str) -> bool:
    """Set the new password of the code's person and use the code up (False if it was used meanwhile).

    A new password ends every other session of the person (Django checks each session's password hash) and
    clears their sign-in lockout.
    """
    if code.purpose != PhoneCode.RESET or not _spend(code):
        return False
    user = User.objects.select_for_update().get(pk=code.user_id)
    if user.phone != code.phone:  # the number changed since: the code was not for this account's number
        transaction.set_rollback(True)
        return False
    user.set_password(password)
    user.save(update_fields=["password"])
    login_attempts_forget(user)
    return True


@transaction.atomic
def phone_change_confirm(*, code: PhoneCode) -> bool:
    """Give the code's person the new number (False if used meanwhile, or the number is another account's now)."""
    if code.purpose != PhoneCode.PHONE_CHANGE or not _spend(code):
        return False
    if User.objects.filter(phone=code.phone).exclude(pk=code.user_id).exists():
        transaction.set_rollback(True)
        return False
    user = User.objects.select_for_update().get(pk=code.user_id)
    login_attempts_forget(user)  # the lockouts kept under the old number
    user.phone = code.phone
    user.save(update_fields=["phone"])
    return True


def phone_codes_export(user: User) -> list[dict]:
    """The codes sent to the person (when, to which number, whether used), for the data download."""
    return [
        {
            "purpose": row.purpose,
            "phone": row.phone,
            "created_at": row.created_at.isoformat(),
            "used_at": row.used_at.isoformat() if row.used_at else None,
        }
        for row in PhoneCode.objects.filter(user=user).order_by("created_at", "pk")
    ]


def phone_codes_forget(user: User) -> None:
    PhoneCode.objects.filter(user=user).delete()


KEEP_CODES = timezone.timedelta(days=30)  # long enough to answer "did someone ask for a code for my number?"


def phone_codes_forget_old(*, now=None) -> int:
    """Delete the codes (and the numbers they went to) made more than KEEP_CODES ago."""
    now = now or timezone.now()
    deleted, _by_model = PhoneCode.objects.filter(created_at__lt=now - KEEP_CODES).delete()
    return deleted
