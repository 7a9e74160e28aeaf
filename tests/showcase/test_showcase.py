"""The public showcase and the support directory: only published projects, filters, bounded queries."""

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from showcase.models import StartupProject

from .factories import AwardFactory, OrganisationFactory, ProjectFactory, add_member, district, make_event, person

pytestmark = pytest.mark.django_db
URL = reverse("showcase:showcase")


def titles(response) -> list[str]:
    return [p.title for p in response.context["projects"]]


def test_unpublished_projects_never_appear(client):
    ProjectFactory(title="Công bố")
    for status in (StartupProject.DRAFT, StartupProject.SUBMITTED, StartupProject.RETURNED):
        project = ProjectFactory(title=f"Ẩn {status}", status=status)
        AwardFactory(project=project)  # even an award does not show an unpublished project
        assert client.get(project.get_absolute_url()).status_code == 404
    for query in ("", "?awarded=1", "?year=2024", "?stage=prototype"):
        response = client.get(URL + query)
        assert all(not t.startswith("Ẩn") for t in titles(response))
        assert "Ẩn" not in response.content.decode()
    assert titles(client.get(URL)) == ["Công bố"]


def test_filters(client, home):
    duy_xuyen, hoi_an = district("Duy Xuyên"), district("Hội An")
    event = make_event(home, days_ahead=-30)
    ocop = ProjectFactory(title="OCOP", area=duy_xuyen, origin="ocop", ocop_stars=4, sector="food")
    research = ProjectFactory(title="Nghiên cứu", area=hoi_an, origin="research", stage="growing")
    ProjectFactory(title="Khác", area=hoi_an, sector="tourism")
    AwardFactory(project=research, year=2023, event=event)
    AwardFactory(project=ocop, year=2024)

    def shown(query):
        return sorted(titles(client.get(URL + query)))

    assert shown(f"?area={duy_xuyen.pk}") == ["OCOP"]
    assert shown("?ocop=1") == ["OCOP"]
    assert shown("?origin=research") == ["Nghiên cứu"]
    assert shown("?stage=growing") == ["Nghiên cứu"]
    assert shown("?sector=tourism") == ["Khác"]
    assert shown("?year=2023") == ["Nghiên cứu"]
    assert shown("?awarded=1") == ["Nghiên cứu", "OCOP"]
    assert shown("?stage=nonsense&year=1999&area=x") == ["Khác", "Nghiên cứu", "OCOP"]  # unknown values are ignored
    # Awarded projects come first.
    assert titles(client.get(URL))[-1] == "Khác"


def test_the_project_page_shows_its_awards_and_team(client, home):
    event = make_event(home, days_ahead=-30, title="Ngày hội 2024")
    project = ProjectFactory(title="Cảm biến độ mặn", origin="ocop", ocop_stars=5)
    add_member(project, person(full_name="Nguyễn Thị Mặn", gender="female"), lead=True)
    AwardFactory(project=project, title="Giải Nhất", event=event)
    body = client.get(project.get_absolute_url()).content.decode()
    assert "Giải Nhất" in body and "Ngày hội 2024" in body and "Nguyễn Thị Mặn" in body and "★★★★★" in body
    # The event page lists the award too.
    assert "Cảm biến độ mặn" in client.get(event.url).content.decode()


def test_showcase_queries_do_not_grow_with_the_number_of_projects(client, django_assert_max_num_queries):
    image_model = get_image_model()
    for n in range(30):
        image = image_model.objects.create(title=f"Ảnh {n}", file=get_test_image_file()) if n % 3 == 0 else None
        project = ProjectFactory(cover_image=image)
        AwardFactory(project=project)
    client.get(URL)  # renditions are made on the first view
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert len(response.context["projects"]) == 24


def test_the_directory_shows_contacts_only_when_published(client):
    project = ProjectFactory(title="Được hỗ trợ")
    hidden_project = ProjectFactory(title="Bản nháp", status=StartupProject.DRAFT)
    shown = OrganisationFactory(name="Vườn ươm A", publish_contact=True, contact_email="a@example.org")
    private = OrganisationFactory(name="Quỹ B", kind="fund", publish_contact=False, contact_email="b@example.org")
    OrganisationFactory(name="Ẩn C", is_listed=False)
    shown.supported_projects.set([project, hidden_project])

    directory = client.get(reverse("showcase:organisations")).content.decode()
    assert "Vườn ươm A" in directory and "Quỹ B" in directory and "Ẩn C" not in directory
    assert "Quỹ B" not in client.get(reverse("showcase:organisations") + "?kind=incubator").content.decode()

    page = client.get(shown.get_absolute_url()).content.decode()
    assert "a@example.org" in page and "Được hỗ trợ" in page and "Bản nháp" not in page
    assert "b@example.org" not in client.get(private.get_absolute_url()).content.decode()
