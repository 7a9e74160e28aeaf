"""Demo consents, phone-only learners and requests about personal data: the data is
demo_data/consents.json, phone_learners.json and data_requests.json. Loading twice changes nothing."""

import datetime
import json
from pathlib import Path

from django.utils import timezone

from .models import Consent, DataRequest, User
from .phones import normalise_phone
from .privacy import consent_give, consent_withdraw
from .rights import REQUEST_DEADLINES, data_request_answer, request_due_at

DATA = Path(__file__).parent / "demo_data" / "consents.json"
PHONE_LEARNERS = Path(__file__).parent / "demo_data" / "phone_learners.json"


def load_consents() -> None:
    """What each demo person agreed to; a withdrawn purpose was given first, then withdrawn (its history shows)."""
    for entry in json.loads(DATA.read_text(encoding="utf-8"))["people"]:
        person = User.objects.filter(email__iexact=entry["email"]).first()
        if person is None:
            continue
        for purpose in entry.get("given", []):
            consent_give(person=person, purpose=purpose)
        for purpose in entry.get("withdrawn", []):
            if not Consent.objects.filter(person=person, purpose=purpose).exists():
                consent_give(person=person, purpose=purpose)
                consent_withdraw(person=person, purpose=purpose)


def load_phone_learners(*, password: str) -> list[User]:
    """Learners with a phone number and no e-mail, each with the phone channel they chose and their consents."""
    people = []
    for entry in json.loads(PHONE_LEARNERS.read_text(encoding="utf-8"))["people"]:
        phone = normalise_phone(entry["phone"])
        person = User.objects.filter(phone=phone).first()
        if person is None:
            person = User.objects.create_user(
                phone=phone, password=password, full_name=entry["full_name"], notification_channel=entry["channel"]
            )
        for purpose in entry.get("given", []):
            consent_give(person=person, purpose=purpose)
        people.append(person)
    return people


REQUESTS = Path(__file__).parent / "demo_data" / "data_requests.json"


def load_data_requests() -> None:
    """A request near its deadline and one answered; a person's demo request already there is left as it is."""
    now = timezone.now()
    for entry in json.loads(REQUESTS.read_text(encoding="utf-8"))["requests"]:
        person = User.objects.filter(email__iexact=entry["email"]).first()
        if person is None or DataRequest.objects.filter(person=person, details=entry["details"]).exists():
            continue
        kind = entry["kind"]
        if "hours_left" in entry:
            received_at = now + datetime.timedelta(hours=entry["hours_left"]) - REQUEST_DEADLINES[kind]
        else:
            received_at = now - datetime.timedelta(days=entry["days_ago"])
        data_request = DataRequest.objects.create(
            person=person,
            kind=kind,
            details=entry["details"],
            received_at=received_at,
            due_at=request_due_at(kind, received_at),
        )
        if entry.get("status"):
            data_request_answer(
                data_request=data_request,
                status=entry["status"],
                note=entry["answer"],
                answered_by=User.objects.get(email__iexact=entry["answered_by"]),
            )
