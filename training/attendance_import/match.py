"""Match: the accounts the list's people already have (by phone, then email) and each person's own commune.

Only people filed in the importer's area are shown with what the system records about them; for anyone
else the report says only that the phone or email is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from areas.models import Area, admin_area_ids
from areas.rollup import AreaTree, area_tree
from core.text import fold_vi
from trainers.models import Profile
from training.models import TrainingSession

from .layout import FIELD_LABELS, header_key
from .report import ImportReport
from .rows import PersonRow

COMMUNE_PREFIXES = ("thi tran ", "phuong ", "xa ", "tt ", "p ")
COMMUNE_KINDS = (Area.WARD, Area.COMMUNE, Area.TOWNSHIP)


def home_district(area: Area, tree: AreaTree | None = None) -> Area:
    """The former district a session's records count for (the rule: `areas.rollup`); the area itself at province level.

    A session filed under one of today's communes belongs to the former district it was formed in.
    """
    return (tree or area_tree()).district(area) or area


def chunks(items: list, size: int = 500) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def in_scope(user, ids: Iterable[int]) -> set[int]:
    """Of these accounts, those the importer may see: people filed in their area (everyone, from the command line)."""
    ids = list(ids)
    if user is None or admin_area_ids(user) is None:
        return set(ids)
    visible = set()
    for chunk in chunks(ids):
        visible.update(Profile.objects.visible_to(user).filter(user_id__in=chunk).values_list("user_id", flat=True))
    return visible


def match_people(people: list[PersonRow], report: ImportReport, user) -> None:
    """Link each row to the account its phone (else its email) belongs to; say nothing stored about outsiders."""
    User = get_user_model()
    phones = [p.phone for p in people if p.phone]
    emails = [p.email for p in people if p.email]
    found = {}
    for chunk in chunks(phones):
        found.update({u.pk: u for u in User.objects.filter(phone__in=chunk)})
    for chunk in chunks(emails):
        found.update({u.pk: u for u in User.objects.annotate(email_l=Lower("email")).filter(email_l__in=chunk)})
    visible = in_scope(user, found)
    by_phone = {u.phone: u for u in found.values() if u.phone}
    by_email = {u.email.lower(): u for u in found.values() if u.email}
    for person in people:
        phone_user = by_phone.get(person.phone) if person.phone else None
        email_user = by_email.get(person.email) if person.email else None
        if phone_user and email_user and phone_user.pk != email_user.pk:
            if {phone_user.pk, email_user.pk} <= visible:
                message = _(
                    "The phone number belongs to “%(phone_person)s” and the email to “%(email_person)s” in the system."
                ) % {"phone_person": phone_user, "email_person": email_user}
            else:
                message = _("The phone number and the email belong to two different people in the system.")
            report.error(person.line, "", message)
            continue
        account = phone_user or email_user
        if account is None:
            continue
        person.user_id = account.pk
        if account.pk not in visible:
            report.warn(
                person.line,
                "",
                _(
                    "This phone number or email belongs to a person registered outside your area: the attendance "
                    "is recorded for them, and their account is neither shown nor changed."
                ),
            )
            continue
        if fold_vi(account.full_name) != fold_vi(person.full_name):
            report.warn(
                person.line,
                FIELD_LABELS["full_name"],
                _("“%(name)s” is recorded in the system as “%(recorded)s”; the system's name is kept.")
                % {"name": person.full_name, "recorded": account.full_name},
            )
        if person.email and account.email and account.email.lower() != person.email:
            report.warn(
                person.line,
                FIELD_LABELS["email"],
                _("The system has another email for this person (%(email)s); it is kept.") % {"email": account.email},
            )
        if person.phone and account.phone and account.phone != person.phone:
            report.warn(
                person.line,
                FIELD_LABELS["phone"],
                _("The system has another phone number for this person (%(phone)s); it is kept.")
                % {"phone": account.phone},
            )


def commune_key(name: str) -> str:
    key = header_key(name)
    for prefix in COMMUNE_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def _commune_named_in(text: str, communes: dict[str, Area]) -> Area | None:
    """The commune an address or a unit names: "Thôn 3, xã Duy Hòa", "UBND xã Duy Hòa", "Duy Hòa - Duy Xuyên"."""
    for part in re.split(r"[,;\-–]", text):
        if area := communes.get(commune_key(part)):
            return area
    words = f" {header_key(text)} "
    found = [
        (len(key), area)
        for key, area in communes.items()
        if any(f" {prefix}{key} " in words for prefix in COMMUNE_PREFIXES)
    ]
    return max(found, key=lambda item: item[0])[1] if found else None


def resolve_communes(
    people: list[PersonRow], district: Area, session: TrainingSession, report: ImportReport, tree: AreaTree
) -> None:
    """Each person's own commune, from the commune column, else from their address or unit.

    Worked out on the import's area tree, in memory: no query, however many communes were merged.
    """
    if not any(p.commune or p.address or p.organisation for p in people):
        return
    day = session.starts_on
    # The district's communes and the units formed from them since (today's Xã Thu Bồn for Duy Xuyên),
    # as far as they existed by the session's first day; at province level, the units directly under it.
    pool = tree.members(district) if district.is_district else tree.children.get(district.pk, [])
    candidates = [
        tree.areas[pk]
        for pk in pool
        if tree.areas[pk].kind in COMMUNE_KINDS and (tree.areas[pk].valid_from or day) <= day
    ]
    communes: dict[str, Area] = {}
    for area in sorted(candidates, key=lambda a: a.is_valid_on(day)):
        # Prefer the unit that existed on the session's first day when a name was reused.
        communes[commune_key(area.name)] = area
    for key, area in communes.items():
        # A name people still use for a commune merged before the session: the unit it became then.
        if not area.is_valid_on(day) and len(later := tree.current_units(area, on=day)) == 1:
            communes[key] = later[0]
    for person in people:
        if person.commune:
            person.commune_area = communes.get(commune_key(person.commune)) or _commune_named_in(
                person.commune, communes
            )
            if person.commune_area is None:
                report.warn(
                    person.line,
                    FIELD_LABELS["commune"],
                    _("“%(commune)s” is not a commune of %(district)s; it was left empty.")
                    % {"commune": person.commune, "district": district},
                )
            continue
        for text in (person.address, person.organisation):
            if text and (area := _commune_named_in(text, communes)):
                person.commune_area, person.commune = area, area.name
                break
