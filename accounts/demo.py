"""Demo consents and phone-only learners: the data is demo_data/consents.json and phone_learners.json.

Loading twice changes nothing.
"""

import json
from pathlib import Path

from .models import Consent, User
from .phones import normalise_phone
from .privacy import consent_give, consent_withdraw

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
