"""Load the demo showcase from the data files in `demo_data/` (format: `demo_data/README.md`).

A past Startup Day with registrations, check-ins and awards, an upcoming one, projects and the support network.
Every file is read and checked before a row is written. `load_showcase(home)` is idempotent: rows are found by
natural keys (page slug, email, project title, organisation slug) and left alone on a second run.
"""

from __future__ import annotations

import datetime
import zoneinfo
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from areas.models import Area
from core.demo_data import (
    DemoDataError,
    at,
    check_choice,
    check_keys,
    check_strings,
    check_type,
    check_unique,
    fail,
    parse_local,
    read_json,
)
from trainers.models import Profile, Trainer

from .models import (
    Award,
    EventIndexPage,
    EventPage,
    ProjectMember,
    Registration,
    StartupProject,
    SupportOrganisation,
    new_check_in_code,
)

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
TZ = zoneinfo.ZoneInfo(settings.TIME_ZONE)
UPCOMING_SLUG = "ngay-hoi-khoi-nghiep-duy-xuyen"  # the event of events.json that is always ahead
DATETIME, DATE, TIME = "%Y-%m-%d %H:%M", "%Y-%m-%d", "%H:%M"

# The keys each object may have: key -> (type, required). A key not listed here is a mistake.
EVENTS_KEYS = {"index": (dict, True), "events": (list, True)}
INDEX_KEYS = {"title": (str, True), "slug": (str, True), "intro": (str, True)}
EVENT_KEYS = {
    "title": (str, True),
    "slug": (str, True),
    "kind": (str, True),
    "date": (str, False),  # a fixed day, or:
    "days_after_load": (int, False),  # that many days after the first load, so the demo always has one ahead
    "starts": (str, True),
    "ends": (str, True),
    "place": (str, True),
    "district": (str, True),
    "organiser": (str, True),
    "summary": (str, True),
    "capacity": (int, True),
    "registration_open": (bool, True),
    "programme": (list, True),
}
PROGRAMME_KEYS = {"time": (str, True), "title": (str, True), "speaker": (str, True)}
PROJECTS_KEYS = {"reviewed_at": (str, True), "projects": (list, True)}
PROJECT_KEYS = {
    "title": (str, True),
    "district": (str, True),
    "commune": (str, False),
    "sector": (str, True),
    "stage": (str, True),
    "origin": (str, True),
    "ocop_stars": (int, False),
    "status": (str, True),
    "review_comment": (str, False),
    "mentor": (str, False),
    "pitch": (str, True),
    "team": (list, True),
}
MEMBER_KEYS = {"name": (str, True), "email": (str, True), "gender": (str, True), "student": (bool, True)}
REGISTRATIONS_KEYS = {"event": (str, True), "registrations": (list, True)}
REGISTRATION_KEYS = {
    "person": (str, False),
    "full_name": (str, False),
    "phone": (str, False),
    "status": (str, True),
    "checked_in_at": (str, False),
}
AWARDS_KEYS = {"event": (str, True), "year": (int, True), "awarded_by": (str, True), "awards": (list, True)}
AWARD_KEYS = {"title": (str, True), "rank": (str, True), "project": (str, True)}
RANKS = {
    "first": Award.FIRST,
    "second": Award.SECOND,
    "third": Award.THIRD,
    "consolation": Award.CONSOLATION,
    "special": Award.SPECIAL,
}
ORGANISATION_KEYS = {
    "slug": (str, True),
    "name": (str, True),
    "kind": (str, True),
    "district": (str, False),
    "summary": (str, True),
    "offers": (list, True),
    "website": (str, True),
    "contact": (dict, True),
    "publish_contact": (bool, True),
    "supports": (list, True),
}
CONTACT_KEYS = {"name": (str, True), "email": (str, True), "phone": (str, True), "address": (str, True)}


def _codes(choices) -> list[str]:
    return [code for code, _label in choices]


def _check_items(where: str, items: list, keys: dict) -> list[dict]:
    return [check_keys(at(where, n), item, keys) for n, item in enumerate(items)]


def _check_events(data: object) -> dict:
    data = check_keys("", data, EVENTS_KEYS)
    check_keys("index", data["index"], INDEX_KEYS)
    for n, event in enumerate(_check_items("events", data["events"], EVENT_KEYS)):
        where = at("events", n)
        check_choice(at(where, "kind"), event["kind"], _codes(EventPage.KINDS))
        if ("date" in event) == ("days_after_load" in event):
            raise fail(where, "give either date or days_after_load")
        if "date" in event:
            parse_local(at(where, "date"), event["date"], DATE)
        starts = parse_local(at(where, "starts"), event["starts"], TIME)
        if parse_local(at(where, "ends"), event["ends"], TIME) <= starts:
            raise fail(at(where, "ends"), "must be after starts")
        for i, item in enumerate(_check_items(at(where, "programme"), event["programme"], PROGRAMME_KEYS)):
            parse_local(at(at(at(where, "programme"), i), "time"), item["time"], TIME)
    check_unique("events", data["events"], "slug")
    return data


def _check_projects(data: object) -> dict:
    data = check_keys("", data, PROJECTS_KEYS)
    parse_local("reviewed_at", data["reviewed_at"], DATETIME)
    S = StartupProject
    for n, project in enumerate(_check_items("projects", data["projects"], PROJECT_KEYS)):
        where = at("projects", n)
        for key, choices in (("sector", S.SECTORS), ("stage", S.STAGES), ("origin", S.ORIGINS), ("status", S.STATUSES)):
            check_choice(at(where, key), project[key], _codes(choices))
        for m, member in enumerate(_check_items(at(where, "team"), project["team"], MEMBER_KEYS)):
            check_choice(at(at(at(where, "team"), m), "gender"), member["gender"], _codes(Profile.GENDERS))
    check_unique("projects", data["projects"], "title")
    check_unique("projects[].team", [m for p in data["projects"] for m in p["team"]], "email")
    return data


def _check_registrations(data: object, events: dict, projects: dict) -> dict:
    data = check_keys("", data, REGISTRATIONS_KEYS)
    check_choice("event", data["event"], [event["slug"] for event in events["events"]])
    members = {member["email"] for project in projects["projects"] for member in project["team"]}
    for n, row in enumerate(_check_items("registrations", data["registrations"], REGISTRATION_KEYS)):
        where = at("registrations", n)
        if "person" in row:
            check_choice(at(where, "person"), row["person"], members)  # a team member's account
            if "full_name" in row or "phone" in row:
                raise fail(where, "give either person or full_name and phone")
        elif "full_name" not in row or "phone" not in row:
            raise fail(where, "give either person or full_name and phone")
        check_choice(at(where, "status"), row["status"], _codes(Registration.STATUSES))
        if "checked_in_at" in row:
            parse_local(at(where, "checked_in_at"), row["checked_in_at"], DATETIME)
    return data


def _check_awards(data: object, events: dict, projects: dict) -> dict:
    data = check_keys("", data, AWARDS_KEYS)
    check_choice("event", data["event"], [event["slug"] for event in events["events"]])
    titles = [project["title"] for project in projects["projects"]]
    for n, award in enumerate(_check_items("awards", data["awards"], AWARD_KEYS)):
        check_choice(at(at("awards", n), "rank"), award["rank"], RANKS)
        check_choice(at(at("awards", n), "project"), award["project"], titles)
    return data


def _check_organisations(data: object, projects: dict) -> list[dict]:
    check_type("", data, list)
    titles = [project["title"] for project in projects["projects"]]
    for n, organisation in enumerate(_check_items("", data, ORGANISATION_KEYS)):
        where = at("", n)
        check_choice(at(where, "kind"), organisation["kind"], _codes(SupportOrganisation.KINDS))
        check_strings(at(where, "offers"), organisation["offers"])
        check_keys(at(where, "contact"), organisation["contact"], CONTACT_KEYS)
        check_strings(at(where, "supports"), organisation["supports"], titles)
    check_unique("", data, "slug")
    return data


def _read(data_dir: Path, name: str, check, *others):
    path = data_dir / name
    try:
        return check(read_json(path), *others)
    except DemoDataError as error:
        message = str(error)
        raise DemoDataError(message if message.startswith(str(path)) else f"{path}: {message}") from None


def read_showcase(data_dir: Path = DATA_DIR) -> dict:
    """Every file, checked, including that the names one file uses for another's rows exist there."""
    events = _read(data_dir, "events.json", _check_events)
    projects = _read(data_dir, "projects.json", _check_projects)
    return {
        "events": events,
        "projects": projects,
        "registrations": _read(data_dir, "registrations.json", _check_registrations, events, projects),
        "awards": _read(data_dir, "awards.json", _check_awards, events, projects),
        "organisations": _read(data_dir, "organisations.json", _check_organisations, projects),
    }


def _check_districts(data: dict, districts: dict[str, Area], data_dir: Path) -> None:
    """The district names against the area tree, which is loaded before the showcase."""
    uses = [
        ("events.json", at(at("events", n), "district"), e["district"]) for n, e in enumerate(data["events"]["events"])
    ]
    uses += [
        ("projects.json", at(at("projects", n), "district"), p["district"])
        for n, p in enumerate(data["projects"]["projects"])
    ]
    uses += [
        ("organisations.json", at(at("", n), "district"), o["district"])
        for n, o in enumerate(data["organisations"])
        if "district" in o
    ]
    for name, where, district in uses:
        if district not in districts:
            raise DemoDataError(f"{data_dir / name}: {where}: unknown district {district!r}")


def _aware(text: str, pattern: str = DATETIME) -> datetime.datetime:
    return parse_local("", text, pattern).replace(tzinfo=TZ)


def _publish(parent, page):
    """Add a page under its parent once; a second run finds it by slug and leaves it alone."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _member(member: dict, district: Area):
    """A team member's account (who cannot sign in) and profile, found again by email on a second run."""
    from accounts.models import User
    from courses.models import Audience

    user = User.objects.filter(email__iexact=member["email"]).first()
    if user is None:
        user = User.objects.create_user(email=member["email"], password=None, full_name=member["name"])
    profile, _created = Profile.objects.get_or_create(
        user=user, defaults={"gender": member["gender"], "area": district}
    )
    if member["student"]:
        profile.learner_groups.add(*Audience.objects.filter(code=Audience.STUDENTS))
    return user


def _events(home, data: dict, districts: dict[str, Area]) -> dict[str, EventPage]:
    index = _publish(home, EventIndexPage(**data["index"]))
    events = {}
    for event in data["events"]:
        if "date" in event:
            day = parse_local("", event["date"], DATE).date()
        else:
            # Relative to the first run, so the demo always has an event to register for.
            day = timezone.localdate() + datetime.timedelta(days=event["days_after_load"])
        events[event["slug"]] = _publish(
            index,
            EventPage(
                title=event["title"],
                slug=event["slug"],
                kind=event["kind"],
                starts_at=_aware(f"{day:%Y-%m-%d} {event['starts']}"),
                ends_at=_aware(f"{day:%Y-%m-%d} {event['ends']}"),
                place=event["place"],
                area=districts[event["district"]],
                organiser=event["organiser"],
                summary=event["summary"],
                capacity=event["capacity"],
                registration_open=event["registration_open"],
                programme=[
                    (
                        "item",
                        {
                            "starts_at": parse_local("", item["time"], TIME).time(),
                            "title": item["title"],
                            "speaker": item["speaker"],
                            "description": "",
                        },
                    )
                    for item in event["programme"]
                ],
            ),
        )
    return events


def _projects(data: dict, districts: dict[str, Area]) -> dict[str, StartupProject]:
    reviewed_at = _aware(data["reviewed_at"])
    mentors = {
        email: Trainer.objects.filter(person__email=email).first()  # none when the programme is not loaded
        for email in {project["mentor"] for project in data["projects"] if "mentor" in project}
    }
    S = StartupProject
    projects = {}
    for row in data["projects"]:
        district = districts[row["district"]]
        project = StartupProject.objects.filter(title=row["title"]).first()
        if project is None:
            status = row["status"]
            project = StartupProject.objects.create(
                title=row["title"],
                pitch=row["pitch"],
                area=district,
                commune=Area.objects.get(code=row["commune"], valid_from=None) if "commune" in row else None,
                sector=row["sector"],
                stage=row["stage"],
                origin=row["origin"],
                ocop_stars=row.get("ocop_stars"),
                status=status,
                mentor=mentors.get(row.get("mentor")),
                submitted_at=reviewed_at if status != S.DRAFT else None,
                reviewed_at=reviewed_at if status in (S.PUBLISHED, S.RETURNED) else None,
                published_at=reviewed_at if status == S.PUBLISHED else None,
                review_comment=row.get("review_comment", ""),
            )
        for position, member in enumerate(row["team"]):
            person = _member(member, district)
            ProjectMember.objects.get_or_create(project=project, person=person, defaults={"is_lead": position == 0})
        projects[row["title"]] = project
    return projects


def _registrations(data: dict, events: dict[str, EventPage]) -> None:
    from accounts.models import User

    event = events[data["event"]]
    if event.registrations.exists():
        return
    people = {
        user.email: user
        for user in User.objects.filter(email__in=[r["person"] for r in data["registrations"] if "person" in r])
    }
    rows = []
    for row in data["registrations"]:
        person = people.get(row.get("person"))
        rows.append(
            Registration(
                event=event,
                person=person,
                full_name=person.full_name if person else row["full_name"],
                email=person.email if person else None,
                phone=None if person else row["phone"],
                status=row["status"],
                code=new_check_in_code(),
                checked_in_at=_aware(row["checked_in_at"]) if "checked_in_at" in row else None,
            )
        )
    Registration.objects.bulk_create(rows)


def _awards(data: dict, events: dict[str, EventPage], projects: dict[str, StartupProject]) -> None:
    for award in data["awards"]:
        Award.objects.get_or_create(
            project=projects[award["project"]],
            title=award["title"],
            year=data["year"],
            defaults={"rank": RANKS[award["rank"]], "event": events[data["event"]], "awarded_by": data["awarded_by"]},
        )


def _organisations(data: list[dict], districts: dict[str, Area], projects: dict[str, StartupProject]) -> None:
    for row in data:
        contact = row["contact"]
        organisation, created = SupportOrganisation.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "kind": row["kind"],
                "area": districts[row["district"]] if "district" in row else None,
                "summary": row["summary"],
                "offers": "\n".join(row["offers"]),
                "website": row["website"],
                "contact_name": contact["name"],
                "contact_email": contact["email"],
                "contact_phone": contact["phone"],
                "address": contact["address"],
                "publish_contact": row["publish_contact"],
            },
        )
        if created:
            organisation.supported_projects.set([projects[title] for title in row["supports"]])


@transaction.atomic
def load_showcase(home, *, data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Create the demo events, projects, awards and support organisations once; returns what exists."""
    from areas.loader import load_areas

    data = read_showcase(data_dir)  # all files checked before the first row is written
    districts = load_areas()
    _check_districts(data, districts, data_dir)
    events = _events(home, data["events"], districts)
    projects = _projects(data["projects"], districts)
    _registrations(data["registrations"], events)
    _awards(data["awards"], events, projects)
    _organisations(data["organisations"], districts, projects)
    return {
        "events": EventPage.objects.count(),
        "projects": StartupProject.objects.count(),
        "registrations": Registration.objects.count(),
        "awards": Award.objects.count(),
        "organisations": SupportOrganisation.objects.count(),
    }
