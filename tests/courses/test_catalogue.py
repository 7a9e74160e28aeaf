import pytest

from courses.models import Audience, CoursePage

from .factories import build_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_courses(home):
    students = build_course(home, slug="sinh-vien")
    women = build_course(home, slug="phu-nu")
    course = women.course
    course.title = "Phụ nữ khởi nghiệp"
    course.level = CoursePage.INTERMEDIATE
    course.audiences.set(Audience.objects.filter(code="women"))
    course.tags.set(["OCOP"])
    course.save_revision().publish()
    return students, women


def _titles(client, catalogue, **params):
    response = client.get(catalogue.url, params)
    assert response.status_code == 200
    return [course.title for course in response.context["courses"]]


def test_filters_by_audience_tag_and_level(client, two_courses):
    students, women = two_courses
    catalogue = students.catalogue
    assert len(_titles(client, catalogue)) == 2
    assert _titles(client, catalogue, audience="women") == ["Phụ nữ khởi nghiệp"]
    assert _titles(client, catalogue, audience="students") == [students.course.title]
    assert _titles(client, catalogue, tag="ocop") == ["Phụ nữ khởi nghiệp"]
    assert _titles(client, catalogue, level="intermediate") == ["Phụ nữ khởi nghiệp"]
    assert _titles(client, catalogue, level="basic", audience="women") == []


def test_catalogue_queries_do_not_grow_with_courses(client, home, django_assert_max_num_queries):
    for n in range(5):
        build_course(home, slug=f"khoa-{n}", modules=1, lessons_per_module=1)
    catalogue = CoursePage.objects.first().get_parent()
    client.get(catalogue.url)
    with django_assert_max_num_queries(12):
        assert client.get(catalogue.url).status_code == 200
