import datetime
import json
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

from reports.figures import event_reach, project_breakdown, public_counts
from showcase.demo import load_showcase
from showcase.models import EventPage, Registration, StartupProject

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_again_changes_nothing(home):
    first = load_showcase(home)
    assert first["projects"] == 24 and first["awards"] == 6 and first["organisations"] == 7
    assert first["events"] == 2 and first["registrations"] > 40
    assert load_showcase(home) == first

    startup_day = EventPage.objects.get(slug="ngay-hoi-khoi-nghiep-2024")
    reach = next(row for row in event_reach() if row["pk"] == startup_day.pk)
    assert 0 < reach["checked_in"] <= reach["confirmed"] <= startup_day.capacity
    assert reach["checked_in_women"] > 0

    breakdown = project_breakdown()
    assert breakdown["ocop"] == 5 and breakdown["research"] == 4
    assert breakdown["women_led"] > 0 and breakdown["student_led"] > 0
    assert public_counts() == {
        "projects_published": StartupProject.objects.published().count(),
        "events_held": 1,
        "awards": 6,
    }
    assert not Registration.objects.filter(status="cancelled", checked_in_at__isnull=False).exists()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_demo_pages_render(client, home, prefix):
    from django.urls import reverse

    from showcase.models import SupportOrganisation

    load_showcase(home)
    startup_day = EventPage.objects.get(slug="ngay-hoi-khoi-nghiep-2024")
    awarded = StartupProject.objects.get(title="Ứng dụng Chợ Quê Duy Xuyên")
    organisation = SupportOrganisation.objects.get(slug="vuon-uom-dai-hoc-quang-nam")
    pages = [
        startup_day.get_parent().url,
        startup_day.url,
        reverse("showcase:showcase") + "?awarded=1",
        awarded.get_absolute_url(),
        reverse("showcase:organisations"),
        organisation.get_absolute_url(),
    ]
    for url in pages:
        response = client.get(prefix + url)
        assert response.status_code == 200, url
    body = client.get(prefix + pages[1]).content.decode()
    assert "Ứng dụng Chợ Quê Duy Xuyên" in body  # the awards given there
    assert "Giải Nhì" in client.get(prefix + pages[3]).content.decode()


def _copy_with(tmp_path, name, change):
    """The demo data files in tmp_path, with one of them changed."""
    from showcase.demo import DATA_DIR

    for source in DATA_DIR.glob("*.json"):
        data = json.loads(source.read_text(encoding="utf-8"))
        if source.name == name:
            change(data)
        (tmp_path / source.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return tmp_path / name


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("events.json", lambda d: d["events"][0].pop("title"), "events[0].title: missing"),
        ("events.json", lambda d: d["events"][1].update(date="2024-11-23"), "events[1]: give either date or"),
        ("events.json", lambda d: d["events"][0].update(starts="7h30"), "events[0].starts: expected a date or time"),
        ("events.json", lambda d: d["events"][0].update(district="Hà Nội"), "events[0].district: unknown district"),
        (
            "projects.json",
            lambda d: d["projects"][3]["team"][0].update(gender="f"),
            "projects[3].team[0].gender: unknown value 'f' (allowed: female, male, other)",
        ),
        ("projects.json", lambda d: d["projects"][1].update(title=d["projects"][0]["title"]), "is used twice"),
        ("projects.json", lambda d: d["projects"][0].update(ocop_stars="4"), "ocop_stars: expected int, found str"),
        (
            "registrations.json",
            lambda d: d["registrations"][0].update(person="ai.do@example.org"),
            "registrations[0].person: unknown value 'ai.do@example.org'",
        ),
        ("registrations.json", lambda d: d["registrations"][-1].pop("phone"), "give either person or full_name"),
        ("awards.json", lambda d: d["awards"][0].update(rank="gold"), "awards[0].rank: unknown value 'gold'"),
        ("awards.json", lambda d: d["awards"][0].update(project="Không có"), "awards[0].project: unknown value"),
        ("organisations.json", lambda d: d[2]["contact"].update(fax=""), "[2].contact: unknown key 'fax'"),
        ("organisations.json", lambda d: d[0]["supports"].append("Không có"), "[0].supports[3]: unknown value"),
    ],
)
def test_a_malformed_file_is_named_with_its_key_and_nothing_is_loaded(home, tmp_path, name, change, message):
    from showcase.demo import DemoDataError

    path = _copy_with(tmp_path, name, change)
    with pytest.raises(DemoDataError) as error:
        load_showcase(home, data_dir=tmp_path)
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)
    assert not EventPage.objects.exists() and not StartupProject.objects.exists()


def test_the_upcoming_event_is_a_month_after_the_first_load_and_the_past_one_keeps_its_day(home):
    from django.utils import timezone

    from showcase.demo import UPCOMING_SLUG

    load_showcase(home)
    upcoming = EventPage.objects.get(slug=UPCOMING_SLUG)
    starts = timezone.localtime(upcoming.starts_at)
    assert starts.date() == timezone.localdate() + datetime.timedelta(days=30)
    assert (starts.hour, starts.minute) == (8, 0) and upcoming.ends_at - upcoming.starts_at == datetime.timedelta(
        hours=9
    )
    assert upcoming.registration_open and not upcoming.is_past
    past = EventPage.objects.get(slug="ngay-hoi-khoi-nghiep-2024")
    assert timezone.localtime(past.starts_at).isoformat() == "2024-11-23T07:30:00+07:00"
    assert [item.value["title"] for item in past.programme][-1] == "Trao giải và bế mạc"


def test_every_showcase_data_file_is_packaged():
    """An installed wheel has only the package data pyproject lists."""
    from showcase.demo import DATA_DIR, read_showcase

    pyproject = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["showcase"]
    packaged = {path for pattern in patterns for path in DATA_DIR.parent.glob(pattern)}
    assert set(DATA_DIR.iterdir()) <= packaged
    assert len(read_showcase()["projects"]["projects"]) == 24
