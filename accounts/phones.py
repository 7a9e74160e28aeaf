"""Vietnamese phone numbers: one canonical E.164 form for every way people write them."""

import phonenumbers


def normalise_phone(raw: str) -> str | None:
    """Return the E.164 form of a Vietnamese (or international) number, or None if invalid.

    "0905 123 456", "+84 905 123 456", "84905123456" and "905.123.456" are one number.
    """
    text = "".join(ch for ch in str(raw or "") if ch.isdigit() or ch == "+")
    if not text:
        return None
    # "84905123456" typed without the plus is common in spreadsheets.
    if text.startswith("84") and len(text) in (11, 12):
        text = "+" + text
    try:
        number = phonenumbers.parse(text, "VN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def looks_like_phone(value: str) -> bool:
    """True when a login identifier is a phone number rather than an email address."""
    return "@" not in value and any(ch.isdigit() for ch in value)
