import pytest

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
