"""The privacy notice's version and the consents given under it (Law 91/2025/QH15 on Personal Data Protection).

Verified in the law's text: Article 4 (the data subject's rights: to know, to consent or refuse and to
withdraw consent, to see and correct, to ask for the data, its deletion or restricted processing, to
object) and Article 9 (consent: voluntary, informed of the data, the purpose, the controller and the
person's rights, and given in a clear, specific way). The notice (templates/accounts/privacy_notice_*.html)
cites both. Change the version whenever the notice changes in substance: consents record the version
they were given under.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Consent, User

PRIVACY_NOTICE_VERSION = "2026-12-07.2"  # .2: how to make a request, and the deadlines (accounts.rights)

# The channel an outbox message goes by -> the purpose that allows it.
CHANNEL_PURPOSES = {"email": Consent.NOTIFY_EMAIL, "phone": Consent.NOTIFY_PHONE}


@transaction.atomic
def consents_record(*, person: User, purposes: list[str] | set[str]) -> list[Consent]:
    """Record the purposes a person agreed to now, under the current notice (those in force stay as they are)."""
    return [consent_give(person=person, purpose=purpose) for purpose in purposes]


def consent_give(*, person: User, purpose: str) -> Consent:
    """Give consent to one purpose under the current notice; a no-op returning the row if it is in force."""
    current = Consent.objects.current().filter(person=person, purpose=purpose).first()
    if current is not None:
        return current
    try:
        with transaction.atomic():
            return Consent.objects.create(person=person, purpose=purpose, notice_version=PRIVACY_NOTICE_VERSION)
    except IntegrityError:  # given a moment ago by another request
        return Consent.objects.current().get(person=person, purpose=purpose)


def consent_withdraw(*, person: User, purpose: str) -> bool:
    """Withdraw consent to one purpose at once (False if none was in force)."""
    return bool(Consent.objects.current().filter(person=person, purpose=purpose).update(withdrawn_at=timezone.now()))


def consent_to_channel(*, person_id: int, channel: str) -> bool:
    """Whether the person may be written to by `channel` ("email" or "phone").

    Silence is not consent: a person who answered under the notice is written to only by a channel
    they agreed to. Accounts from before the notice (no answer recorded at all) keep receiving their
    messages until they answer on the account page.
    """
    answers = set(Consent.objects.filter(person_id=person_id).values_list("purpose", "withdrawn_at"))
    if not answers:
        return True
    return (CHANNEL_PURPOSES[channel], None) in answers


def consent_to_statistics(*, person_id: int) -> bool:
    """Whether the programme's statistics may use the person's gender, learner groups and area.

    The same reading of silence as `consent_to_channel`: a person who answered under the notice is counted
    with those attributes only while their consent to statistics is in force (without it they are still
    counted, as someone reached, with none of them); accounts from before the notice keep them until they
    answer. The reports' kept table applies this rule in SQL (`reports.tables.statistics_consented`).
    """
    answers = set(Consent.objects.filter(person_id=person_id).values_list("purpose", "withdrawn_at"))
    return not answers or (Consent.STATISTICS, None) in answers


def consents_export(person: User) -> list[dict]:
    """Every consent the person gave or withdrew, oldest first, for the data download."""
    return [
        {
            "purpose": consent.purpose,
            "notice_version": consent.notice_version,
            "given_at": consent.given_at.isoformat(),
            "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
        }
        for consent in Consent.objects.filter(person=person).order_by("given_at", "pk")
    ]


def consents_anonymise(person: User) -> None:
    """A deleted account agrees to nothing any more: its consents go with it."""
    Consent.objects.filter(person=person).delete()
