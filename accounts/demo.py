"""Demo consents: the data is demo_data/consents.json. Loading twice changes nothing."""

import json
from pathlib import Path

from .models import Consent, User
from .privacy import consent_give, consent_withdraw

DATA = Path(__file__).parent / "demo_data" / "consents.json"


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
